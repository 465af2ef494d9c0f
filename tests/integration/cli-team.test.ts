import { describe, expect, it } from 'vitest';
import { cli, cliWithAccount } from '../support/cli';
import { accountFor, mailWorld } from '../support/engine';

describe('CLI team verbs', () => {
  it('claim, handoff, accept, note and owner across two teammates, with the folded log', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const a = accountFor(world, support);
    const alice = await cliWithAccount(a, 'alice');
    const bob = await cliWithAccount(a, 'bob');
    await world.deliverMail({
      from: 'ivy@customer.example',
      to: support.address,
      subject: 'Brake pads',
      text: 'Which pads fit?',
    });
    await cli(['--data-dir', alice, 'sync', '--once']);
    const [thread] = JSON.parse((await cli(['--data-dir', alice, '--json', 'threads'])).out) as Array<{ key: string }>;
    const key = thread!.key;

    const claimed = await cli(['--data-dir', alice, '--me', 'alice@acme.example', 'claim', key]);
    expect(claimed).toMatchObject({ code: 0 });
    expect(claimed.out).toMatch(/claim: done \(owner: alice@acme\.example/);
    expect(
      (await cli(['--data-dir', alice, '--me', 'alice@acme.example', '--json', 'threads', '--view', 'mine'])).out,
    ).toContain('Brake pads');

    expect(
      (await cli(['--data-dir', alice, '--me', 'alice@acme.example', 'handoff', key, 'bob@acme.example'])).out,
    ).toMatch(/offered to bob@acme\.example/);
    await cli(['--data-dir', bob, 'sync', '--once']);
    expect((await cli(['--data-dir', bob, '--me', 'bob@acme.example', 'accept', key])).out).toMatch(
      /owner: bob@acme\.example/,
    );
    expect(
      (await cli(['--data-dir', bob, '--me', 'bob@acme.example', 'note', key, 'Ordered', 'the', 'pads'])).code,
    ).toBe(0);
    await cli(['--data-dir', alice, 'sync', '--once']);
    expect((await cli(['--data-dir', alice, 'owner', key])).out).toBe('bob@acme.example <bob@acme.example>');
    // The text view shows the team's notes among the messages, in time order.
    const text = (await cli(['--data-dir', alice, 'thread', key])).out;
    expect(text).toMatch(/--- note by .+ <bob@acme\.example>, \S+\nOrdered the pads/);
    expect(text.indexOf('Which pads fit?')).toBeLessThan(text.indexOf('Ordered the pads'));
    // `status` counts the team log's events as stored, not as missing mail.
    expect((await cli(['--data-dir', alice, 'status'])).out).toMatch(
      /Promptly Team Log \(team-log\)\n {2}stored (\d+) of \1 on the server/,
    );
    const log = JSON.parse((await cli(['--data-dir', alice, '--json', 'log'])).out) as Array<{
      type: string;
      actor: string;
      outcome: string;
    }>;
    expect(log.filter((e) => e.type !== 'profile').map((e) => `${e.type}:${e.actor}:${e.outcome}`)).toEqual([
      'claim:alice@acme.example:applied',
      'handoff.offer:alice@acme.example:applied',
      'handoff.accept:bob@acme.example:applied',
      'note:bob@acme.example:applied',
    ]);
    expect((await cli(['--data-dir', alice, 'assign', key])).code).toBe(2);
    expect((await cli(['--data-dir', alice, '--json', 'threads', '--view', 'nope'])).code).toBe(2);
  });
});
