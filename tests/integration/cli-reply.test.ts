import { describe, expect, it } from 'vitest';
import { cli, cliWithAccount } from '../support/cli';
import { accountFor, mailWorld } from '../support/engine';

describe('CLI replies, outbox and deadlines', () => {
  it('lists a due thread, sends a courtesy reply that becomes a promise, and shows the outbox', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const customer = await world.createMailbox('jo', 'customer.example');
    const a = accountFor(world, support);
    const dir = await cliWithAccount(a, 'reply');
    await world.deliverMail({
      from: customer.address,
      to: support.address,
      subject: 'Saddle size',
      text: 'Which saddle fits me?',
    });
    await cli(['--data-dir', dir, 'sync', '--once']);
    const [thread] = JSON.parse((await cli(['--data-dir', dir, '--json', 'threads'])).out) as Array<{
      key: string;
      due: { reason: string };
    }>;
    expect(thread!.due.reason).toBe('first-response');
    expect((await cli(['--data-dir', dir, 'deadlines', '--view', 'overdue'])).out).toBe('Nothing is due.');

    // The team's Reply-To travels with the policy and lands on the reply.
    expect(
      (await cli(['--data-dir', dir, '--me', 'dan@acme.example', 'policy', 'set', '--reply-to', 'help@acme.example']))
        .code,
    ).toBe(0);
    const sent = await cli([
      '--data-dir',
      dir,
      '--me',
      'dan@acme.example',
      'courtesy',
      thread!.key,
      '--promise',
      '2030-01-15',
    ]);
    expect(sent.code).toBe(0);
    expect(sent.out).toMatch(/filed|accepted/);
    const received = await world.smtpMessages({ to: customer.address });
    expect(received).toHaveLength(1);
    expect(received[0]!.raw.toString()).toMatch(/January 2030|15 January|January 15/);
    expect(received[0]!.raw.toString()).toMatch(/^Reply-To: help@acme\.example\r?$/m);
    const after = JSON.parse((await cli(['--data-dir', dir, '--json', 'threads'])).out) as Array<{
      due: { reason: string };
      team: { status: string };
    }>;
    expect(after[0]).toMatchObject({ due: { reason: 'promise' }, team: { status: 'waiting' } });
    const outbox = JSON.parse((await cli(['--data-dir', dir, '--json', 'outbox'])).out) as Array<{
      state: string;
      courtesy: boolean;
    }>;
    expect(outbox).toMatchObject([{ state: 'filed', courtesy: true }]);

    const bad = await cli(['--data-dir', dir, 'reply', thread!.key, '--text', 'Hi {{customer.shoeSize}}']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/customer\.shoeSize/);
    expect(await world.smtpMessages({ to: customer.address })).toHaveLength(1);
  });
});
