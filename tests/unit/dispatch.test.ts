import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/service/dispatch';
import { PromptlyService } from '../../src/main/service/service';
import { openDb } from '../../src/main/store/db';
import { MemorySecretStore } from '../../src/main/secrets';

function service(checkAccount = vi.fn()) {
  return new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => 0,
    version: 't',
    checkAccount,
  });
}

const goodAccount = {
  address: 'support@shop.example',
  imap: { host: 'imap.shop.example', port: 993, tls: 'tls' },
  smtp: { host: 'smtp.shop.example', port: 465, tls: 'tls' },
  user: 'support@shop.example',
  password: 'pw',
};

describe('dispatch', () => {
  it('refuses unknown calls', async () => {
    const out = await dispatch(service().handlers(), 'fs.readFile', {});
    expect(out).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('refuses invalid arguments before running the handler, naming the field', async () => {
    const check = vi.fn();
    const out = await dispatch(service(check).handlers(), 'account.test', {
      ...goodAccount,
      imap: { ...goodAccount.imap, port: 70000 },
    });
    expect(out).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', fields: { 'imap.port': 'The port must be between 1 and 65535.' } },
    });
    expect(check).not.toHaveBeenCalled();
  });

  it('refuses extra keys (strict schemas)', async () => {
    const out = await dispatch(service().handlers(), 'threads.list', { limit: 5, sql: 'DROP TABLE threads' });
    expect(out.ok).toBe(false);
  });

  it('applies defaults and returns values', async () => {
    const out = await dispatch(service().handlers(), 'threads.list', {});
    expect(out).toEqual({ ok: true, value: [] });
  });

  it('keeps error codes of handler failures', async () => {
    const out = await dispatch(service().handlers(), 'thread.get', { id: 5 });
    expect(out).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('does not save an account whose servers refuse it', async () => {
    const check = vi.fn().mockResolvedValue({
      ok: false,
      imap: { ok: false, code: 'auth', message: 'no' },
      smtp: { ok: true, message: 'ok' },
    });
    const s = service(check);
    const out = await dispatch(s.handlers(), 'account.save', goodAccount);
    expect(out).toMatchObject({ ok: true, value: { ok: false } });
    expect(s.appInfo()).toMatchObject({ mode: 'setup', account: null });
  });
});
