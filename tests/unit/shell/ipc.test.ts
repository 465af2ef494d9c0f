import { describe, expect, it, vi } from 'vitest';

// Electron cannot run on the build machines: the shell is tested against a small fake.
const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, args: unknown) => Promise<unknown>) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerIpc } = await import('../../../src/main/shell/ipc');
const { PromptlyService } = await import('../../../src/main/service/service');
const { openDb } = await import('../../../src/main/store/db');
const { MemorySecretStore } = await import('../../../src/main/secrets');
const { CALL_NAMES } = await import('../../../src/shared/channels');

describe('IPC handlers built from the contract', () => {
  const service = new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => 0,
    version: 't',
  });
  const unregister = registerIpc(service);
  const appPage = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };

  it('registers exactly one channel per call, with no generic invoke', () => {
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `promptly:${n}`).sort());
  });

  it('answers the app page and validates arguments', async () => {
    expect(await handlers.get('promptly:threads.list')!(appPage, {})).toEqual({ ok: true, value: [] });
    expect(await handlers.get('promptly:thread.get')!(appPage, { id: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('refuses a frame that is not the app page', async () => {
    const outcome = await handlers.get('promptly:app.info')!({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(outcome).toMatchObject({ ok: false });
  });

  it('unregisters every channel', () => {
    unregister();
    expect(handlers.size).toBe(0);
  });
});
