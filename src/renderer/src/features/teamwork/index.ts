/** The teamwork pieces (issues 4–6) in one import for the layout. */
export { OwnerBadge, DueChip, StatusMark, useNow } from './badges';
export { ReplyingMark } from './Replying';
export { PromiseLine } from './PromiseLine';
export { AssignPicker } from './AssignPicker';
export { SnoozePicker } from './SnoozePicker';
export { TeamOverlays } from './TeamOverlays';
export { ThreadTeamPanel } from './ThreadTeamPanel';
export { NoteComposer } from './NoteComposer';
export { NOTE_INPUT_ID } from './ids';
export { Composer, ComposerHost } from './Composer';
export { useComposer, openComposer, type ComposerKind } from './composerStore';
export { OutboxView, OutboxBadge, useOutboxAttention } from './OutboxView';
export { Dashboard } from './Dashboard';
export { IdentityForm, QuietHoursForm } from './IdentityForms';
export { PolicyForm } from './PolicyForm';
export { TeamSettings } from './TeamSettings';
export { TeamToasts } from './TeamToasts';
export { MessageSplit, chooseMessage } from './MessageSplit';
export {
  useRoster,
  useOutbox,
  useDashboard,
  useCounts,
  useTeamToasts,
  useTeamOverlay,
  startTeamwork,
  needsAttention,
  nameOf,
} from './stores';
export {
  teamActions,
  teamKeymap,
  TEAM_VIEWS,
  claimThread,
  closeThread,
  openAssignPicker,
  openSnoozePicker,
  focusNote,
  type TeamKeyAction,
  type TeamActionContext,
  type TeamViewId,
} from './actions';
