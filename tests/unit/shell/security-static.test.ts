import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Settings that must never appear in the source: each undoes a defence of the checklist. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bsandbox\s*:\s*false\b/, 'sandbox: false'],
  [/\bcontextIsolation\s*:\s*false\b/, 'contextIsolation: false'],
  [/\bnodeIntegration\s*:\s*true\b/, 'nodeIntegration: true'],
  [/\bnodeIntegrationInSubFrames\s*:\s*true\b/, 'nodeIntegrationInSubFrames: true'],
  [/\bnodeIntegrationInWorker\s*:\s*true\b/, 'nodeIntegrationInWorker: true'],
  [/\bwebSecurity\s*:\s*false\b/, 'webSecurity: false'],
  [/\ballowRunningInsecureContent\s*:\s*true\b/, 'allowRunningInsecureContent: true'],
  [/\bwebviewTag\s*:\s*true\b/, 'webviewTag: true'],
  [/\bexperimentalFeatures\s*:\s*true\b/, 'experimentalFeatures: true'],
  [/\benableBlinkFeatures\b/, 'enableBlinkFeatures'],
  [/@electron\/remote/, '@electron/remote'],
  [/\bsetUsePlainTextEncryption\b/, 'setUsePlainTextEncryption'],
  [/disable-web-security|no-sandbox/, 'a command-line switch that disables a defence'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** The offending settings in one text. */
function securityViolations(text: string): string[] {
  return FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
}

describe('static security check (docs/ARCHITECTURE.md)', () => {
  it('no source file turns a window defence off', () => {
    const found = [...sources('src'), 'electron.vite.config.ts']
      .map((file) => ({ file, bad: securityViolations(readFileSync(file, 'utf8')) }))
      .filter((f) => f.bad.length > 0);
    expect(found).toEqual([]);
  });

  it('catches each forbidden setting', () => {
    expect(securityViolations('webPreferences: { sandbox: false, contextIsolation:false }')).toEqual([
      'sandbox: false',
      'contextIsolation: false',
    ]);
    expect(securityViolations('new BrowserWindow({ webPreferences: { nodeIntegration: true } })')).toEqual([
      'nodeIntegration: true',
    ]);
    expect(securityViolations('{ sandbox: true, nodeIntegration: false }')).toEqual([]);
  });

  it('the window is built from the secure preferences', () => {
    const window = readFileSync('src/main/shell/window.ts', 'utf8');
    expect(window).toMatch(/webPreferences:\s*\{\s*\.\.\.SECURE_WEB_PREFERENCES,/);
    expect(window).not.toMatch(/SECURE_WEB_PREFERENCES,\s*(sandbox|contextIsolation|nodeIntegration)/);
  });
});
