import type { ThreadTeamView } from '../../../src/shared/team';
import type { Teammate } from '../../../src/shared/teamEvents';
import type { ThreadDetail, ListedThread } from '../../../src/shared/types';
import type { QueuedReply } from '../../../src/shared/outbox';

/** A thread's team state with overrides. */
export function teamView(over: Partial<ThreadTeamView> = {}): ThreadTeamView {
  return {
    owner: null,
    ownerName: null,
    handoffTo: null,
    status: 'open',
    snoozedUntil: null,
    pending: 0,
    replying: [],
    ...over,
  };
}

/** The roster the tests use. */
export const ROSTER: Teammate[] = [
  { address: 'alice@acme.example', name: 'Alice Archer', active: true, uid: 1 },
  { address: 'bob@acme.example', name: 'Bob Baker', active: true, uid: 2 },
  { address: 'carol@acme.example', name: 'Carol Cruz', active: true, uid: 3 },
];

/** A list row with overrides. */
export function listedThread(over: Partial<ListedThread> = {}): ListedThread {
  return {
    id: 7,
    key: '<t7@x>',
    subject: 'Where is my order?',
    snippet: '',
    from: { name: 'Ivan', address: 'ivan@shop.example' },
    lastMessageAt: 0,
    messageCount: 1,
    hasAttachments: false,
    team: teamView(),
    due: null,
    ...over,
  };
}

/** A thread detail with overrides. */
export function detail(over: Partial<ThreadDetail> = {}): ThreadDetail {
  return { thread: listedThread(), messages: [], notes: [], activity: [], openPromiseAt: null, ...over };
}

/** An outbox item with overrides. */
export function queuedReply(over: Partial<QueuedReply> = {}): QueuedReply {
  return {
    id: 1,
    threadId: 7,
    threadKey: '<t7@x>',
    kind: 'reply',
    state: 'queued',
    error: null,
    attempts: 0,
    messageId: 'm1@acme.example',
    subject: 'Re: Where is my order?',
    to: ['ivan@shop.example'],
    createdAt: 1_000,
    sendAt: 2_000,
    undoUntil: 2_000,
    retryAt: null,
    courtesy: false,
    promiseAt: null,
    acceptedAt: null,
    filedAt: null,
    ...over,
  };
}
