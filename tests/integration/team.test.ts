import { describe, expect, it } from 'vitest';
import type { Toast } from '../../src/shared/contract';
import type { PromptlyService } from '../../src/main/service/service';
import { TEAM_LOG_FOLDER } from '../../src/main/mail/imap/teamLogFolder';
import { encodeTeamEventMessage } from '../../src/main/team/eventMessage';
import { mailWorld, otherClient, startEngine } from '../support/engine';

type Engine = Awaited<ReturnType<typeof startEngine>> & { toasts: Toast[] };

async function team(names: string[]) {
  const world = await mailWorld();
  const support = await world.createMailbox('support');
  const engines: Engine[] = [];
  for (const name of names) {
    const engine = await startEngine(world, support);
    const toasts: Toast[] = [];
    engine.service.events.on('toast', (t) => toasts.push(t));
    await engine.service.call('me.set', {
      name: name[0]!.toUpperCase() + name.slice(1),
      address: `${name}@acme.example`,
    });
    engines.push({ ...engine, toasts });
  }
  return { world, support, engines };
}

async function threadIdOf(service: PromptlyService, subject: string): Promise<number> {
  const list = await service.call('threads.list', {});
  const found = list.find((t) => t.subject === subject);
  if (!found) throw new Error(`no thread "${subject}"`);
  return found.id;
}

async function ownerSeenBy(service: PromptlyService, subject: string): Promise<string | null> {
  const list = await service.call('threads.list', {});
  return list.find((t) => t.subject === subject)?.team.owner ?? null;
}

describe('team ownership through the mailbox (three teammates, real Dovecot)', () => {
  it('concurrent claims: exactly one owner, everyone agrees, the others are told', async () => {
    const { world, support, engines } = await team(['alice', 'bob', 'carol']);
    for (let round = 0; round < 4; round++) {
      const subject = `Round ${round}: order question`;
      await world.deliverMail({
        from: `c${round}@customer.example`,
        to: support.address,
        subject,
        text: 'Where is it?',
      });
      await Promise.all(engines.map((e) => e.service.syncNow()));
      const ids = await Promise.all(engines.map((e) => threadIdOf(e.service, subject)));
      // Each claims with its own (stale) view, then all sync at once.
      const before = engines.map((e) => e.toasts.filter((t) => t.kind === 'conflict').length);
      await Promise.all(
        engines.map((e, i) => e.service.call('thread.act', { id: ids[i]!, action: { type: 'claim' } })),
      );
      await Promise.all(engines.map((e) => e.service.syncNow()));
      await Promise.all(engines.map((e) => e.service.syncNow()));
      const owners = await Promise.all(engines.map((e) => ownerSeenBy(e.service, subject)));
      expect(new Set(owners).size).toBe(1);
      expect(owners[0]).toMatch(/^(alice|bob|carol)@acme\.example$/);
      // Exactly the two who did not win were told, once each, this round.
      const names = ['alice', 'bob', 'carol'];
      engines.forEach((e, i) => {
        const conflicts = e.toasts.filter((t) => t.kind === 'conflict').length;
        const lost = `${names[i]}@acme.example` !== owners[0];
        expect(conflicts - (before[i] ?? 0)).toBe(lost ? 1 : 0);
      });
    }
    // Nothing stays pending.
    for (const e of engines)
      expect((await e.service.call('threads.list', {})).every((t) => t.team.pending === 0)).toBe(true);
  });

  it('an offline claim loses to an earlier online claim, and the late one is told who owns it', async () => {
    const { world, support, engines } = await team(['alice', 'bob']);
    const [alice, bob] = engines as [Engine, Engine];
    await world.deliverMail({
      from: 'dora@customer.example',
      to: support.address,
      subject: 'Invoice copy',
      text: 'Please resend.',
    });
    await Promise.all([alice.service.syncNow(), bob.service.syncNow()]);
    const bobThread = await threadIdOf(bob.service, 'Invoice copy');
    await bob.service.call('thread.act', { id: bobThread, action: { type: 'claim' } }); // bob is offline: queued only
    const pendingView = (await bob.service.call('threads.list', {}))[0]!;
    expect(pendingView.team).toMatchObject({ owner: 'bob@acme.example', pending: 1 });

    await alice.service.call('thread.act', {
      id: await threadIdOf(alice.service, 'Invoice copy'),
      action: { type: 'claim' },
    });
    await alice.service.syncNow();
    await bob.service.syncNow(); // back online: appends, syncs, learns the outcome
    expect(await ownerSeenBy(bob.service, 'Invoice copy')).toBe('alice@acme.example');
    expect(bob.toasts.at(-1)).toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/Alice had already changed this conversation at .*Alice owns it now/),
    });
    const detail = await bob.service.call('thread.get', { id: bobThread });
    expect(detail.activity.map((a) => [a.text, a.outcome])).toEqual([['Alice claimed it', 'applied']]);
    expect(detail.thread.team.pending).toBe(0);
  });

  it('handoff: stays with the giver until accepted; decline keeps it; accept moves it', async () => {
    const { world, support, engines } = await team(['alice', 'bob']);
    const [alice, bob] = engines as [Engine, Engine];
    await world.deliverMail({
      from: 'eli@customer.example',
      to: support.address,
      subject: 'Warranty claim',
      text: 'Frame cracked.',
    });
    await alice.service.syncNow();
    const a = await threadIdOf(alice.service, 'Warranty claim');
    await alice.service.call('thread.act', { id: a, action: { type: 'claim' } });
    await alice.service.call('thread.act', {
      id: a,
      action: { type: 'handoff', to: 'bob@acme.example', message: 'You know frames' },
    });
    await alice.service.syncNow();
    await bob.service.syncNow();
    const b = await threadIdOf(bob.service, 'Warranty claim');
    expect((await bob.service.call('threads.list', {}))[0]!.team).toMatchObject({
      owner: 'alice@acme.example',
      handoffTo: 'bob@acme.example',
    });
    expect(bob.toasts.find((t) => t.kind === 'handoff')).toMatchObject({
      action: { call: 'thread.act', args: { id: b, action: { type: 'accept' } } },
    });

    await bob.service.call('thread.act', { id: b, action: { type: 'decline', reason: 'busy' } });
    await bob.service.syncNow();
    await alice.service.syncNow();
    expect((await alice.service.call('threads.list', {}))[0]!.team).toMatchObject({
      owner: 'alice@acme.example',
      handoffTo: null,
    });

    await alice.service.call('thread.act', { id: a, action: { type: 'handoff', to: 'bob@acme.example', message: '' } });
    await alice.service.syncNow();
    await bob.service.syncNow();
    await bob.service.call('thread.act', { id: b, action: { type: 'accept' } });
    await bob.service.syncNow();
    await alice.service.syncNow();
    expect(await ownerSeenBy(alice.service, 'Warranty claim')).toBe('bob@acme.example');
    expect((await alice.service.call('views.counts', {})).mine).toBe(0);
    expect((await bob.service.call('views.counts', {})).mine).toBe(1);
  });

  it('a note reaches a watching teammate within 3 s, with the @mention resolved', async () => {
    const { world, support, engines } = await team(['alice', 'bob']);
    const [alice, bob] = engines as [Engine, Engine];
    await world.deliverMail({
      from: 'finn@customer.example',
      to: support.address,
      subject: 'Bulk order',
      text: '20 bikes?',
    });
    await alice.service.syncNow();
    await bob.service.startLive();
    try {
      await alice.service.call('thread.act', {
        id: await threadIdOf(alice.service, 'Bulk order'),
        action: { type: 'claim' },
      });
      await alice.service.syncNow(); // alice appears in the roster, so @alice resolves for bob
      await bob.service.call('thread.act', {
        id: await threadIdOf(bob.service, 'Bulk order'),
        action: { type: 'note', text: 'Hi @alice, discount applies' },
      });
      await bob.service.syncNow();
      const a = await threadIdOf(alice.service, 'Bulk order');
      // Alice is not watching: her next pass shows it. Bob watches: Alice's note reaches him.
      await alice.service.syncNow();
      expect((await alice.service.call('thread.get', { id: a })).notes).toMatchObject([
        { actorName: 'Bob', text: 'Hi @alice, discount applies', mentions: ['alice@acme.example'] },
      ]);
      await alice.service.call('thread.act', { id: a, action: { type: 'note', text: 'Done, sent the quote' } });
      await alice.service.syncNow();
      const b = await threadIdOf(bob.service, 'Bulk order');
      // Through Bob's live sync alone (he never syncs by hand); how fast is `npm run bench:connections`'s to say.
      let seen = false;
      const until = Date.now() + 20_000;
      while (!seen && Date.now() < until) {
        seen = (await bob.service.call('thread.get', { id: b })).notes.some((n) => n.text === 'Done, sent the quote');
        if (!seen) await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen).toBe(true);
    } finally {
      await bob.service.stopLive();
    }
  });

  it('survives a restart and a UIDVALIDITY change of the log folder; garbage in the log is ignored', async () => {
    const { world, support, engines } = await team(['alice']);
    const [alice] = engines as [Engine];
    await world.deliverMail({ from: 'gus@customer.example', to: support.address, subject: 'Gears', text: 'Skipping.' });
    await alice.service.syncNow();
    const id = await threadIdOf(alice.service, 'Gears');
    await alice.service.call('thread.act', { id, action: { type: 'claim' } });
    await alice.service.call('thread.act', { id, action: { type: 'note', text: 'Ordered the part' } });
    await alice.service.syncNow();

    const other = await otherClient(world, support);
    const junk = [
      'From: x@y.example\r\nSubject: hello\r\n\r\nnot an event\r\n',
      'From: x@y.example\r\nSubject: json\r\nX-Promptly-Event: v=1; type=claim\r\n\r\n{"v":9,"type":"claim"}\r\n',
      `From: x@y.example\r\nSubject: big\r\n\r\n${'A'.repeat(100_000)}\r\n`,
    ];
    for (const raw of junk) await other.append(TEAM_LOG_FOLDER, raw);
    await alice.service.syncNow();
    expect(await ownerSeenBy(alice.service, 'Gears')).toBe('alice@acme.example');
    // Anyone with write access can add events: one from outside the roster is shown as such.
    const key = (await alice.service.call('thread.get', { id })).thread.key;
    const forged = encodeTeamEventMessage({
      v: 1,
      id: '00000000-0000-4000-8000-00000000f00d',
      type: 'note',
      thread: key,
      actor: 'mallory@elsewhere.example',
      base: null,
      at: Date.now(),
      known: [key],
      payload: { text: 'Refund them twice', mentions: [] },
    });
    await other.append(TEAM_LOG_FOLDER, forged);
    await alice.service.syncNow();
    const timeline = (await alice.service.call('thread.get', { id })).activity.map((a) => a.text);
    expect(timeline).toContain('mallory@elsewhere.example added a note (not a teammate)');

    // Recreate the log folder with the same messages: new UIDVALIDITY, same order.
    const sources: Buffer[] = [];
    const lock = await other.getMailboxLock(TEAM_LOG_FOLDER);
    try {
      for await (const m of other.fetch('1:*', { source: true })) sources.push(m.source!);
    } finally {
      lock.release();
    }
    await other.mailboxDelete(TEAM_LOG_FOLDER);
    await other.mailboxCreate(TEAM_LOG_FOLDER);
    for (const s of sources) await other.append(TEAM_LOG_FOLDER, s);
    await other.logout();

    // A fresh engine on the same data (a restart) rebuilds from what it stored, then from the server.
    const { PromptlyService } = await import('../../src/main/service/service');
    const restarted = new PromptlyService({
      db: alice.db,
      secrets: (alice.service as unknown as { deps: { secrets: never } }).deps.secrets,
      now: Date.now,
      version: 't',
      dataDir: alice.dataDir,
    });
    expect(await ownerSeenBy(restarted, 'Gears')).toBe('alice@acme.example');
    await restarted.syncNow();
    expect(await ownerSeenBy(restarted, 'Gears')).toBe('alice@acme.example');
    expect((await restarted.call('thread.get', { id })).notes.map((n) => `${n.actorName}: ${n.text}`)).toEqual([
      'Alice: Ordered the part',
      'mallory@elsewhere.example (not a teammate): Refund them twice',
    ]);
  });
  it('a teammate set up again on a new machine does not announce their profile twice', async () => {
    const { world, support, engines } = await team(['alice']);
    await engines[0]!.service.syncNow();
    // The new machine says who she is before it has read the log.
    const again = await startEngine(world, support);
    await again.service.call('me.set', { name: 'Alice', address: 'alice@acme.example' });
    await again.service.syncNow();
    const other = await otherClient(world, support);
    try {
      const status = await other.status(TEAM_LOG_FOLDER, { messages: true });
      expect(status && status.messages).toBe(1);
    } finally {
      await other.logout();
    }
    expect((await again.service.call('threads.list', {})).every((t) => t.team.pending === 0)).toBe(true);
  });
});
