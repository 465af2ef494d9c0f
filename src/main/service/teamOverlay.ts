import type { TeamEvent } from '../../shared/teamEvents';
import type { ThreadTeamRow } from '../store/repos/threadTeam';
import { ownershipAfter } from '../team/ownership';

/**
 * Shows the person's own unconfirmed actions at once (docs/ARCHITECTURE.md: "shown as pending"):
 * a best guess on top of the folded state, replaced by the real outcome once the log
 * syncs back. Ownership changes go through the fold's own transitions (team/ownership.ts). Pure.
 */
export function overlayPending(row: ThreadTeamRow, pending: readonly TeamEvent[]): ThreadTeamRow {
  const out = { ...row };
  for (const e of pending) {
    switch (e.type) {
      case 'claim':
      case 'assign':
      case 'handoff.offer':
      case 'handoff.accept':
      case 'handoff.decline':
      case 'release':
        Object.assign(out, ownershipAfter(out, e));
        break;
      case 'close':
      case 'reopen':
      case 'waiting':
        out.status = e.type === 'close' ? 'closed' : e.type === 'reopen' ? 'open' : 'waiting';
        out.statusAt = e.at;
        break;
      case 'snooze':
        out.snoozedUntil = e.payload.until;
        out.snoozedAt = e.at;
        break;
      case 'note':
        out.notes += 1;
        break;
      default:
        break;
    }
  }
  return out;
}
