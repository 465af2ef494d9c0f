import { createServer } from 'node:net';

import { describe, expect, it } from 'vitest';
import { accountFor, mailWorld, waitFor } from '../support/engine';
import { checkAccount } from '../../src/main/mail/accountCheck';
import { cli, accountFlags } from '../support/cli';
import type { AccountInput } from '../../src/shared/schemas';
import { tempDir } from '../support/tempDir';

/** `account set` flags with the password in PROMPTLY_TEST_PW. */
function cliFlags(a: AccountInput): string[] {
  return accountFlags(a).map((f) => (f === 'PW' ? 'PROMPTLY_TEST_PW' : f));
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('account connection test (real Dovecot and SMTP)', () => {
  it('a correct account passes both servers', async () => {
    const world = await mailWorld();
    const report = await checkAccount(accountFor(world, await world.createMailbox('support')));
    expect(report).toMatchObject({ ok: true, imap: { ok: true }, smtp: { ok: true } });
  });

  it('explains an unknown host, a wrong port, a wrong password and TLS to a plain port', async () => {
    const world = await mailWorld();
    const good = accountFor(world, await world.createMailbox('support'));
    const port = await closedPort();
    const cases: Array<[AccountInput, string, string, RegExp]> = [
      [
        {
          ...good,
          imap: { ...good.imap, host: 'imap.nonexistent.invalid' },
          smtp: { ...good.smtp, host: 'smtp.nonexistent.invalid' },
        },
        'dns',
        'dns',
        /could not be found/,
      ],
      [
        { ...good, imap: { ...good.imap, port }, smtp: { ...good.smtp, port } },
        'connection-refused',
        'connection-refused',
        /Nothing answered/,
      ],
      [{ ...good, password: 'wrong-password' }, 'auth', 'auth', /refused the user name or password/],
      [{ ...good, imap: { ...good.imap, tls: 'tls' }, smtp: { ...good.smtp, tls: 'tls' } }, 'tls', 'tls', /TLS/],
    ];
    for (const [input, imapCode, smtpCode, message] of cases) {
      const report = await checkAccount(input);
      expect(report.ok).toBe(false);
      expect(report.imap).toMatchObject({ ok: false, code: imapCode });
      expect(report.smtp).toMatchObject({ ok: false, code: smtpCode });
      expect(report.imap.message).toMatch(message);
    }
  });
});

describe('CLI account verbs', () => {
  it('saves a working account, tests it, and refuses a wrong password without half-saving', async () => {
    const world = await mailWorld();
    const good = accountFor(world, await world.createMailbox('support'));
    const dataDir = tempDir('cli');

    const wrong = await cli(['--data-dir', dataDir, 'account', 'set', ...cliFlags(good)], { PROMPTLY_TEST_PW: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/nothing was saved: The IMAP server refused the user name or password/);
    const afterWrong = await cli(['--data-dir', dataDir, 'account', 'test']);
    expect(afterWrong.code).toBe(1);
    expect(afterWrong.err).toMatch(/No mailbox is connected yet/);

    const saved = await cli(['--data-dir', dataDir, 'account', 'set', ...cliFlags(good)], {
      PROMPTLY_TEST_PW: good.password,
    });
    expect(saved.code).toBe(0);
    const tested = await cli(['--data-dir', dataDir, '--json', 'account', 'test']);
    expect(tested.code).toBe(0);
    expect(JSON.parse(tested.out)).toMatchObject({ ok: true });
  });

  it('--save-anyway saves settings whose server cannot be reached yet, but never past a refused password', async () => {
    const world = await mailWorld();
    const good = accountFor(world, await world.createMailbox('support'));
    const dataDir = tempDir('cli');
    const away = { ...good, imap: { ...good.imap, port: 1 } }; // nothing listens on port 1

    const refused = await cli(['--data-dir', dataDir, 'account', 'set', ...cliFlags(away)], {
      PROMPTLY_TEST_PW: good.password,
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/nothing was saved: Nothing answered on 127\.0\.0\.1:1/);
    expect(refused.err).toMatch(/add --save-anyway/);

    const wrongPassword = await cli(['--data-dir', dataDir, 'account', 'set', '--save-anyway', ...cliFlags(good)], {
      PROMPTLY_TEST_PW: 'nope',
    });
    expect(wrongPassword.code).toBe(1);
    expect((await cli(['--data-dir', dataDir, 'account', 'test'])).err).toMatch(/No mailbox is connected yet/);

    const saved = await cli(['--data-dir', dataDir, 'account', 'set', '--save-anyway', ...cliFlags(away)], {
      PROMPTLY_TEST_PW: good.password,
    });
    expect(saved.code).toBe(0);
    expect(saved.out).toMatch(/Saved without a connection/);
    const tested = await cli(['--data-dir', dataDir, 'account', 'test']);
    expect(tested.code).toBe(1);
    expect(tested.err).toMatch(/Nothing answered on 127\.0\.0\.1:1/);
  });

  it('bad usage exits 2 with a one-line reason', async () => {
    const dataDir = tempDir('cli');
    const world = await mailWorld();
    const good = accountFor(world, await world.createMailbox('support'));
    const badPort = await cli(
      ['--data-dir', dataDir, 'account', 'set', ...cliFlags({ ...good, imap: { ...good.imap, port: 99999 } })],
      { PROMPTLY_TEST_PW: 'x' },
    );
    expect(badPort).toMatchObject({ code: 2 });
    expect(badPort.err).toMatch(/--imap-port: The port must be between 1 and 65535/);
    expect((await cli(['--data-dir', dataDir, 'frobnicate'])).code).toBe(2);
    expect((await cli(['--data-dir', dataDir, '--bogus'])).code).toBe(2);
    expect((await cli(['--data-dir', dataDir, 'account', 'set', ...cliFlags(good)])).err).toMatch(
      /PROMPTLY_TEST_PW is empty/,
    );
    expect((await cli(['--data-dir', dataDir, 'threads', '--limit', 'x'])).code).toBe(2);
  });

  it('syncs and lists threads, and prints one thread', async () => {
    const world = await mailWorld();
    const mailbox = await world.createMailbox('support');
    const good = accountFor(world, mailbox);
    const dataDir = tempDir('cli');
    expect(
      (await cli(['--data-dir', dataDir, 'account', 'set', ...cliFlags(good)], { PROMPTLY_TEST_PW: good.password }))
        .code,
    ).toBe(0);
    await world.deliverMail({
      from: 'Gus <gus@customer.example>',
      to: mailbox.address,
      subject: 'Broken spoke',
      text: 'A spoke broke on my new wheel.',
    });
    const sync = await cli(['--data-dir', dataDir, 'sync', '--once']);
    expect(sync).toMatchObject({ code: 0 });
    expect(sync.out).toMatch(/INBOX: 1 new/);
    const list = await cli(['--data-dir', dataDir, '--json', 'threads', '--limit', '5']);
    const threads = JSON.parse(list.out) as Array<{ id: number; key: string; subject: string }>;
    expect(threads.map((t) => t.subject)).toEqual(['Broken spoke']);
    const shown = await cli(['--data-dir', dataDir, 'thread', threads[0]!.key]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('A spoke broke on my new wheel.');
    expect((await cli(['--data-dir', dataDir, 'thread', 'nope@nowhere'])).code).toBe(1);
    const status = await cli(['--data-dir', dataDir, '--json', 'status']);
    const { folders, live } = JSON.parse(status.out) as {
      folders: Array<{ path: string; stored: number; complete: boolean; lastError: string | null }>;
      live: { push: string };
    };
    expect(live.push).toBe('off');
    expect(folders.find((f) => f.path === 'INBOX')).toMatchObject({ stored: 1, complete: true, lastError: null });
    expect((await cli(['--data-dir', dataDir, 'status'])).out).toMatch(
      /INBOX \(inbox\)\n {2}stored 1 of 1 on the server/,
    );
    const raw = await cli(['--data-dir', dataDir, 'thread', threads[0]!.key, '--raw']);
    expect(JSON.parse(raw.out).messages[0]).toMatchObject({
      folder: 'INBOX',
      uid: 1,
      body_state: 'done',
      subject: 'Broken spoke',
    });
    const found = await cli(['--data-dir', dataDir, '--json', 'search', 'spoke', 'from:gus@customer.example']);
    expect((JSON.parse(found.out) as Array<{ subject: string }>).map((t) => t.subject)).toEqual(['Broken spoke']);
    expect(JSON.parse((await cli(['--data-dir', dataDir, '--json', 'search', 'from:nobody@x.example'])).out)).toEqual(
      [],
    );
    expect((await cli(['--data-dir', dataDir, 'search'])).code).toBe(2);
    const badDate = await cli(['--data-dir', dataDir, 'search', 'before:2024-02-31']);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/2024-02-31/);
  });

  it('continuous sync picks up new mail with IDLE and stops cleanly on the stop signal', async () => {
    const world = await mailWorld();
    const mailbox = await world.createMailbox('support');
    const good = accountFor(world, mailbox);
    const dataDir = tempDir('cli');
    expect(
      (await cli(['--data-dir', dataDir, 'account', 'set', ...cliFlags(good)], { PROMPTLY_TEST_PW: good.password }))
        .code,
    ).toBe(0);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const out: string[] = [];
    const running = cli(['--data-dir', dataDir, 'sync'], {}, stopped, out);
    await waitFor(() => out.some((l) => l.includes('Watching for new mail')), 5000, 'the first pass');
    await world.deliverMail({
      from: 'hal@customer.example',
      to: mailbox.address,
      subject: 'Live one',
      text: 'Arrived while watching.',
    });
    await waitFor(() => out.some((l) => /conversation\(s\) updated/.test(l)), 3000, 'the live update');
    stop();
    expect((await running).code).toBe(0);
    const list = await cli(['--data-dir', dataDir, '--json', 'threads']);
    expect((JSON.parse(list.out) as Array<{ subject: string }>).map((t) => t.subject)).toEqual(['Live one']);
  });
});
