import { describe, expect, it } from 'vitest';
import { cli, cliWithAccount } from '../support/cli';
import { accountFor, mailWorld, startEngine } from '../support/engine';

type Listed = { id: string; name: string; subject: string | null; body: string; updatedBy: string | null };

async function templates(dir: string): Promise<Listed[]> {
  return JSON.parse((await cli(['--data-dir', dir, '--json', 'templates'])).out) as Listed[];
}

describe('Saved replies shared through the team log', () => {
  it('Alice saves, changes it by saving under its name, Bob deletes it; Bob sees each change after a sync', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const a = accountFor(world, support);
    const alice = await cliWithAccount(a, 'alice');
    const bob = await cliWithAccount(a, 'bob');
    const asAlice = ['--data-dir', alice, '--me', 'alice@acme.example'];

    const saved = await cli([
      ...asAlice,
      'templates',
      'save',
      'Refund',
      '--body',
      'Hi {{customer.firstName}}, refunded.',
    ]);
    expect(saved).toMatchObject({ code: 0 });
    expect(saved.out).toBe('Saved “Refund” for the team.');

    await cli(['--data-dir', bob, 'sync', '--once']);
    const refund = (await templates(bob)).find((t) => t.name === 'Refund');
    expect(refund).toMatchObject({
      body: 'Hi {{customer.firstName}}, refunded.',
      subject: null,
      updatedBy: 'alice@acme.example',
    });

    // Saving under an existing name (any case) changes that reply rather than adding another.
    expect(
      (await cli([...asAlice, 'templates', 'save', 'refund', '--body', 'Refunded today.', '--subject', 'Your refund']))
        .code,
    ).toBe(0);
    await cli(['--data-dir', bob, 'sync', '--once']);
    const changed = (await templates(bob)).filter((t) => t.name === 'Refund');
    expect(changed).toEqual([
      expect.objectContaining({ id: refund!.id, body: 'Refunded today.', subject: 'Your refund' }),
    ]);

    // Bob deletes it; Alice's list loses it, the built-in courtesy reply stays.
    expect((await cli(['--data-dir', bob, '--me', 'bob@acme.example', 'templates', 'delete', 'Refund'])).code).toBe(0);
    await cli(['--data-dir', alice, 'sync', '--once']);
    expect((await templates(alice)).map((t) => t.name)).toEqual(['Courtesy reply']);
    const log = JSON.parse((await cli(['--data-dir', alice, '--json', 'log'])).out) as Array<{
      type: string;
      actor: string;
      outcome: string;
    }>;
    expect(log.filter((e) => e.type.startsWith('template')).map((e) => `${e.type}:${e.actor}:${e.outcome}`)).toEqual([
      'template.upsert:alice@acme.example:applied',
      'template.upsert:alice@acme.example:applied',
      'template.delete:bob@acme.example:applied',
    ]);
  });

  it('says what is wrong: no text, an unknown name, the built-in reply', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const dir = await cliWithAccount(accountFor(world, support), 'carol');
    const asCarol = ['--data-dir', dir, '--me', 'carol@acme.example'];
    expect(await cli([...asCarol, 'templates', 'save', 'Empty'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--body') as unknown,
    });
    expect(await cli([...asCarol, 'templates', 'delete', 'Nope'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('no saved reply named "Nope"') as unknown,
    });
    const builtIn = await cli([...asCarol, 'templates', 'delete', 'Courtesy reply']);
    expect(builtIn.code).toBe(1);
    expect(builtIn.err).toContain('built-in courtesy reply cannot be deleted');
    expect(await cli([...asCarol, 'templates', 'rename', 'X'])).toMatchObject({ code: 2 });
  });

  it('renames through the contract, refuses a name in use, and lists my change before it is shared', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const alice = await startEngine(world, support);
    const bob = await startEngine(world, support);
    await alice.service.call('me.set', { name: 'Alice', address: 'alice@acme.example', signature: '' });
    const made = await alice.service.call('templates.save', { id: null, name: 'Shipping', body: 'On its way.' });
    expect(made).toMatchObject({ name: 'Shipping', pending: true, updatedBy: 'alice@acme.example' });
    await alice.service.call('templates.save', { id: null, name: 'Returns', body: 'Send it back.' });
    await expect(alice.service.call('templates.save', { id: made.id, name: ' returns ', body: 'x' })).rejects.toThrow(
      'There is already a saved reply named “Returns”',
    );
    const renamed = await alice.service.call('templates.save', { id: made.id, name: 'Delivery', body: 'On its way.' });
    expect(renamed).toMatchObject({ id: made.id, name: 'Delivery' });
    await alice.service.syncNow();
    await bob.service.syncNow();
    const names = (await bob.service.call('templates.list', {})).map((t) => `${t.name}:${String(t.pending)}`);
    expect(names).toEqual(['Courtesy reply:false', 'Delivery:false', 'Returns:false']);
    await expect(bob.service.call('templates.delete', { id: made.id })).rejects.toThrow(/who you are/);
  });
});
