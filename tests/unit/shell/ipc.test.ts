import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run on the build machines: the shell is tested against a small fake.
vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { registerIpc, isTrustedSender, forwardEvents } = await import('../../../src/main/shell/ipc');
const { appPageOf } = await import('../../../src/main/shell/appPage');
const { PromptlyService } = await import('../../../src/main/service/service');
const { openDb } = await import('../../../src/main/store/db');
const { MemorySecretStore } = await import('../../../src/main/secrets');
const { CALL_NAMES } = await import('../../../src/shared/channels');

const page = appPageOf('/app/out/renderer');
const top = (url: string) => ({ senderFrame: { url, parent: null } });

describe('IPC handlers built from the contract', () => {
  beforeEach(() => resetFake());
  const service = new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => 0,
    version: 't',
  });
  const appPage = top('app://promptly/index.html');
  const handler = (name: string) => {
    const fn = fake.state.handlers.get(`promptly:${name}`);
    if (!fn) throw new Error(`no handler for ${name}`);
    return fn;
  };

  it('registers exactly one channel per call, with no generic invoke', () => {
    registerIpc(service, page);
    expect([...fake.state.handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `promptly:${n}`).sort());
  });

  it('answers the app page and validates arguments', async () => {
    registerIpc(service, page);
    expect(await handler('threads.list')(appPage, {})).toEqual({ ok: true, value: [] });
    expect(await handler('thread.get')(appPage, { id: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('refuses untrusted frames and invalid arguments without running the handler', async () => {
    const ran = vi.fn(async () => []);
    const refused = vi.fn();
    const stub = { handlers: () => ({ ...service.handlers(), 'threads.list': ran }) };
    registerIpc(stub, page, refused);
    const untrusted = [
      top('https://evil.example/'),
      top('file:///app/out/renderer/index.html'),
      top('app://promptly/fixture.html'),
      top('app://evil/index.html'),
      { senderFrame: { url: 'app://promptly/index.html', parent: { url: 'x', parent: null } } },
      { senderFrame: null },
    ];
    for (const event of untrusted) {
      expect(await handler('threads.list')(event, {})).toMatchObject({ ok: false });
    }
    expect(await handler('threads.list')(appPage, { limit: 'all' })).toMatchObject({ ok: false });
    expect(await handler('threads.list')(appPage, { limit: 5, extra: true })).toMatchObject({ ok: false });
    expect(ran).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(6);
    expect(await handler('threads.list')(appPage, { limit: 5 })).toEqual({ ok: true, value: [] });
    expect(ran).toHaveBeenCalledOnce();
  });

  it('compares the app origin, not a file path (drive-letter case and escaping cannot refuse it)', () => {
    const windowsPage = appPageOf('C:\\Program Files\\Promptly\\resources\\app.asar\\out\\renderer');
    expect(isTrustedSender(top('app://promptly/index.html#/thread/4'), windowsPage)).toBe(true);
    expect(isTrustedSender(top('app://promptly/'), windowsPage)).toBe(true);
    expect(
      isTrustedSender(
        top('file:///c:/Program%20Files/Promptly/resources/app.asar/out/renderer/index.html'),
        windowsPage,
      ),
    ).toBe(false);
  });

  it('trusts the dev server only while it is the app page', () => {
    const dev = appPageOf('/app/out/renderer', 'http://localhost:5173');
    expect(isTrustedSender(top('http://localhost:5173/#/thread/1'), dev)).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), dev)).toBe(false);
    expect(isTrustedSender(top('http://localhost:5173/'), page)).toBe(false);
  });

  it('unregisters every channel', () => {
    const unregister = registerIpc(service, page);
    unregister();
    expect(fake.state.handlers.size).toBe(0);
  });

  it('forwards service events to the page until it is gone', () => {
    const contents = new fake.BrowserWindow({}).webContents;
    forwardEvents(service, contents as never);
    service.events.emit('threads.changed', { threadIds: [1] });
    contents.destroyed = true;
    service.events.emit('threads.changed', { threadIds: [2] });
    expect(contents.sent).toEqual([{ channel: 'promptly:event', args: ['threads.changed', { threadIds: [1] }] }]);
  });
});
