import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, fakeEvent, resetFake } = await import('./fakeElectron');
const { createMainWindow, focusWindow, SECURE_WEB_PREFERENCES } = await import('../../../src/main/shell/window');
const { externalUrl } = await import('../../../src/main/shell/links');
const { appPageOf } = await import('../../../src/main/shell/appPage');

const page = appPageOf('/app/out/renderer');

function newWindow() {
  createMainWindow({ preloadDir: '/app/out/preload', page });
  const window = fake.BrowserWindow.all.at(-1);
  if (!window) throw new Error('no window');
  return window;
}

describe('the main window', () => {
  beforeEach(() => resetFake());

  it('is created with every security flag of the checklist', () => {
    const prefs = newWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true);
  });

  it('loads the app page', () => {
    expect(newWindow().loadedUrl).toBe('app://promptly/index.html');
  });

  it('refuses navigation, frame navigation to pages and webviews', () => {
    const contents = newWindow().webContents;
    const navigate = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', navigate);
    expect(navigate.defaultPrevented).toBe(true);
    const frameToPage = fakeEvent({ url: 'https://evil.example/', isMainFrame: false });
    contents.emit('will-frame-navigate', frameToPage);
    expect(frameToPage.defaultPrevented).toBe(true);
    const srcdoc = fakeEvent({ url: 'about:srcdoc', isMainFrame: false });
    contents.emit('will-frame-navigate', srcdoc);
    expect(srcdoc.defaultPrevented).toBe(false);
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies every new window and sends only http, https and mailto to openExternal', () => {
    const open = newWindow().webContents.windowOpenHandler;
    if (!open) throw new Error('no window-open handler');
    const urls = [
      'https://example.com/a?b=1',
      'http://example.com/',
      'mailto:help@example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'data:text/html,<script>1</script>',
      'not a url',
    ];
    for (const url of urls) expect(open({ url })).toEqual({ action: 'deny' });
    expect(fake.state.opened).toEqual(['https://example.com/a?b=1', 'http://example.com/', 'mailto:help@example.com']);
  });

  it('focus restores a minimised or hidden window', () => {
    const window = newWindow();
    window.minimized = true;
    focusWindow(window as never);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: 1 });
  });
});

describe('externalUrl (scheme check)', () => {
  it('keeps web and mail links, refuses the rest', () => {
    expect(externalUrl(' HTTPS://Example.com/x ')).toBe('https://example.com/x');
    expect(externalUrl('mailto:a@b.example?subject=Hi')).toBe('mailto:a@b.example?subject=Hi');
    expect(externalUrl('https://')).toBe(null);
    expect(externalUrl('vbscript:x')).toBe(null);
    expect(externalUrl('')).toBe(null);
  });
});
