/** Element ids that keyboard actions focus (kept apart from the components, so actions import no React). */
export const NOTE_INPUT_ID = 'team-note-input';
