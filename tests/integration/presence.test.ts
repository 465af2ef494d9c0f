import { describe, expect, it } from 'vitest';
import type { PromptlyService } from '../../src/main/service/service';
import { TEAM_LOG_FOLDER } from '../../src/main/mail/imap/teamLogFolder';
import { TEAM_EVENT_HEADER } from '../../src/main/team/eventMessage';
import { sharedPart } from '../../src/main/team/snapshotState';
import { teamLogOutline } from '../../src/main/store/repos/teamLog';
import type { ListedThread } from '../../src/shared/types';
import { mailWorld, otherClient, startEngine } from '../support/engine';

type World = Awaited<ReturnType<typeof mailWorld>>;
type Mailbox = Awaited<ReturnType<World['createMailbox']>>;
type Engine = Awaited<ReturnType<typeof startEngine>>;

async function teammate(world: World, support: Mailbox, name: string, every?: number): Promise<Engine> {
  const engine = await startEngine(world, support, every === undefined ? {} : { teamSnapshotEvery: every });
  await engine.service.call('me.set', {
    name: name[0]!.toUpperCase() + name.slice(1),
    address: `${name}@acme.example`,
  });
  return engine;
}

async function row(service: PromptlyService, subject: string): Promise<ListedThread> {
  const found = (await service.call('threads.list', {})).find((t) => t.subject === subject);
  if (!found) throw new Error(`no thread "${subject}"`);
  return found;
}

/** Polls (without a fixed sleep deciding the outcome) until `check` holds; returns the ms it took. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - start;
}

/** UIDs of the log folder's messages of one event type, read by another mail client. */
async function logUids(world: World, support: Mailbox, type: string): Promise<number[]> {
  const client = await otherClient(world, support);
  try {
    const lock = await client.getMailboxLock(TEAM_LOG_FOLDER);
    try {
      return (await client.search({ header: { [TEAM_EVENT_HEADER]: `type=${type}` } }, { uid: true })) || [];
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

describe('who is replying (two teammates, live sync, real Dovecot)', () => {
  it('"Alice is replying" reaches Bob on the row and in the thread, and clears when she sends', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const alice = await teammate(world, support, 'alice');
    const bob = await teammate(world, support, 'bob');
    const subject = 'Where is my order 1042?';
    await world.deliverMail({ from: 'dora@customer.example', to: support.address, subject, text: 'Any news?' });
    await Promise.all([alice.service.syncNow(), bob.service.syncNow()]);
    await Promise.all([alice.service.startLive(), bob.service.startLive()]);
    try {
      const threadId = (await row(alice.service, subject)).id;
      const bobsId = (await row(bob.service, subject)).id;
      await alice.service.call('presence.set', { threadId, replying: true });
      const reached = await eventually(
        async () => (await row(bob.service, subject)).team.replying.some((r) => r.name === 'Alice'),
        20_000,
        "Alice's presence on Bob's row",
      );
      console.log(`presence reached Bob in ${reached} ms (live sync)`);
      const detail = await bob.service.call('thread.get', { id: bobsId });
      expect(detail.thread.team.replying).toEqual([
        expect.objectContaining({ address: 'alice@acme.example', name: 'Alice' }),
      ]);
      // Alice never sees herself; a second call within the minute sends nothing.
      expect((await row(alice.service, subject)).team.replying).toEqual([]);
      expect(await alice.service.call('presence.set', { threadId, replying: true })).toEqual({ sent: null });

      const queued = await alice.service.call('reply.send', {
        threadId,
        to: ['dora@customer.example'],
        text: 'It left the warehouse today.',
      });
      expect(queued.ok).toBe(true);
      const cleared = await eventually(
        async () => (await row(bob.service, subject)).team.replying.length === 0,
        20_000,
        "Alice's presence to clear on Bob's row",
      );
      console.log(`presence cleared on Bob's row ${cleared} ms after Alice sent`);
      expect(await logUids(world, support, 'presence')).toHaveLength(2); // one start, one stop
    } finally {
      await Promise.all([alice.service.stopLive(), bob.service.stopLive()]);
    }
  });
});

describe('team log snapshots and compaction (three teammates and a newcomer, real Dovecot)', () => {
  it('a snapshot lets a new engine with an empty database reach exactly the same state; presence is expunged', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const every = 12;
    const engines = [
      await teammate(world, support, 'alice', every),
      await teammate(world, support, 'bob', every),
      await teammate(world, support, 'carol', every),
    ];
    const [alice, bob, carol] = engines as [Engine, Engine, Engine];
    const subjects = ['Broken gear', 'Refund please', 'Invoice copy'];
    for (const s of subjects)
      await world.deliverMail({ from: 'erin@customer.example', to: support.address, subject: s, text: 'Help' });
    const syncAll = () => Promise.all(engines.map((e) => e.service.syncNow()));
    await syncAll();
    const ids = async (e: Engine) => Promise.all(subjects.map(async (s) => (await row(e.service, s)).id));
    const [a, b, c] = [await ids(alice), await ids(bob), await ids(carol)];
    await alice.service.call('thread.act', { id: a[0]!, action: { type: 'claim' } });
    await bob.service.call('presence.set', { threadId: b[1]!, replying: true });
    await carol.service.call('thread.act', { id: c[1]!, action: { type: 'note', text: 'Customer since 2019' } });
    await syncAll();
    await bob.service.call('thread.act', { id: b[1]!, action: { type: 'claim' } });
    await bob.service.call('presence.set', { threadId: b[1]!, replying: false });
    await carol.service.call('presence.set', { threadId: c[2]!, replying: true });
    await alice.service.call('thread.act', {
      id: a[2]!,
      action: { type: 'handoff', to: 'carol@acme.example', message: '' },
    });
    await syncAll();
    await carol.service.call('thread.act', { id: c[2]!, action: { type: 'note', text: 'Sent the PDF' } });
    await carol.service.call('presence.set', { threadId: c[2]!, replying: false });
    await alice.service.call('thread.act', { id: a[0]!, action: { type: 'snooze', until: Date.now() + 3_600_000 } });
    // A merge before the snapshot: every machine, the newcomer included, shows one conversation.
    const keyOf = async (e: Engine, subject: string) => (await row(e.service, subject)).key;
    await alice.service.call('threads.merge', {
      keys: [await keyOf(alice, 'Invoice copy')],
      into: await keyOf(alice, 'Broken gear'),
    });
    // One pass after another, so no teammate appends between a snapshot's point and the snapshot.
    const oneByOne = async () => {
      for (const e of engines) await e.service.syncNow();
    };
    await oneByOne();
    await oneByOne();

    // Someone wrote a snapshot once the log held `every` messages; the presence it covers is gone.
    const snapshots = await logUids(world, support, 'snapshot');
    await oneByOne(); // everyone reads the snapshot and sees the expunge
    expect(snapshots.length).toBeGreaterThanOrEqual(1);
    const covered = Math.max(...engines.map((e) => e.service.team()!.folded().snapshots.at(-1)?.upTo ?? 0));
    const presenceLeft = await logUids(world, support, 'presence');
    expect(presenceLeft.filter((uid) => uid <= covered)).toEqual([]);
    for (const e of engines) {
      const checks = e.service.team()!.folded().snapshots;
      expect(checks.map((check) => check.result)).not.toContain('mismatch');
      expect(checks.map((check) => check.result)).toContain('verified');
      // The expunged presence was forgotten here too, without reading the log again.
      expect(teamLogOutline(e.db, 1).filter((x) => x.type === 'presence' && x.uid <= covered)).toEqual([]);
    }

    // A newcomer with an empty database reads the snapshot and what follows it.
    const dave = await teammate(world, support, 'dave', every);
    await dave.service.syncNow();
    await syncAll();
    await dave.service.syncNow();
    const reference = sharedPart(alice.service.team()!.folded());
    for (const e of [bob, carol, dave]) expect(sharedPart(e.service.team()!.folded())).toEqual(reference);
    expect(dave.service.team()!.folded().snapshots[0]?.result).toBe('adopted');
    expect(teamLogOutline(dave.db, 1).length).toBeLessThan(teamLogOutline(alice.db, 1).length);
    const listOf = async (e: Engine) =>
      (await e.service.call('threads.list', {})).map((t) => [t.subject, t.messageCount, t.team.owner]).sort();
    const alicesList = await listOf(alice);
    expect(alicesList.map(([subject]) => subject)).not.toContain('Invoice copy');
    for (const e of [bob, carol, dave]) expect(await listOf(e)).toEqual(alicesList);
    const davesRefund = await dave.service.call('thread.get', { id: (await row(dave.service, 'Refund please')).id });
    expect(davesRefund.thread.team.owner).toBe('bob@acme.example');
    expect(davesRefund.notes.map((n) => n.text)).toEqual(['Customer since 2019']);
  });
});
