import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../src/main/store/db';
import { addSupportAccount } from '../../support/storeAccount';
import { ensureFolder } from '../../../src/main/store/repos/folders';
import { storeBatch } from '../../../src/main/store/ingest';
import { listPendingTeamEvents } from '../../../src/main/store/repos/teamPending';
import { resolveThread } from '../../../src/main/store/repos/threads';
import { messageIdsOfThread } from '../../../src/main/store/repos/threadRefs';
import { TeamEngine } from '../../../src/main/service/team';
import type { ParsedMessage } from '../../../src/shared/types';

const HOUR = 3_600_000;
const TEAM = new Set(['support@shop.example']);
const SUPPORT = { name: 'Support', address: 'support@shop.example' };
const ANN = { name: 'Ann', address: 'ann@customer.example' };
const START = Date.UTC(2026, 10, 2);

function setup(): { db: Db; accountId: number; store: (m: ParsedMessage) => void } {
  const db = openDb(':memory:');
  const accountId = addSupportAccount(db, SUPPORT.address);
  const inbox = ensureFolder(db, accountId, 'INBOX', 'inbox').id;
  let uid = 0;
  const store = (m: ParsedMessage) =>
    void storeBatch(db, [{ accountId, folderId: inbox, uid: ++uid, flags: [], raw: null, parsed: m }], TEAM);
  return { db, accountId, store };
}

function msg(id: string, hours: number, over: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: id,
    inReplyTo: null,
    references: [],
    subject: 'Sizes',
    from: ANN,
    to: [SUPPORT],
    cc: [],
    date: START + hours * HOUR,
    text: '',
    html: null,
    snippet: '',
    hasAttachments: false,
    attachments: [],
    ...over,
  };
}

/** A root, a reply naming it in References, and two replies that carry only In-Reply-To. */
const ROOT = msg('root@ann', 0);
const CHILD = msg('child@shop', 1, { from: SUPPORT, to: [ANN], inReplyTo: 'root@ann', references: ['root@ann'] });
const GRANDCHILD = msg('grandchild@ann', 2, { inReplyTo: 'child@shop' });
const GREAT = msg('great@shop', 3, { from: SUPPORT, to: [ANN], inReplyTo: 'grandchild@ann' });

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const keys = (db: Db): string[] =>
  (db.prepare('SELECT thread_key FROM threads ORDER BY thread_key').all() as Array<{ thread_key: string }>).map(
    (r) => r.thread_key,
  );

describe('a conversation is keyed by its root whatever order its mail arrived in', () => {
  it('replies carrying only In-Reply-To, stored before their parents, in all 24 orders', () => {
    for (const order of permutations([ROOT, CHILD, GRANDCHILD, GREAT])) {
      const { db, store } = setup();
      order.forEach(store);
      expect({ order: order.map((m) => m.messageId), keys: keys(db) }).toEqual({
        order: order.map((m) => m.messageId),
        keys: ['root@ann'],
      });
    }
  });

  it('without the root, the root the mail here names; without its namer, the oldest parent known', () => {
    for (const order of permutations([CHILD, GRANDCHILD, GREAT])) {
      const { db, store } = setup();
      order.forEach(store);
      expect(keys(db)).toEqual(['root@ann']);
    }
    for (const order of permutations([GRANDCHILD, GREAT])) {
      const { db, store } = setup();
      order.forEach(store);
      expect(keys(db)).toEqual(['child@shop']);
    }
  });

  it('an earlier key still names the conversation, and a reference loop ends where it closes', () => {
    const { db, accountId, store } = setup();
    store(GREAT);
    store(GRANDCHILD);
    expect(keys(db)).toEqual(['child@shop']);
    store(CHILD);
    expect(keys(db)).toEqual(['root@ann']);
    const thread = resolveThread(db, accountId, 'root@ann');
    expect(resolveThread(db, accountId, 'grandchild@ann')?.id).toBe(thread?.id);
    expect(resolveThread(db, accountId, '<child@shop>')?.id).toBe(thread?.id);
    expect(messageIdsOfThread(db, thread?.id ?? 0, 50).slice(0, 2)).toEqual(['child@shop', 'grandchild@ann']);

    const a = msg('a@x', 0, { inReplyTo: 'b@x' });
    const b = msg('b@x', 1, { inReplyTo: 'a@x' });
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const loop = setup();
      order.forEach(loop.store);
      expect(keys(loop.db)).toEqual(['a@x']);
    }
  });
});

describe('team state follows a conversation that is keyed again', () => {
  it('a claim made before the re-key survives it, pending and once the log confirms it', () => {
    const { db, accountId, store } = setup();
    const team = new TeamEngine(db, accountId, () => START + 10 * HOUR, { threadsChanged: () => {}, toast: () => {} });
    team.setIdentity({ name: 'Sam', address: SUPPORT.address, signature: '' });
    store(GRANDCHILD);
    const thread = resolveThread(db, accountId, 'child@shop');
    if (!thread) throw new Error('the grandchild made no conversation');
    team.act(thread.id, { type: 'claim' });
    expect(team.view(thread.id)).toMatchObject({ owner: SUPPORT.address, pending: 1 });

    store(CHILD);
    store(ROOT);
    team.materialize([thread.id]);
    expect(resolveThread(db, accountId, 'root@ann')?.id).toBe(thread.id);
    expect(team.view(thread.id)).toMatchObject({ owner: SUPPORT.address, pending: 1 });
    const claim = listPendingTeamEvents(db, accountId).find((p) => p.event.type === 'claim');
    expect(claim?.threadKey).toBe('root@ann');
    expect(claim?.event.thread).toBe('child@shop');

    // The log gives the claim back as it was written (naming the earlier key) after the profile.
    const written = listPendingTeamEvents(db, accountId).map((p, i) => ({ uid: i + 1, event: p.event }));
    team.applyLog({ entries: written, reset: false });
    expect(listPendingTeamEvents(db, accountId)).toEqual([]);
    expect(team.view(thread.id)).toMatchObject({ owner: SUPPORT.address, pending: 0 });
    expect(team.history().map((h) => h.outcome)).not.toContain('lost');
  });
});
