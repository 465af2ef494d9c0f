import { afterEach, describe, expect, it, vi } from 'vitest';

// The Electron entry point itself (src/main/index.ts), imported under the fake module.
vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake } = await import('./fakeElectron');
const { APP_ID } = await import('../../../src/main/shell/platform');
const realPlatform = process.platform;

describe('the Electron entry point', () => {
  afterEach(() => Object.defineProperty(process, 'platform', { value: realPlatform }));

  it('on Windows sets the AppUserModelID before anything else, and registers app:// before ready', async () => {
    resetFake();
    Object.defineProperty(process, 'platform', { value: 'win32' });
    await import('../../../src/main/index');
    const calls = fake.state.app.calls;
    expect(calls[0]).toBe(`setAppUserModelId ${APP_ID}`);
    expect(calls.indexOf('registerSchemesAsPrivileged app')).toBeGreaterThan(0);
    expect(calls.indexOf('registerSchemesAsPrivileged app')).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
  });
});
