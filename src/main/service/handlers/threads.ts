import type { MessageView, ThreadDetail } from '../../../shared/types';
import { VIEWS, type ActivityEntry, type View } from '../../../shared/team';
import { threadOutcomes } from '../../policy/metrics';
import { dueSoonWindow } from '../../policy/dueSoon';
import { getAccount } from '../../store/repos/accounts';
import { listAttachments } from '../../store/repos/attachments';
import { attachmentRisk } from '../../mail/attachmentRisk';
import { listThreadMessages } from '../../store/repos/messages';
import { listUnreadable } from '../../store/repos/messageDiagnostics';
import { searchThreads } from '../../store/repos/search';
import { searchCoverage } from '../../store/repos/searchCoverage';
import { getThread } from '../../store/repos/threads';
import { countViews } from '../../store/repos/viewCounts';
import type { Db } from '../../store/db';
import { AppError } from '../../appError';
import { promiseOutcomeEntries } from '../activityWords';
import { allowedImages, imagesAllowedFor } from '../remoteImages';
import { decorate, listView } from '../threadViews';
import type { Handlers } from '../types';
import type { ServiceCore } from './core';

/** Lists, counts, search and one conversation with its messages. */
export const threadHandlers = (core: ServiceCore) =>
  ({
    'threads.list': async ({ view, sort, limit, offset }) => {
      const account = getAccount(core.db);
      if (!account) return [];
      return listView(core.db, core.team(), {
        accountId: account.id,
        view,
        sort,
        limit,
        offset,
        now: core.deps.now(),
        leadMs: core.leadMs(),
      });
    },
    'views.counts': async () => {
      const account = getAccount(core.db);
      const zero = Object.fromEntries(VIEWS.map((v) => [v, 0])) as Record<View, number>;
      if (!account) return zero;
      const me = core.team()?.identity()?.address ?? null;
      return {
        ...zero,
        ...countViews(core.db, { accountId: account.id, me, now: core.deps.now(), leadMs: core.leadMs() }),
      };
    },
    'views.dueSoon': async () => dueSoonWindow(core.deadlines.policy(), core.deps.now()),
    'threads.search': async ({ query, limit, tzOffsetMinutes }) => {
      const account = core.requireAccount();
      const found = searchThreads(core.db, account.id, query, {
        limit,
        tzOffsetMinutes,
        now: core.deps.now(),
        me: core.team()?.identity()?.address ?? null,
      });
      if ('error' in found) throw new AppError('invalid-arguments', found.error.message);
      return decorate(core.db, core.team(), account.id, found, core.deps.now(), core.leadMs());
    },
    'search.coverage': async () => {
      const account = getAccount(core.db);
      if (!account) return { searchable: 0, total: 0, indexing: false };
      const coverage = searchCoverage(core.db, account.id);
      // The demo never syncs: the mail it holds is all there is, and all of it indexed.
      return core.deps.demo ? { ...coverage, indexing: false } : coverage;
    },
    'thread.get': async ({ id }) => core.threadDetail(id),
    'messages.unreadable': async ({ limit }) => {
      const account = getAccount(core.db);
      return account ? listUnreadable(core.db, account.id, limit) : [];
    },
  }) satisfies Partial<Handlers>;

/** One thread with messages, team state, notes and activity. */
export function threadDetail(core: ServiceCore, id: number): ThreadDetail {
  const summary = getThread(core.db, id);
  if (!summary)
    throw new AppError('not-found', 'That conversation no longer exists. It may have been merged into another one.');
  const team = core.team();
  const account = core.requireAccount();
  const [item] = decorate(core.db, team, account.id, [summary], core.deps.now(), core.leadMs());
  const extra = team ? team.detail(id) : { notes: [], activity: [] };
  const promises = promiseOutcomes(core, id, summary.from.name || summary.from.address);
  const activity = [...extra.activity, ...promises.entries].sort((a, b) => a.at - b.at);
  return {
    thread: item ?? {
      ...summary,
      team: {
        owner: null,
        ownerName: null,
        handoffTo: null,
        status: 'open',
        snoozedUntil: null,
        pending: 0,
        replying: [],
      },
      due: null,
    },
    messages: withAttachments(core.db, listThreadMessages(core.db, id)),
    notes: extra.notes,
    activity,
    openPromiseAt: promises.openAt,
  };
}

/** Kept and broken promises of a thread, replayed through the deadline rules. */
/**
 * The thread's promises as timeline entries (kept, broken), and the one still owed: it stays
 * owed when the customer writes again, though the new reply clock may then come due first.
 */
function promiseOutcomes(
  core: ServiceCore,
  id: number,
  customer: string,
): { entries: ActivityEntry[]; openAt: number | null } {
  const input = core.deadlines.input(id);
  const { rules } = core.deadlines.rules();
  const outcomes = threadOutcomes({ ...input, threadId: String(id), owner: null, customer }, rules);
  const open = outcomes.promises.filter((p) => p.endedAt === null);
  return {
    entries: promiseOutcomeEntries(outcomes.promises, customer, core.deps.now()),
    openAt: open.length > 0 ? Math.min(...open.map((p) => p.promisedAt)) : null,
  };
}

/** Adds attachment lists and the remote-image choice to messages. */
function withAttachments(db: Db, messages: MessageView[]): MessageView[] {
  const allowed = allowedImages(db);
  return messages.map((m) => ({
    ...m,
    attachments: (m.hasAttachments || m.html ? listAttachments(db, m.id) : []).map((a) => ({
      ...a,
      risk: attachmentRisk({ filename: a.filename, contentType: a.contentType }),
    })),
    imagesAllowed: imagesAllowedFor(allowed, m.id, m.from.address),
  }));
}
