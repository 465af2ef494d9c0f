import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotatingLog } from '../../../src/main/shell/log';
import { redact } from '../../../src/main/shell/redact';
import { formatDiagnostics } from '../../../src/main/shell/diagnostics';
import type { FolderStatus } from '../../../src/shared/types';
import { tempDir } from '../../support/tempDir';

const folder = (path: string, role: string, lastError: string | null = null): FolderStatus => ({
  path,
  role,
  uidvalidity: '1',
  uidnext: 10,
  highestModseq: '5',
  complete: true,
  stored: 9,
  serverCount: 9,
  pendingBodies: 0,
  unreadable: 0,
  lastSyncedAt: Date.UTC(2026, 0, 5),
  lagSeconds: 2,
  lastError,
});

describe('rotating log files', () => {
  it('rotates by size and keeps only the newest N old files', () => {
    const dir = tempDir('logs');
    const log = new RotatingLog(dir, { maxBytes: 200, keep: 2 }, () => 0);
    for (let i = 0; i < 20; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['promptly.1.log', 'promptly.2.log', 'promptly.log']);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200);
    expect(readFileSync(join(dir, 'promptly.log'), 'utf8')).toContain('line 19');
    expect(readFileSync(join(dir, 'promptly.2.log'), 'utf8')).not.toContain('line 0 ');
    // A new log on the same folder continues the current file's size.
    new RotatingLog(dir, { maxBytes: 200, keep: 2 }, () => 0).info('again');
    expect(readFileSync(join(dir, 'promptly.log'), 'utf8')).toContain('again');
  });

  it('redacts lines and remembers recent errors', () => {
    const dir = tempDir('logs');
    const log = new RotatingLog(dir, undefined, () => 0);
    log.error('Login failed for support@shop.example', new Error('password=hunter2 refused'));
    const text = readFileSync(join(dir, 'promptly.log'), 'utf8');
    expect(text).not.toContain('support@shop.example');
    expect(text).not.toContain('hunter2');
    expect(log.recentErrors()).toEqual([{ at: 0, message: 'Login failed for [address]: password=[redacted] refused' }]);
  });
});

describe('diagnostics', () => {
  it('redact removes addresses, URL credentials and secret values', () => {
    expect(redact('imaps://bob:pw@imap.example.com/INBOX')).toBe('imaps://[redacted]@imap.example.com/INBOX');
    expect(redact('{"password":"s3cret","token": "abc"}')).toBe('{"password":"[redacted]","token": "[redacted]"}');
    expect(redact('Authorization: Bearer eyJhbGciOi.x.y')).not.toContain('eyJhbGciOi');
    expect(redact('From "Ann" <ann.lee+shop@mail.example.org>')).toBe('From "Ann" <[address]>');
  });

  it('gathers versions, platform, sync state and errors without contents or secrets', () => {
    const text = formatDiagnostics({
      version: '0.1.0',
      runtime: { electron: '45.4.1', chrome: '140', node: '22' },
      platform: 'linux',
      arch: 'x64',
      osRelease: '6.1',
      mode: 'account',
      folders: [
        folder('INBOX', 'inbox', 'AUTHENTICATE failed for support@shop.example (password=hunter2)'),
        folder('Customers/ACME Refund dispute', 'other'),
      ],
      recentErrors: [{ at: 0, message: 'SMTP said: token=abc123 rejected for ann@x.example' }],
      now: Date.UTC(2026, 0, 5),
    });
    expect(text).toContain('Promptly 0.1.0');
    expect(text).toContain('Electron 45.4.1');
    expect(text).toContain('Platform linux x64');
    expect(text).toContain('INBOX (inbox), stored 9/9');
    expect(text).toContain('folder 2 (other)');
    for (const secret of ['hunter2', 'support@shop.example', 'ACME', 'abc123', 'ann@x.example'])
      expect(text).not.toContain(secret);
  });
});
