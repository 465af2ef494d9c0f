import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import type { Identity, ThreadAction, ThreadTeamView, ActivityEntry, NoteView } from '../../shared/team';
import type { TeamEvent, Teammate } from '../../shared/teamEvents';
import type { Toast } from '../../shared/contract';
import { applyEvent, foldStored, outcomeFor } from '../team/fold';
import { draftTeamEvent, type TeamEventDraft } from '../team/draft';
import { closesOf, historyOf, type HistoryLine } from '../team/history';
import { eventDraftFor, mentionsIn } from '../team/threadAction';
import { encodeTeamEventMessage } from '../team/eventMessage';
import { findTeamThread, lookupThread } from '../team/threads';
import { readEntry, type TeamState, type TeamThread } from '../team/state';
import type { TeamLogSync } from '../mail/imap/teamLogFolder';
import { getTeamLogBase, loadTeamLog } from '../store/repos/teamLog';
import { TeamPresence, type OutgoingPresence } from './teamPresence';
import { deletePendingTeamEvent, listPendingTeamEvents, queueTeamEvent } from '../store/repos/teamPending';
import { clearThreadTeam } from '../store/repos/threadTeam';
import { getSetting, setSetting } from '../store/repos/settings';
import { messageIdsOfThread, threadsForMessageIds } from '../store/repos/threadRefs';
import { getThread } from '../store/repos/threads';
import { findThreadByAnyKey } from '../store/repos/threadKeys';
import { AppError } from '../appError';
import { materializeRows, teamDetail, teamView, type TeamReadContext } from './teamRows';
import { handoffOfferToast, lostMessage } from './teamWords';
import { withPendingTemplates, type SavedReplyView } from '../team/savedReplies';
import { mergedPromises } from '../team/merge';
import { TeamFixes } from './teamFixes';

/** How the team engine tells the rest of the app that something changed. */
export interface TeamSignals {
  threadsChanged(threadIds: number[]): void;
  toast(toast: Toast): void;
  /** The team's saved replies changed (mine, or a teammate's from the log). */
  templatesChanged?(): void;
}

/**
 * Team state for one account: the fold of the log folder (rebuilt from SQLite at start),
 * the pending actions, and the per-thread rows list views read. Ownership changes are
 * optimistic (docs/ARCHITECTURE.md): the server's UID order decides, and losers are told.
 */
export class TeamEngine {
  private state: TeamState;
  private promised: { state: TeamState | null; lastUid: number; any: boolean } = {
    state: null,
    lastUid: -1,
    any: false,
  };

  constructor(
    private readonly db: Db,
    private readonly accountId: number,
    private readonly now: () => number,
    private readonly signals: TeamSignals,
    private readonly meOverride?: string,
  ) {
    this.state = foldStored(loadTeamLog(db, accountId), getTeamLogBase(db, accountId));
    this.presence = new TeamPresence({
      now,
      identity: () => this.identity(),
      requireMe: () => this.requireMe(),
      draft: (threadId, state, me) => this.presenceEvent(threadId, state, me),
      keysOf: (keys) => this.keysOf(keys),
      nameOf: this.nameOf,
    });
    this.fixes = new TeamFixes({
      db,
      accountId,
      now,
      state: () => this.state,
      teamKeyOf: (threadId) => {
        const { thread, key, known } = this.teamThreadOf(threadId);
        return { key: thread?.key ?? key, known };
      },
      queue: (action, subject) => {
        const me = this.requireMe();
        if (!readEntry(this.state.roster, me.address)) this.setIdentity(me);
        return this.queue(action, subject, null);
      },
      requireMe: () => this.requireMe(),
      materialize: (threadIds) => this.materialize(threadIds),
      threadsChanged: (threadIds) => signals.threadsChanged(threadIds),
    });
  }

  /** Who is replying where (teammates' presence, and mine to send). */
  readonly presence: TeamPresence;
  /** Merging and splitting conversations (service/threadMerge.ts). */
  readonly fixes: TeamFixes;

  /** Who I am: the local identity (the CLI's --me wins). */
  identity(): Identity | null {
    const saved = getSetting<Identity | null>(this.db, 'me', null);
    if (this.meOverride)
      return {
        name: saved?.address === this.meOverride ? saved.name : this.meOverride,
        address: this.meOverride,
        signature: saved?.signature ?? '',
      };
    return saved;
  }

  /** Saves "who am I" and tells the team (a profile event), so my actions show my name. */
  setIdentity(identity: Identity): void {
    setSetting(this.db, 'me', identity);
    const known = readEntry(this.state.roster, identity.address);
    if (known?.name === identity.name && known.active) return;
    this.queue(
      { type: 'profile', thread: null, known: [], payload: { name: identity.name, active: true } } as TeamEventDraft,
      null,
      null,
    );
  }

  private requireMe(): Identity {
    const me = this.identity();
    if (!me)
      throw new AppError(
        'no-identity',
        'Tell Promptly who you are first (your name and address), so teammates see who did what.',
      );
    return me;
  }

  /** Teammates seen in the log. */
  roster(): Teammate[] {
    return Object.values(this.state.roster).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The team thread a local thread corresponds to, if the log knows it. */
  private teamThreadOf(threadId: number): { thread: TeamThread | null; key: string; known: string[] } {
    const local = getThread(this.db, threadId);
    if (!local) throw new AppError('not-found', 'That conversation no longer exists.');
    const ids = messageIdsOfThread(this.db, threadId, 50).filter((id) => id !== local.key);
    const known = [local.key, ...ids].slice(0, 50);
    return { thread: findTeamThread(this.state, known), key: local.key, known };
  }

  /** Takes an action on a thread: written locally first (pending), appended on the next sync. */
  act(threadId: number, action: ThreadAction): { eventId: string } {
    const me = this.requireMe();
    const { thread, key, known } = this.teamThreadOf(threadId);
    if (!readEntry(this.state.roster, me.address)) this.setIdentity(me);
    const mentions = action.type === 'note' ? mentionsIn(action.text, this.state.roster) : [];
    const subject = getThread(this.db, threadId)?.subject ?? null;
    const eventId = this.queue(eventDraftFor(action, thread?.key ?? key, known, mentions), subject, threadId);
    return { eventId };
  }

  private queue(action: TeamEventDraft, subject: string | null, threadId: number | null): string {
    const me = this.requireMe();
    const pending = listPendingTeamEvents(this.db, this.accountId).map((p) => p.event);
    const event = draftTeamEvent(this.state, action, { actor: me.address, id: randomUUID(), at: this.now(), pending });
    const raw = encodeTeamEventMessage(event, { threadSubject: subject, actorName: me.name });
    this.db.transaction(() => {
      queueTeamEvent(this.db, this.accountId, event, raw, this.now());
      if (threadId !== null) this.materialize([threadId]);
    })();
    if (threadId !== null) this.signals.threadsChanged([threadId]);
    return event.id;
  }

  /** Applies what a log sync brought: new events, or a full refold after a reset. */
  applyLog(sync: TeamLogSync): void {
    const affected = new Set<number>();
    if (sync.reset) {
      const entries = loadTeamLog(this.db, this.accountId);
      this.state = foldStored(entries, getTeamLogBase(this.db, this.accountId));
      this.signals.templatesChanged?.();
      clearThreadTeam(this.db);
      this.fixes.replay(entries).forEach((id) => affected.add(id));
      for (const thread of Object.values(this.state.threads))
        this.localThreadsOf(thread.key, []).forEach((id) => affected.add(id));
    } else {
      for (const entry of sync.entries) {
        const recorded = this.state.log.length;
        this.state = applyEvent(this.state, entry);
        if (this.state.log.length === recorded) continue; // presence or a snapshot: no team action
        const record = this.state.log[this.state.log.length - 1];
        if (record?.type?.startsWith('template.')) this.signals.templatesChanged?.();
        if (!record?.thread) continue;
        if (record.type === 'merge' || record.type === 'split') this.fixes.applyLogged(record, entry.event, affected);
        const event = entry.event as Partial<TeamEvent> | null;
        const known = Array.isArray(event?.known) ? event.known.filter((k): k is string => typeof k === 'string') : [];
        this.localThreadsOf(record.thread, known).forEach((id) => affected.add(id));
        this.announce(record.outcome.status === 'applied' ? event : null);
      }
    }
    for (const key of this.presence.observe(sync.entries))
      this.localThreadsOf(key, []).forEach((id) => affected.add(id));
    this.settlePending(affected);
    this.db.transaction(() => this.materialize([...affected]))();
    if (affected.size > 0) this.signals.threadsChanged([...affected]);
  }

  /**
   * A profile queued before this replica had read the log (a teammate set up again on a
   * new machine says who they are at once) may repeat what the log already says. Reads the
   * log first and drops such a profile, so it is not appended a second time.
   */
  async dropKnownProfiles(readLog: () => Promise<TeamLogSync>): Promise<void> {
    const queued = listPendingTeamEvents(this.db, this.accountId).filter(
      (p) => p.state === 'queued' && p.event.type === 'profile',
    );
    if (queued.length === 0) return;
    this.applyLog(await readLog());
    for (const p of queued) {
      if (p.event.type !== 'profile') continue;
      const known = readEntry(this.state.roster, p.event.actor);
      if (known?.name === p.event.payload.name && known.active === p.event.payload.active)
        deletePendingTeamEvent(this.db, p.id);
    }
  }

  /** A handoff offered to me is worth telling about, with accept and decline at hand. */
  private announce(event: Partial<TeamEvent> | null): void {
    const local = event ? this.localThreadsOf(event.thread ?? '', event.known ?? [])[0] : undefined;
    const toast = handoffOfferToast(event, this.identity()?.address, local, this.nameOf, randomUUID());
    if (toast) this.signals.toast(toast);
  }

  /** Pending actions the log now shows are settled: confirmed quietly, or the loser is told. */
  private settlePending(affected: Set<number>): void {
    for (const pending of listPendingTeamEvents(this.db, this.accountId)) {
      const record = outcomeFor(this.state, pending.id);
      if (!record) continue;
      deletePendingTeamEvent(this.db, pending.id);
      const locals = pending.threadKey ? this.localThreadsOf(pending.threadKey, pending.event.known) : [];
      locals.forEach((id) => affected.add(id));
      if (record.outcome.status === 'lost') {
        this.signals.toast({
          id: randomUUID(),
          kind: 'conflict',
          message: lostMessage(this.nameOf, record.outcome.winner, record.outcome.winnerAt, record.outcome.ownerNow),
          threadKey: pending.threadKey,
        });
      }
    }
  }

  /** A teammate's display name, or their address. */
  readonly nameOf = (address: string): string => readEntry(this.state.roster, address)?.name ?? address;

  /** Local threads a team thread maps to (by its key and the Message-IDs events carried). */
  private localThreadsOf(teamKey: string, known: string[]): number[] {
    const thread = lookupThread(this.state, teamKey);
    const keys = [teamKey, ...(thread ? [thread.key, ...thread.mergedFrom] : []), ...known];
    const ids = new Set(threadsForMessageIds(this.db, this.accountId, keys));
    const byKey = findThreadByAnyKey(this.db, this.accountId, teamKey);
    if (byKey !== null) ids.add(byKey);
    return [...ids];
  }

  /** Rewrites the team rows of local threads (after sync batches or log changes). */
  materialize(threadIds: number[]): void {
    materializeRows(this.reads(), threadIds);
  }

  /** A presence event for a local thread, ready to append (never queued: presence is ephemeral). */
  private presenceEvent(threadId: number, state: 'replying' | 'stopped', me: Identity): OutgoingPresence {
    const { thread, key, known } = this.teamThreadOf(threadId);
    const action = { type: 'presence', thread: thread?.key ?? key, known, payload: { state } } as TeamEventDraft;
    const event = draftTeamEvent(this.state, action, { actor: me.address, id: randomUUID(), at: this.now() });
    const subject = getThread(this.db, threadId)?.subject ?? null;
    return { event, raw: encodeTeamEventMessage(event, { threadSubject: subject, actorName: me.name }) };
  }

  /** Every key of the conversation known by `keys`: the team thread's own and the ones merged into it. */
  private keysOf(keys: readonly string[]): string[] {
    const thread = findTeamThread(this.state, keys);
    return [...keys, ...(thread ? [thread.key, ...thread.mergedFrom] : [])];
  }

  /** The state folded so far (read-only use: snapshots, diagnostics). */
  folded(): TeamState {
    return this.state;
  }

  /** The team part of a list row. */
  view(threadId: number): ThreadTeamView {
    return teamView(this.reads(), threadId);
  }

  /** Notes and the activity timeline of a thread, with my pending actions at the end. */
  detail(threadId: number): { notes: NoteView[]; activity: ActivityEntry[] } {
    return teamDetail(this.reads(), threadId);
  }

  private reads(): TeamReadContext {
    const { db, accountId, state, now, nameOf } = this;
    return {
      db,
      accountId,
      state,
      now,
      nameOf,
      teamThreadOf: (id) => this.teamThreadOf(id),
      replying: (keys) => this.presence.replying(keys),
    };
  }

  /**
   * After a reply reached the server: the thread waits on the customer, and a courtesy
   * reply's promise becomes its next deadline. A repeat call for the same promise (the
   * outbox may report a send twice after a crash) adds nothing.
   */
  recordSent(threadId: number, promiseAt: number | null): void {
    if (!this.identity() || !getThread(this.db, threadId)) return;
    const { thread, key, known } = this.teamThreadOf(threadId);
    const teamKey = thread?.key ?? key;
    const subject = getThread(this.db, threadId)?.subject ?? null;
    const pending = listPendingTeamEvents(this.db, this.accountId).map((p) => p.event);
    const promised = (due: number) =>
      (thread?.promises ?? []).some((p) => p.due === due) ||
      pending.some((e) => e.type === 'promise' && e.thread === teamKey && e.payload.due === due);
    if (promiseAt !== null && !promised(promiseAt)) {
      this.queue(
        { type: 'promise', thread: teamKey, known, payload: { due: promiseAt, text: '' } } as TeamEventDraft,
        subject,
        threadId,
      );
    }
    this.queue({ type: 'waiting', thread: teamKey, known, payload: {} } as TeamEventDraft, subject, threadId);
  }

  /** Whether the log holds any promise, per state and its last event: a new team's first
   *  sync then looks up no conversation's team thread for each batch's deadlines. */
  private anyPromise(): boolean {
    const { state } = this;
    if (this.promised.state !== state || this.promised.lastUid !== state.lastUid)
      this.promised = {
        state,
        lastUid: state.lastUid,
        any: Object.values(state.threads).some((t) => t.promises.length > 0),
      };
    return this.promised.any;
  }

  /** The owner's name of a team thread, for {{owner.name}} in replies. */
  ownerNameByKey(key: string): string | null {
    const owner = lookupThread(this.state, key)?.owner;
    return owner ? this.nameOf(owner) : null;
  }

  /** Promises made on a local thread (courtesy replies), for its deadline. */
  promisesFor(threadId: number): Array<{ at: number; due: number }> {
    if (!this.anyPromise() || !getThread(this.db, threadId)) return [];
    const { thread } = this.teamThreadOf(threadId);
    return (thread ? mergedPromises(this.state, thread) : []).map((p) => ({ at: p.at, due: p.due }));
  }

  /** Every close of a local thread, oldest first (metrics: repeat contact after a close). */
  closesFor(threadId: number): number[] {
    if (!getThread(this.db, threadId)) return [];
    const { thread } = this.teamThreadOf(threadId);
    if (!thread) return [];
    return closesOf(this.state, thread);
  }

  /** Sets the team policy for everyone (a policy.change event in the log). */
  setPolicy(policy: Record<string, unknown>): string {
    return this.queue(
      { type: 'policy.change', thread: null, known: [], payload: { policy } } as TeamEventDraft,
      null,
      null,
    );
  }

  /** The team policy as last set in the log (validated by the deadline code). */
  policyJson(): unknown {
    return this.state.policy?.policy ?? null;
  }

  /** The folded history in server order, for `log` and diagnostics. */
  history(): HistoryLine[] {
    return historyOf(this.state);
  }

  /** The team's saved replies, with my changes not yet appended, for the composer. */
  templates(): Record<string, SavedReplyView> {
    return withPendingTemplates(
      this.state.templates,
      listPendingTeamEvents(this.db, this.accountId).map((p) => p.event),
    );
  }

  /** Queues a team-wide event (a saved reply's change): appended on the next sync. */
  shareWithTeam(action: TeamEventDraft): string {
    const id = this.queue(action, null, null);
    this.signals.templatesChanged?.();
    return id;
  }
}
