import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { APP_CSP, appCsp } from '../../src/main/shell/csp';

const chromium = useChromium();

describe("the UI tests run under the packaged app's CSP", () => {
  it('serves the renderer with the app CSP header, renders without a violation, and blocks injected script', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('csp');
    const { service } = await startEngine(world, support);
    const violations: string[] = [];
    const { page, response } = await chromium.openApp(service, {
      viewport: { width: 1100, height: 700 },
      beforeLoad: async (blank) => {
        await blank.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            (window as unknown as { violations: string[] }).violations.push(
              `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
            ),
          );
          (window as unknown as { violations: string[] }).violations = [];
        });
        blank.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
      },
    });
    const header = response?.headers()['content-security-policy'];
    expect(header).toBe(appCsp({ bridge: true }));
    // The only difference from the packaged app: the bridge socket on loopback.
    expect(header?.replace(' ws://127.0.0.1:*', '')).toBe(APP_CSP);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);

    await page.getByRole('listbox', { name: 'Conversations' }).waitFor();
    expect(violations).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

    const ran = await page.evaluate(async () => {
      const w = window as unknown as { injected?: boolean; violations: string[] };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      // An allowed inline script runs as it is inserted; a blocked one is reported (after it) as a violation.
      const reported = new Promise((r) => document.addEventListener('securitypolicyviolation', r, { once: true }));
      document.body.append(script);
      await reported;
      return { injected: w.injected === true, violations: w.violations };
    });
    expect(ran.injected).toBe(false);
    expect(ran.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    await page.screenshot({ path: artifactPath('app-csp.png') });
    await page.close();
  });
});
