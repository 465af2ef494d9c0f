import { formatAddress } from '../../shared/address';
import type { FollowThroughMetrics } from '../../shared/policy';
import type {
  ConnectionReport,
  FolderStatus,
  LiveSyncStatus,
  ThreadDetail,
  ListedThread,
  ThreadSummary,
} from '../../shared/types';

/** "5 min", "3 h", "2 d": how long ago, for list rows. */
export function age(then: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - then) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

function pad(text: string, width: number): string {
  const clipped = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return clipped.padEnd(width);
}

/** One line per thread: id, age, sender, subject. */
export function formatThreads(threads: ThreadSummary[], now: number): string {
  return threads
    .map(
      (t) =>
        `${String(t.id).padStart(6)}  ${pad(age(t.lastMessageAt, now), 6)}  ${pad(t.from.name || t.from.address, 24)}  ${t.subject || '(no subject)'}${t.messageCount > 1 ? ` (${t.messageCount})` : ''}`,
    )
    .join('\n');
}

/** A thread with its messages and the team's notes as plain text, in time order. */
export function formatThread(detail: ThreadDetail): string {
  const entries = [
    ...detail.messages.map((m) => {
      const who = formatAddress(m.from);
      return {
        at: m.date,
        text: `\n--- ${who}, ${new Date(m.date).toISOString()}${m.fromTeam ? ' (team)' : ''}\n${m.text}`,
      };
    }),
    ...detail.notes.map((n) => ({
      at: n.at,
      text: `\n--- note by ${n.actorName} <${n.actor}>, ${new Date(n.at).toISOString()}${n.pending ? ' (not yet shared)' : ''}\n${n.text}`,
    })),
  ].sort((a, b) => a.at - b.at);
  return [`${detail.thread.subject || '(no subject)'}  [${detail.thread.key}]`, ...entries.map((e) => e.text)].join(
    '\n',
  );
}

/** Two lines, one per server. */
export function formatReport(report: ConnectionReport): string {
  const mark = (ok: boolean): string => (ok ? 'ok  ' : 'FAIL');
  return `${mark(report.imap.ok)} IMAP: ${report.imap.message}\n${mark(report.smtp.ok)} SMTP: ${report.smtp.message}`;
}

const PUSH_WORDS = {
  notify: 'push for every folder (NOTIFY)',
  idle: 'push for INBOX (IDLE), the other folders checked',
  poll: 'checking',
  off: 'not running (start it with "sync")',
} as const;

/** How live sync hears about changes, and why it is slow when it is: the head of `status`. */
export function formatLive(live: LiveSyncStatus, now: number): string {
  const age = Math.max(0, Math.round((now - live.updatedAt) / 1000));
  const head =
    live.push === 'off'
      ? `Live sync: ${PUSH_WORDS.off}; it may use ${live.maxConnections} connection(s) and checks every ${live.backgroundPollSeconds} s where the server does not push.`
      : `Live sync: ${PUSH_WORDS[live.push]}${live.push === 'notify' ? '' : ` every ${live.pollSeconds} s`}; ${live.connections} of at most ${live.maxConnections} connection(s) in use (as of ${age} s ago).`;
  return live.note ? `${head}\n  ${live.note}` : head;
}

/** One block per folder: position, backlog, errors and how long since the last pass. */
export function formatStatus(folders: FolderStatus[]): string {
  if (folders.length === 0) return 'Nothing synced yet. Run "sync --once".';
  return folders
    .map((f) =>
      [
        `${f.path} (${f.role})${f.complete ? '' : ' — initial sync not finished'}`,
        `  stored ${f.stored}${f.serverCount !== null ? ` of ${f.serverCount} on the server` : ''}, bodies pending ${f.pendingBodies}, could not read ${f.unreadable}`,
        `  UIDVALIDITY ${f.uidvalidity ?? '-'}, UIDNEXT ${f.uidnext ?? '-'}, HIGHESTMODSEQ ${f.highestModseq ?? '-'}`,
        `  last synced ${f.lagSeconds === null ? 'never' : `${f.lagSeconds} s ago`}${f.lastError ? `; last error: ${f.lastError}` : ''}`,
      ].join('\n'),
    )
    .join('\n');
}

/** Due threads, most urgent first: "overdue 20 min" / "due in 3 h". */
export function formatDeadlines(threads: ListedThread[], now: number): string {
  if (threads.length === 0) return 'Nothing is due.';
  return threads
    .map((t) => {
      const due = t.due;
      const when = !due ? '' : due.dueAt <= now ? `overdue ${age(due.dueAt, now)}` : `due in ${age(now, due.dueAt)}`;
      return `${String(t.id).padStart(6)}  ${when.padEnd(16)}  ${(t.team.ownerName ?? 'unassigned').padEnd(14)}  ${t.subject}`;
    })
    .join('\n');
}

function pct(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

function hoursOf(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? 'n/a' : `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The follow-through numbers in a few lines. */
export function formatMetrics(m: FollowThroughMetrics): string {
  return [
    `${new Date(m.period.from).toISOString().slice(0, 10)} – ${new Date(m.period.to).toISOString().slice(0, 10)}`,
    `courtesy deadlines met: ${pct(m.courtesy.share)} (${m.courtesy.met} met, ${m.courtesy.missed} missed, ${m.courtesy.pending} pending)`,
    `first human reply: median ${hoursOf(m.firstReply.wallClock.median)}, p90 ${hoursOf(m.firstReply.wallClock.p90)} (${m.firstReply.count} threads)`,
    `promises kept: ${pct(m.promises.share)} (${m.promises.kept} kept, ${m.promises.broken} broken)`,
    `repeat contact: ${pct(m.repeatContact.rate)} (${m.repeatContact.repeats} of ${m.repeatContact.closes} closes)`,
    `open threads: ${m.open.total}`,
  ].join('\n');
}
