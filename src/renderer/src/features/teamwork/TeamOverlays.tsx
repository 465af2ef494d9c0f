import type { ThreadTeamView } from '../../../../shared/team';
import { AssignPicker } from './AssignPicker';
import { MergeChooser } from './MergeChooser';
import { SnoozePicker } from './SnoozePicker';
import { useTeamOverlay } from './stores';

/** The teamwork dialogs (assign picker, snooze picker): render once, near the app's overlays. */
export function TeamOverlays({ teamOf }: { teamOf?: (threadId: number) => ThreadTeamView | null }) {
  const overlay = useTeamOverlay((s) => s.overlay);
  const close = useTeamOverlay((s) => s.close);
  if (overlay.kind === 'assign')
    return (
      <AssignPicker
        threadId={overlay.threadId}
        threadIds={overlay.threadIds}
        team={teamOf?.(overlay.threadId) ?? null}
        onClose={close}
      />
    );
  if (overlay.kind === 'merge') return <MergeChooser threadIds={overlay.threadIds} onClose={close} />;
  if (overlay.kind === 'snooze')
    return <SnoozePicker threadId={overlay.threadId} threadIds={overlay.threadIds} onClose={close} />;
  return null;
}
