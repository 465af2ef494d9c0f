// Renders resources/*.svg to the PNGs Electron needs (tray images cannot be SVG).
// Run after editing an icon: `npx tsx scripts/make-icons.ts`. Uses Debian's Chromium.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser';

const targets: Array<[svg: string, png: string, size: number]> = [
  ['icon.svg', 'icon.png', 512],
  ['tray.svg', 'tray.png', 16],
  ['tray.svg', 'tray@2x.png', 32],
  ['tray-due.svg', 'tray-due.png', 16],
  ['tray-due.svg', 'tray-due@2x.png', 32],
  ['tray-overdue.svg', 'tray-overdue.png', 16],
  ['tray-overdue.svg', 'tray-overdue@2x.png', 32],
];

const browser = await launchChromium();
for (const [svg, png, size] of targets) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const source = readFileSync(`resources/${svg}`, 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${source}</body></html>`);
  await page.screenshot({ path: `resources/${png}`, omitBackground: true });
  await page.close();
}
await browser.close();
