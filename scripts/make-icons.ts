// Renders resources/*.svg to the PNGs Electron needs (tray images cannot be SVG).
// Run after editing an icon: `npx tsx scripts/make-icons.ts`. Uses Debian's Chromium.
// Tray images come in three kinds (src/main/shell/platform.ts, trayImageName): dark for
// light panels, light for dark panels, and macOS template images (black with alpha, which
// the menu bar tints itself).
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser';

const BUBBLE = '#3a3f47';
type Kind = 'dark' | 'light' | 'template';

/** The SVG source recoloured for a kind of tray image. */
function recolour(svg: string, kind: Kind): string {
  if (kind === 'dark') return svg;
  if (kind === 'light') return svg.replaceAll(BUBBLE, '#e8eaed').replaceAll('stroke="#fff"', 'stroke="#202124"');
  // Template: only alpha counts. The status dot sits in a gap cut out of the bubble; "due"
  // is a ring and "overdue" a filled dot, since colour is not available.
  const dot = /<circle cx="(\d+)" cy="(\d+)" r="(\d+)" fill="#([0-9a-f]+)"/.exec(svg);
  const bubble = /<path d="([^"]+)"/.exec(svg)?.[1] ?? '';
  if (!dot) return svg.replaceAll(BUBBLE, '#000');
  const [, cx, cy, r, colour] = dot;
  const overdue = colour !== 'e8a317';
  const mark = overdue
    ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#000"/>`
    : `<circle cx="${cx}" cy="${cy}" r="${Number(r) - 1.5}" fill="none" stroke="#000" stroke-width="3"/>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
    `<mask id="gap"><rect width="32" height="32" fill="#fff"/><circle cx="${cx}" cy="${cy}" r="${Number(r) + 2}" fill="#000"/></mask>`,
    `<path d="${bubble}" fill="#000" mask="url(#gap)"/>`,
    mark,
    '</svg>',
  ].join('');
}

const targets: Array<[svg: string, png: string, size: number, kind: Kind]> = [['icon.svg', 'icon.png', 512, 'dark']];
for (const base of ['tray', 'tray-due', 'tray-overdue']) {
  for (const [kind, suffix] of [
    ['dark', ''],
    ['light', '-light'],
    ['template', 'Template'],
  ] as const) {
    targets.push([`${base}.svg`, `${base}${suffix}.png`, 16, kind]);
    targets.push([`${base}.svg`, `${base}${suffix}@2x.png`, 32, kind]);
  }
}

const browser = await launchChromium();
for (const [svg, png, size, kind] of targets) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const source = recolour(readFileSync(`resources/${svg}`, 'utf8'), kind).replace(
    '<svg ',
    `<svg width="${size}" height="${size}" `,
  );
  await page.setContent(`<html><body style="margin:0;background:transparent">${source}</body></html>`);
  await page.screenshot({ path: `resources/${png}`, omitBackground: true });
  await page.close();
}
await browser.close();
