import { describe, expect, it } from 'vitest';
import type { PromptlyService } from '../../src/main/service/service';
import { cli, cliWithAccount } from '../support/cli';
import { accountFor, mailWorld, startEngine } from '../support/engine';
import type { MailWorldClient, Mailbox } from '../support/mailworld';

type Engine = Awaited<ReturnType<typeof startEngine>>;

async function teammate(world: MailWorldClient, support: Mailbox, name: string): Promise<Engine> {
  const engine = await startEngine(world, support);
  await engine.service.call('me.set', { name, address: `${name.toLowerCase()}@acme.example`, signature: '' });
  return engine;
}

/** Each listed conversation as "subject: message ids, oldest first (owner)". */
async function conversations(service: PromptlyService): Promise<string[]> {
  const list = await service.call('threads.list', {});
  const rows = await Promise.all(
    list.map(async (t) => {
      const detail = await service.call('thread.get', { id: t.id });
      const ids = detail.messages.map((m) => m.messageId.split('@')[0]).join(' ');
      return `${t.subject}: ${ids} (${t.team.owner ?? 'nobody'})`;
    }),
  );
  return rows.sort();
}

async function idOf(service: PromptlyService, subject: string): Promise<number> {
  const found = (await service.call('threads.list', {})).find((t) => t.subject === subject);
  if (!found) throw new Error(`no conversation "${subject}"`);
  return found.id;
}

const customer = 'dora@customer.example';

describe('merge and split through the team log (real Dovecot)', () => {
  it('Alice merges two conversations; Bob and a new teammate see one with both histories and the right owner; undo brings both back everywhere', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const alice = await teammate(world, support, 'Alice');
    const bob = await teammate(world, support, 'Bob');
    const mail = (id: string, subject: string, parents: string[] = []) =>
      world.deliverMail({
        from: customer,
        to: support.address,
        subject,
        text: `${subject} (${id})`,
        messageId: `<${id}@customer.example>`,
        ...(parents.length > 0
          ? {
              inReplyTo: `<${parents.at(-1)}@customer.example>`,
              references: parents.map((p) => `<${p}@customer.example>`),
            }
          : {}),
      });
    await mail('a1', 'Order 88 arrived broken');
    await mail('b1', 'Photos of order 88');
    await Promise.all([alice.service.syncNow(), bob.service.syncNow()]);
    await bob.service.call('thread.act', {
      id: await idOf(bob.service, 'Photos of order 88'),
      action: { type: 'claim' },
    });
    await bob.service.call('thread.act', {
      id: await idOf(bob.service, 'Photos of order 88'),
      action: { type: 'note', text: 'Photos show a cracked frame' },
    });
    await bob.service.syncNow();
    await alice.service.syncNow();

    const merged = await alice.service.call('threads.merge', {
      keys: ['b1@customer.example'],
      into: 'a1@customer.example',
    });
    expect(merged.merged).toEqual([{ key: 'b1@customer.example', subject: 'Photos of order 88' }]);
    // Shown at once, with the owner the merge will settle on.
    expect(await conversations(alice.service)).toEqual(['Order 88 arrived broken: a1 b1 (bob@acme.example)']);
    await alice.service.syncNow();
    await bob.service.syncNow();
    await alice.service.syncNow();

    // The survivor had no owner, so it took Bob's; his note came along.
    expect(await conversations(bob.service)).toEqual(['Order 88 arrived broken: a1 b1 (bob@acme.example)']);
    expect(await conversations(alice.service)).toEqual(['Order 88 arrived broken: a1 b1 (bob@acme.example)']);
    const detail = await bob.service.call('thread.get', { id: await idOf(bob.service, 'Order 88 arrived broken') });
    expect(detail.notes.map((n) => n.text)).toEqual(['Photos show a cracked frame']);
    expect(detail.activity.map((a) => a.text)).toContain(
      'Alice merged “Photos of order 88” into “Order 88 arrived broken”',
    );

    // The customer answers the merged-away message: the answer joins the merged conversation everywhere.
    await mail('b2', 'Re: Photos of order 88', ['b1']);
    await Promise.all([alice.service.syncNow(), bob.service.syncNow()]);
    expect(await conversations(bob.service)).toEqual(['Order 88 arrived broken: a1 b1 b2 (bob@acme.example)']);

    // A teammate who starts later, with an empty database, ends the same.
    const carol = await teammate(world, support, 'Carol');
    await carol.service.syncNow();
    await carol.service.syncNow();
    expect(await conversations(carol.service)).toEqual(['Order 88 arrived broken: a1 b1 b2 (bob@acme.example)']);

    // Undo: the merged conversation comes back out with its reply, its owner and its note.
    await alice.service.call('threads.split', { key: 'a1@customer.example', mergedKey: 'b1@customer.example' });
    const apart = ['Order 88 arrived broken: a1 (bob@acme.example)', 'Photos of order 88: b1 b2 (bob@acme.example)'];
    expect((await conversations(alice.service)).map((c) => c.replace(/ \(.*\)$/, ''))).toEqual(
      apart.map((c) => c.replace(/ \(.*\)$/, '')),
    );
    await alice.service.syncNow();
    await Promise.all([bob.service.syncNow(), carol.service.syncNow()]);
    await alice.service.syncNow();
    for (const engine of [alice, bob, carol]) expect(await conversations(engine.service)).toEqual(apart);
    const back = await carol.service.call('thread.get', { id: await idOf(carol.service, 'Photos of order 88') });
    expect(back.notes.map((n) => n.text)).toEqual(['Photos show a cracked frame']);
  });

  it('Split from here comes apart on every machine, a later reply stays on its side, and merging back undoes it', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const alice = await teammate(world, support, 'Alice');
    const bob = await teammate(world, support, 'Bob');
    const mail = (id: string, subject: string, parents: string[] = []) =>
      world.deliverMail({
        from: customer,
        to: support.address,
        subject,
        text: id,
        messageId: `<${id}@customer.example>`,
        ...(parents.length > 0
          ? {
              inReplyTo: `<${parents.at(-1)}@customer.example>`,
              references: parents.map((p) => `<${p}@customer.example>`),
            }
          : {}),
      });
    await mail('m1', 'Invoice 12');
    await mail('m2', 'Re: Invoice 12', ['m1']);
    await mail('m3', 'Re: Invoice 12 - and a new question about shipping', ['m1', 'm2']);
    await mail('m4', 'Re: Invoice 12 - and a new question about shipping', ['m1', 'm2', 'm3']);
    await Promise.all([alice.service.syncNow(), bob.service.syncNow()]);
    expect(await conversations(bob.service)).toEqual(['Invoice 12: m1 m2 m3 m4 (nobody)']);

    const split = await alice.service.call('threads.split', {
      key: 'm1@customer.example',
      fromMessageId: 'm3@customer.example',
    });
    expect(split.key).toBe('m3@customer.example');
    const apart = ['Invoice 12: m1 m2 (nobody)', 'Re: Invoice 12 - and a new question about shipping: m3 m4 (nobody)'];
    expect(await conversations(alice.service)).toEqual(apart);
    await alice.service.syncNow();
    await bob.service.syncNow();
    expect(await conversations(bob.service)).toEqual(apart);

    // A reply naming both sides in References joins its parent's side only, on both machines.
    await mail('m5', 'Re: shipping', ['m1', 'm2', 'm3', 'm4']);
    await Promise.all([alice.service.syncNow(), bob.service.syncNow()]);
    const withReply = [
      'Invoice 12: m1 m2 (nobody)',
      'Re: Invoice 12 - and a new question about shipping: m3 m4 m5 (nobody)',
    ];
    expect(await conversations(alice.service)).toEqual(withReply);
    expect(await conversations(bob.service)).toEqual(withReply);

    // Undo is the opposite action: Bob merges it back.
    await bob.service.call('threads.merge', { keys: ['m3@customer.example'], into: 'm1@customer.example' });
    await bob.service.syncNow();
    await alice.service.syncNow();
    for (const engine of [alice, bob])
      expect(await conversations(engine.service)).toEqual(['Invoice 12: m1 m2 m3 m4 m5 (nobody)']);
    const activity = (await alice.service.call('thread.get', { id: await idOf(alice.service, 'Invoice 12') })).activity;
    expect(activity.map((a) => a.text)).toEqual([
      'Alice split “Re: Invoice 12 - and a new question about shipping” off “Invoice 12”',
      'Bob merged “Re: Invoice 12 - and a new question about shipping” into “Invoice 12”',
    ]);
  });

  it('CLI: merge KEY INTO_KEY and split KEY --from MESSAGE_ID, with plain words for bad usage', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const dir = await cliWithAccount(accountFor(world, support), 'dana');
    const asDana = ['--data-dir', dir, '--me', 'dana@acme.example'];
    await world.deliverMail({
      from: customer,
      to: support.address,
      subject: 'Refund',
      text: 'r',
      messageId: '<r1@customer.example>',
    });
    await world.deliverMail({
      from: customer,
      to: support.address,
      subject: 'Refund again',
      text: 'r',
      messageId: '<r2@customer.example>',
    });
    await cli(['--data-dir', dir, 'sync', '--once']);

    expect(await cli([...asDana, 'merge', 'r2@customer.example'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('usage: merge KEY INTO_KEY') as unknown,
    });
    expect(await cli([...asDana, 'split', 'r1@customer.example'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--from MESSAGE_ID') as unknown,
    });
    const self = await cli([...asDana, 'merge', 'r1@customer.example', 'r1@customer.example']);
    expect(self.code).toBe(1);
    expect(self.err).toContain('cannot be merged into itself');
    const unknown = await cli([...asDana, 'merge', 'nope@x', 'r1@customer.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No conversation “nope@x”');

    const merged = await cli([...asDana, 'merge', 'r2@customer.example', 'r1@customer.example']);
    expect(merged).toMatchObject({ code: 0, out: 'Merged “Refund again” into “Refund” (2 messages).' });
    const first = await cli([...asDana, 'split', 'r1@customer.example', '--from', 'r1@customer.example']);
    expect(first.code).toBe(1);
    expect(first.err).toContain('That is the first message');
    const split = await cli([...asDana, 'split', 'r1@customer.example', '--from', '<r2@customer.example>']);
    expect(split.err).toBe('');
    expect(split).toMatchObject({ code: 0 });
    expect(split.out).toContain('Split “Refund again” (1 message) into a conversation of its own');
    const log = JSON.parse((await cli(['--data-dir', dir, '--json', 'log'])).out) as Array<{
      type: string;
      outcome: string;
    }>;
    expect(log.filter((e) => e.type === 'merge' || e.type === 'split').map((e) => `${e.type}:${e.outcome}`)).toEqual([
      'merge:applied',
      'split:applied',
    ]);
  });
});
