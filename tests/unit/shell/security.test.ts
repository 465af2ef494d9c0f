import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/tempDir';

// Electron's security checklist (docs/ARCHITECTURE.md), checked on what start-up really does:
// the windows it opens, the switches it appends and the scheme it registers.
vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { fake, resetFake, electronModule } = await import('./fakeElectron');
const { startDesktop } = await import('../../../src/main/shell/desktop');
const { prepareApp } = await import('../../../src/main/shell/startup');
const { appPageOf } = await import('../../../src/main/shell/appPage');
const { RotatingLog } = await import('../../../src/main/shell/log');
const { MemoryRemoteContentAllowance } = await import('../../../src/main/shell/remoteContent');
const { PromptlyService } = await import('../../../src/main/service/service');
const { openDb } = await import('../../../src/main/store/db');
const { MemorySecretStore } = await import('../../../src/main/secrets');

/** The checklist's settings, each as the window must have it. */
const DEFENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
};

/** Command-line switches that each undo a defence. */
const UNSAFE_SWITCHES = [
  'no-sandbox',
  'disable-web-security',
  'disable-site-isolation-trials',
  'ignore-certificate-errors',
];

const PLATFORMS: NodeJS.Platform[] = ['linux', 'darwin', 'win32'];

/** The fake app as start-up sees it (the fake's proxy answers every member start-up uses). */
const app = electronModule.app as unknown as Parameters<typeof prepareApp>[0];

function bootDesktop(platform: NodeJS.Platform) {
  const dataDir = tempDir('security');
  const service = new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => 0,
    version: '1',
  });
  startDesktop({
    service,
    dataDir,
    resourcesDir: '/res',
    preloadDir: '/app/out/preload',
    page: appPageOf('/app/out/renderer'),
    log: new RotatingLog(join(dataDir, 'logs')),
    allowance: new MemoryRemoteContentAllowance(),
    platform,
    env: {},
    argv: ['promptly'],
  });
}

describe('the desktop keeps every defence of the security checklist', () => {
  beforeEach(() => resetFake());

  it.each(PLATFORMS)('every window opened on %s has each defence, and no Blink feature turned on', (platform) => {
    bootDesktop(platform);
    expect(fake.BrowserWindow.all.length).toBeGreaterThan(0);
    for (const window of fake.BrowserWindow.all) {
      const prefs = window.options.webPreferences as Record<string, unknown>;
      expect(prefs).toMatchObject(DEFENCES);
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    }
  });

  it.each(PLATFORMS)('start-up on %s appends no switch that turns a defence off', (platform) => {
    for (const env of [{}, { XDG_CURRENT_DESKTOP: 'KDE' }, { XDG_CURRENT_DESKTOP: 'GNOME' }]) {
      prepareApp(app, electronModule.protocol, {
        platform,
        env,
        argv: ['promptly'],
        secretServiceOnBus: () => false,
      });
    }
    const switches = [...fake.state.app.switches.keys()];
    for (const unsafe of UNSAFE_SWITCHES) expect(switches).not.toContain(unsafe);
  });

  it('the app:// scheme is secure and does not bypass the page’s CSP', () => {
    prepareApp(app, electronModule.protocol, {
      platform: 'linux',
      env: {},
      argv: ['promptly'],
      secretServiceOnBus: () => false,
    });
    const registered = fake.state.privilegedSchemes;
    expect(registered).toContainEqual(expect.objectContaining({ scheme: 'app' }));
    for (const { privileges } of registered) {
      expect(privileges).toMatchObject({ secure: true });
      expect(privileges).not.toHaveProperty('bypassCSP', true);
    }
  });

  it('ships without @electron/remote, which would hand the page main-process objects', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('@electron/remote');
  });
});
