import { describe, expect, it } from 'vitest';
import { mailWorld, otherClient, startEngine } from '../support/engine';

describe('folders.add', () => {
  it('adds only folders the server has, and says which ones it has when the name is wrong', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    const other = await otherClient(world, support);
    await other.mailboxCreate('Projects');
    await other.mailboxCreate(['Archive', '2026']);
    await other.logout();

    for (const path of ['Does/Not/Exist', '../../etc', 'projects']) {
      await expect(service.call('folders.add', { path })).rejects.toMatchObject({
        code: 'not-found',
        message: expect.stringMatching(new RegExp(`^The server has no folder named ".+"\\..*INBOX.*Projects`)),
      });
    }
    const status = await service.call('folders.add', { path: 'Projects' });
    expect(status.map((f) => f.path)).toContain('Projects');
    expect(status.map((f) => f.path)).not.toContain('Does/Not/Exist');
    // INBOX is case-insensitive (RFC 3501 §5.1): the server's spelling is kept.
    expect((await service.call('folders.add', { path: 'inbox' })).map((f) => f.path)).not.toContain('inbox');
    const report = await service.syncNow();
    expect(report.folders.map((f) => f.path)).toContain('Projects');
  });
});
