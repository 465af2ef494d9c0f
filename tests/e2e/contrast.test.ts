import { describe, expect, it } from 'vitest';
import { useChromium } from '../support/appPage';
import { contrastCheck } from './contrast';

const chromium = useChromium();

/**
 * Text of each kind axe leaves for review, in good and in poor contrast: rows below the fold of
 * a scrolling list, chart text in SVG, single characters, a background image.
 */
const PAGE = `<!doctype html><html lang="en"><head><title>Contrast</title><style>
  body { margin: 0; background: #ffffff; color: #1d1f23; font: 14px sans-serif; }
  .list { height: 60px; overflow: auto; background: #ffffff; }
  .rows { position: relative; height: 210px; }
  .row { position: absolute; left: 0; right: 0; top: 0; height: 30px; overflow: hidden; }
  .faded { opacity: 0.5; }
  .cover { position: absolute; left: 40px; top: 60px; width: 60px; height: 120px; background: #ffffff; }
  .banner { background-image: linear-gradient(#ffffff, #eeeeee); }
</style></head><body><main>
  <h1>Contrast</h1>
  <div class="list">
    <div class="rows">
      <div class="row" style="transform: translateY(0)">First</div>
      <div class="row" style="transform: translateY(30px)">Second</div>
      <div class="row" id="grey-row" style="transform: translateY(60px); color: #999999">Too light to read here</div>
      <div class="row" id="dark-row" style="transform: translateY(90px); color: #333333">Dark enough</div>
      <div class="row" id="large-row" style="transform: translateY(120px); color: #888888; font-size: 24px">Large and grey</div>
      <div class="row faded" id="faded-row" style="transform: translateY(150px); color: #555555">Faded by its own row</div>
      <div class="row" id="digit" style="transform: translateY(180px); color: #bbbbbb">7</div>
      <div class="cover"></div>
    </div>
  </div>
  <svg width="200" height="40" role="img" aria-label="chart">
    <text id="light-tick" x="0" y="15" fill="#aaaaaa" font-size="11">Light tick</text>
    <text id="dark-tick" x="0" y="35" fill="#444444" font-size="11">Dark tick</text>
  </svg>
  <p class="banner" id="banner">On a gradient</p>
</main></body></html>`;

describe('contrast of the text axe leaves for review', () => {
  it('fails light text below the fold of a list, in SVG and in a single character, passes dark and large text, and cannot prove text on an image', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 400, height: 300 } });
    await page.setContent(PAGE);
    const check = await contrastCheck(page);
    await page.close();

    const failed = (id: string) => check.failures.filter((line) => line.includes(`#${id}`));
    expect(failed('grey-row')).toEqual([expect.stringMatching(/: 2\.85:1, needs 4\.5:1$/)]);
    expect(failed('faded-row')).toEqual([expect.stringMatching(/: 2\.32:1, needs 4\.5:1$/)]);
    expect(failed('light-tick')).toEqual([expect.stringMatching(/: 2\.32:1, needs 4\.5:1$/)]);
    expect(failed('digit')).toEqual([expect.stringMatching(/: 1\.92:1, needs 4\.5:1$/)]);
    expect(failed('banner')).toEqual([expect.stringMatching(/: background image on p#banner\.banner$/)]);
    for (const id of ['dark-row', 'large-row', 'dark-tick']) expect(failed(id)).toEqual([]);
    expect(check.failures).toHaveLength(5);
    // Every row and text above was left for review; only the h1 and the rows in sight were judged by axe.
    expect(check.reviewed).toBe(8);
    expect(check.compared).toBe(3);
    expect(check.disagreements).toEqual([]);
  });
});
