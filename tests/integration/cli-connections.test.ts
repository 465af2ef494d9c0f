import { describe, expect, it } from 'vitest';
import { accountFor, mailWorld, waitFor } from '../support/engine';
import { accountFlags, cli } from '../support/cli';
import { tempDir } from '../support/tempDir';

describe('the connection budget from the command line', () => {
  it('sync takes --max-connections and --poll-seconds, and status (another process) says how live sync hears', async () => {
    const world = await mailWorld();
    const mailbox = await world.createMailbox('support');
    const dataDir = tempDir('cli');
    const set = await cli(['--data-dir', dataDir, 'account', 'set', ...accountFlags(accountFor(world, mailbox))], {
      PW: mailbox.password,
    });
    expect(set.code).toBe(0);

    const bad = await cli(['--data-dir', dataDir, 'sync', '--once', '--max-connections', '0']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringMatching(/--max-connections: .*at least one connection/) });
    expect((await cli(['--data-dir', dataDir, 'status'])).out).toMatch(
      /^Live sync: not running \(start it with "sync"\); it may use 2 connection\(s\) and checks every 30 s/,
    );

    // One connection only: no watching connection, so live sync checks on an interval and says why.
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const out: string[] = [];
    const running = cli(
      ['--data-dir', dataDir, 'sync', '--max-connections', '1', '--poll-seconds', '15'],
      {},
      stopped,
      out,
    );
    await waitFor(() => out.some((l) => l.includes('Watching for new mail')), 20_000, 'live sync to start');
    const status = await cli(['--data-dir', dataDir, '--json', 'status']);
    expect(JSON.parse(status.out).live).toMatchObject({
      push: 'poll',
      reason: 'setting',
      pollSeconds: 15,
      maxConnections: 1,
    });
    expect((await cli(['--data-dir', dataDir, 'status'])).out).toMatch(
      /Live sync: checking every 15 s; \d of at most 1 connection\(s\) in use \(as of \d+ s ago\)\.\n {2}Promptly may use only one connection to the mail server \(Settings\), so it cannot wait for push\. Promptly checks every 15 seconds instead of instantly\./,
    );
    stop();
    expect((await running).code).toBe(0);
    expect(JSON.parse((await cli(['--data-dir', dataDir, '--json', 'status'])).out).live.push).toBe('off');
  });
});
