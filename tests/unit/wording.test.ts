import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainConnectionError } from '../../src/main/mail/connectionErrors';
import { accountInputSchema, fieldErrors } from '../../src/shared/schemas';
import { FileSecretStore } from '../../src/main/secrets';
import { formatReport } from '../../src/main/cli/format';
import { runCli } from '../../src/main/cli/cli';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'promptly-wording-'));
  dirs.push(dir);
  return dir;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, now: () => 0 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('words a person can act on', () => {
  const imap = { kind: 'IMAP' as const, host: 'mail.example.com', port: 143 };

  it('a plain connection that hears no greeting is not called a TLS failure, and says what to try', () => {
    // imapflow's own error for a server that never greets (seen against a TLS-only port).
    const e = explainConnectionError(
      {
        code: 'GREETING_TIMEOUT',
        message: 'Failed to receive greeting from server in required time. Maybe should use TLS?',
      },
      imap,
    );
    expect(e.code).toBe('timeout');
    expect(e.message).not.toMatch(/secure \(TLS\) connection/);
    expect(e.message).toMatch(/said nothing.*choose TLS/);
  });

  it('OpenSSL’s record-layer text is not shown; the advice is', () => {
    const e = explainConnectionError(
      {
        code: 'ERR_SSL_WRONG_VERSION_NUMBER',
        message:
          '808C24D0997F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:',
      },
      { ...imap, port: 993 },
    );
    expect(e.code).toBe('tls');
    expect(e.message).not.toMatch(/ssl3_get_record|0A00010B|deps\/openssl/);
    expect(e.message).toMatch(/did not answer with TLS.*STARTTLS/);
  });

  it('each server field’s example names its own server', () => {
    const parsed = accountInputSchema.safeParse({
      address: 'support@example.com',
      imap: { host: '', port: 993, tls: 'tls' },
      smtp: { host: '', port: 465, tls: 'tls' },
      user: 'support@example.com',
      password: 'x',
    });
    expect(parsed.success).toBe(false);
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    expect(fields['imap.host']).toMatch(/imap\.example\.com/);
    expect(fields['smtp.host']).toMatch(/smtp\.example\.com/);
  });

  it('the connection report names each server once', () => {
    const text = formatReport({
      ok: true,
      imap: { ok: true, message: 'Signed in to imap.example.com:993.' },
      smtp: { ok: true, message: 'Signed in to smtp.example.com:465.' },
    });
    expect(text).toBe('ok   IMAP: Signed in to imap.example.com:993.\nok   SMTP: Signed in to smtp.example.com:465.');
  });

  it('a damaged password file is named, with what to do', async () => {
    const file = join(tempDir(), 'cli-secrets.json');
    writeFileSync(file, '{"account:support@example.com": "pw"');
    await expect(new FileSecretStore(file).get('account:support@example.com')).rejects.toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged.*account set`),
    );
  });

  it('--me with something that is not an address is bad usage in words, not zod JSON', async () => {
    const { code, err } = await cli(['--data-dir', tempDir(), '--me', 'not-an-address', 'threads']);
    expect(code).toBe(2);
    expect(err).toBe(
      'promptly: --me takes your own work address, for example alice@example.com (got "not-an-address").',
    );
  });

  it('--data-dir naming a file says so instead of EEXIST', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const { code, err } = await cli(['--data-dir', file, 'status']);
    expect(code).toBe(2);
    expect(err).toBe(`promptly: --data-dir ${file} is a file, not a folder. Give a folder (it is created if missing).`);
  });
});
