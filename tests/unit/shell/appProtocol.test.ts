import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { rendererFileOf, serveAppRequest, APP_SCHEME_PRIVILEGES } = await import('../../../src/main/shell/appProtocol');
const { APP_CSP } = await import('../../../src/main/shell/csp');
const { appPageOf, isAppPage } = await import('../../../src/main/shell/appPage');

const dir = mkdtempSync(join(tmpdir(), 'promptly-renderer-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Promptly</title>');
writeFileSync(join(dir, 'assets', 'index-abc.js'), 'export {}');
writeFileSync(join(dir, 'assets', 'a b.css'), 'body{}');
writeFileSync(join(dir, '..', 'promptly-outside.txt'), 'secret');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(dir, '..', 'promptly-outside.txt'), { force: true });
});

describe('the app:// protocol', () => {
  beforeEach(() => resetFake());

  it('registers a standard, secure scheme so the page has an origin and ES modules load', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });

  it('maps URLs to files of the built renderer and nothing outside it', () => {
    expect(rendererFileOf('app://promptly/', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFileOf('app://promptly/index.html?x#/t/1', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFileOf('app://promptly/assets/a%20b.css', dir)).toBe(join(dir, 'assets', 'a b.css'));
    // The URL parser already folds plain and encoded dot segments: they stay inside.
    for (const folded of ['app://promptly/../promptly-outside.txt', 'app://promptly/%2e%2e/promptly-outside.txt'])
      expect(rendererFileOf(folded, dir)).toBe(join(dir, 'promptly-outside.txt'));
    for (const bad of [
      'app://promptly/assets/..%2f..%2fpromptly-outside.txt',
      'app://promptly/assets%5c..%5c..%5cpromptly-outside.txt',
      'app://promptly/%00',
      'app://promptly/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ])
      expect(rendererFileOf(bad, dir)).toBe(null);
  });

  it('answers with the file, its type, and the strict CSP header on every response', async () => {
    const page = await serveAppRequest('app://promptly/index.html', dir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Promptly</title>');
    const script = await serveAppRequest('app://promptly/assets/index-abc.js', dir);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const missing of ['app://promptly/nope.js', 'app://promptly/%2e%2e/promptly-outside.txt']) {
      const answer = await serveAppRequest(missing, dir);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(await answer.text()).not.toContain('secret');
    }
  });

  it('is what the desktop serves its window from', async () => {
    const { startDesktop } = await import('../../../src/main/shell/desktop');
    const { RotatingLog } = await import('../../../src/main/shell/log');
    const { PromptlyService } = await import('../../../src/main/service/service');
    const { openDb } = await import('../../../src/main/store/db');
    const { MemorySecretStore } = await import('../../../src/main/secrets');
    const data = mkdtempSync(join(tmpdir(), 'promptly-desktop-'));
    const service = new PromptlyService({
      db: openDb(':memory:'),
      secrets: new MemorySecretStore(),
      now: () => 0,
      version: '1',
    });
    startDesktop({
      service,
      dataDir: data,
      resourcesDir: '/res',
      preloadDir: '/p',
      page: appPageOf(dir),
      log: new RotatingLog(join(data, 'logs')),
      allowance: { allowsRemoteContent: () => false },
      platform: 'win32',
      argv: ['promptly'],
    });
    expect(fake.BrowserWindow.all[0]?.loadedUrl).toBe('app://promptly/index.html');
    expect(isAppPage('app://promptly/index.html', appPageOf(dir))).toBe(true);
    const answer = await fake.state.protocolHandlers.get('app')?.({ url: 'app://promptly/' });
    expect(answer?.headers.get('content-security-policy')).toBe(APP_CSP);
    rmSync(data, { recursive: true, force: true });
  });
});
