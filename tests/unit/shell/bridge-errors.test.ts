import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgedApi } from '../../../src/shared/bridged';

// Electron cannot run on the build machines: the preload runs against the fake, whose
// context bridge copies values and reduces a thrown error to its message, like Electron's.
vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake, electronModule } = await import('./fakeElectron');
const { registerIpc } = await import('../../../src/main/shell/ipc');
const { appPageOf } = await import('../../../src/main/shell/appPage');
const { PromptlyService } = await import('../../../src/main/service/service');
const { openDb } = await import('../../../src/main/store/db');
const { MemorySecretStore } = await import('../../../src/main/secrets');
const { apiFromOutcomes } = await import('../../../src/shared/bridged');
const { PromptlyError } = await import('../../../src/shared/errors');

describe('errors crossing the context bridge', () => {
  const service = new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => 0,
    version: 't',
  });

  beforeEach(async () => {
    resetFake();

    registerIpc(service, appPageOf('/app/out/renderer'));
    vi.resetModules();
    await import('../../../src/preload/index');
  });

  it('the fake bridge keeps only the message of a thrown error, as Electron does', async () => {
    electronModule.contextBridge.exposeInMainWorld('thrower', {
      fail: async () => {
        throw new PromptlyError({ code: 'auth', message: 'Wrong password', fields: { password: 'Wrong' } });
      },
    });
    const thrown = await (fake.state.exposed.thrower as { fail(): Promise<void> }).fail().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toMatchObject({ message: 'Wrong password' });
    expect(thrown).not.toHaveProperty('code');
  });

  it('the preload returns outcomes, and the renderer throws them with their code and fields', async () => {
    const bridged = fake.state.exposed.promptly as BridgedApi;
    const outcome = await bridged['account.save']({} as never);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const api = apiFromOutcomes(bridged);
    const error = await api['account.save']({} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptlyError);
    expect((error as InstanceType<typeof PromptlyError>).code).toBe('invalid-arguments');
    expect(Object.keys((error as InstanceType<typeof PromptlyError>).fields ?? {})).toContain('address');
  });

  it('values come through unchanged', async () => {
    const api = apiFromOutcomes(fake.state.exposed.promptly as BridgedApi);
    expect(await api['threads.list']({})).toEqual([]);
    expect(await api['app.info']({})).toMatchObject({ mode: 'setup', version: 't' });
  });
});
