import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { hardenSession } = await import('../../../src/main/shell/session');
const { appPageOf } = await import('../../../src/main/shell/appPage');
const { APP_CSP, appCsp } = await import('../../../src/main/shell/csp');
const { blocksRemoteRequest, MemoryRemoteContentAllowance, messageFrameName, messageIdOfFrame } =
  await import('../../../src/main/shell/remoteContent');
type FrameInfo = import('../../../src/main/shell/remoteContent').FrameInfo;

const page = appPageOf('/app/out/renderer');
const appFrame: FrameInfo = { url: 'app://promptly/index.html', name: '', parent: null };
const messageFrame = (id: number): FrameInfo => ({ url: 'about:srcdoc', name: messageFrameName(id), parent: appFrame });

describe('the hardened session', () => {
  const allowance = new MemoryRemoteContentAllowance();
  beforeEach(async () => {
    resetFake();
    const { session } = await import('electron');
    hardenSession(session.defaultSession, page, allowance);
  });

  it('denies every permission', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      fake.state.permissionRequest?.(null, permission, (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(fake.state.permissionCheck?.(null, 'media')).toBe(false);
  });

  it("in development adds the dev CSP header to the dev server's page only, replacing any other CSP", async () => {
    resetFake();
    const { session } = await import('electron');
    hardenSession(session.defaultSession, appPageOf('/app/out/renderer', 'http://localhost:5173'), allowance);
    const results: unknown[] = [];
    const callback = (r: unknown) => results.push(r);
    fake.state.headersReceived?.(
      {
        url: 'http://localhost:5173/',
        resourceType: 'mainFrame',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] },
      },
      callback,
    );
    fake.state.headersReceived?.({ url: 'https://cdn.example/x.png', resourceType: 'image' }, callback);
    const devCsp = appCsp({ dev: true });
    expect(results[0]).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [devCsp] } });
    expect(results[1]).toEqual({});
  });

  it('allows the React preamble (inline script) and the reload socket in development only', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toMatch(/script-src 'self';/);
    expect(APP_CSP).toMatch(/connect-src 'self';/);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(appCsp({ dev: true })).toMatch(/script-src 'self' 'unsafe-inline';/);
    expect(appCsp({ dev: true })).toContain('ws://localhost:*');
    // The browser preview differs from the packaged app only by the bridge socket.
    expect(appCsp({ bridge: true }).replace(' ws://127.0.0.1:*', '')).toBe(APP_CSP);
  });

  it('filters every remote scheme', () => {
    expect(fake.state.beforeRequest?.filter.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    const verdicts: unknown[] = [];
    fake.state.beforeRequest?.listener(
      { url: 'https://tracker.example/p.gif', resourceType: 'image', webContentsId: 1, frame: messageFrame(3) },
      (v: unknown) => verdicts.push(v),
    );
    expect(verdicts).toEqual([{ cancel: true }]);
  });
});

describe('blocksRemoteRequest', () => {
  const allowance = new MemoryRemoteContentAllowance();
  const image = (frame: FrameInfo | null, url = 'https://img.example/a.png', resourceType = 'image') => ({
    url,
    resourceType,
    webContentsId: 1,
    frame,
  });

  it('blocks remote loads from a message frame until the person allows them', () => {
    expect(blocksRemoteRequest(image(messageFrame(7)), page, allowance)).toBe(true);
    allowance.allow(7);
    expect(blocksRemoteRequest(image(messageFrame(7)), page, allowance)).toBe(false);
    expect(blocksRemoteRequest(image(messageFrame(8)), page, allowance)).toBe(true);
    allowance.revoke(7);
    expect(blocksRemoteRequest(image(messageFrame(7)), page, allowance)).toBe(true);
  });

  it('lets an allowed message load passive content only', () => {
    allowance.allow(9);
    expect(blocksRemoteRequest(image(messageFrame(9), 'https://x.example/s.js', 'script'), page, allowance)).toBe(true);
    expect(blocksRemoteRequest(image(messageFrame(9), 'https://x.example/f', 'subFrame'), page, allowance)).toBe(true);
    expect(blocksRemoteRequest(image(messageFrame(9), 'https://x.example/', 'xhr'), page, allowance)).toBe(true);
  });

  it('does not trust a frame nested in a message, whatever its name', () => {
    allowance.allow(10);
    const nested: FrameInfo = { url: 'about:srcdoc', name: messageFrameName(10), parent: messageFrame(10) };
    expect(blocksRemoteRequest(image(nested), page, allowance)).toBe(true);
    const foreignParent: FrameInfo = {
      url: 'about:srcdoc',
      name: messageFrameName(10),
      parent: { ...appFrame, url: 'https://evil.example/' },
    };
    expect(blocksRemoteRequest(image(foreignParent), page, allowance)).toBe(true);
  });

  it('keeps the app frame off the network in production, and on the dev server in development', () => {
    expect(blocksRemoteRequest(image(appFrame), page, allowance)).toBe(true);
    expect(blocksRemoteRequest(image(null), page, allowance)).toBe(true);
    const dev = appPageOf('/app/out/renderer', 'http://localhost:5173');
    const devFrame: FrameInfo = { url: 'http://localhost:5173/', name: '', parent: null };
    expect(blocksRemoteRequest(image(devFrame, 'http://localhost:5173/src/main.tsx', 'script'), dev, allowance)).toBe(
      false,
    );
    expect(blocksRemoteRequest(image(devFrame, 'ws://localhost:5173/', 'webSocket'), dev, allowance)).toBe(false);
    expect(blocksRemoteRequest(image(devFrame, 'https://img.example/a.png'), dev, allowance)).toBe(true);
    expect(blocksRemoteRequest(image(null, 'http://localhost:5173/', 'mainFrame'), dev, allowance)).toBe(false);
    expect(blocksRemoteRequest(image(null, 'https://evil.example/', 'mainFrame'), dev, allowance)).toBe(true);
  });

  it('leaves local and browser-initiated requests alone', () => {
    expect(
      blocksRemoteRequest(
        { url: 'file:///x.png', resourceType: 'image', webContentsId: 1, frame: null },
        page,
        allowance,
      ),
    ).toBe(false);
    expect(blocksRemoteRequest({ url: 'https://update.example/', resourceType: 'other' }, page, allowance)).toBe(false);
  });

  it('reads message ids only from well-formed frame names', () => {
    expect(messageIdOfFrame('promptly-message-42')).toBe(42);
    for (const name of ['', 'promptly-message-', 'promptly-message-0', 'promptly-message-4x', 'x-promptly-message-4'])
      expect(messageIdOfFrame(name)).toBe(null);
  });
});
