import { afterAll, describe, expect, it } from 'vitest';
import { mailWorld, waitFor } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';
import { seedMaildir, type SeedMessage } from '../support/maildir-seed';
import { startProxiedEngine, startProxy, type TcpProxy } from '../support/tcp-proxy';
import { searchCoverage } from '../../src/main/store/repos/searchCoverage';

const MESSAGES = 1500;
/**
 * About 40 KB of body each, 60 MB in all: more than a first sync fetches ahead of what it has
 * stored, so when the server goes quiet, messages are still missing whatever the pipeline.
 */
const FILLER = Array.from({ length: 70 }, () =>
  'The parcel tracking page has not changed since last week. '.repeat(10),
).join('\r\n');
const NOTICE = /^Still indexing: ([\d,]+) of 1,500 messages (is|are) searchable so far\. Results may be missing\.$/;

/** A backlog of customer mail; only the oldest message mentions a zeppelin. */
function backlog(to: string): SeedMessage[] {
  const start = Date.now() - (MESSAGES + 10) * 60_000;
  return Array.from({ length: MESSAGES }, (_, i) => {
    const date = start + i * 60_000;
    const body = i === 0 ? 'The spare part arrived on a zeppelin, oddly enough.' : `Order ${i} has not arrived yet.`;
    return {
      date,
      raw: [
        `From: Customer ${i} <customer${i}@customer.example>`,
        `To: ${to}`,
        `Subject: Where is order ${i}`,
        `Message-ID: <order-${i}@customer.example>`,
        `Date: ${new Date(date).toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        `${body} Please check the delivery.`,
        FILLER,
        '',
      ].join('\r\n'),
    };
  });
}

const chromium = useChromium();
let proxy: TcpProxy | undefined;
afterAll(async () => {
  await proxy?.close();
});

describe('search during a first sync', () => {
  it(
    'says how much is searchable while the sync is part-way, and stops saying it once everything is indexed',
    { timeout: 120_000 },
    async () => {
      const world = await mailWorld();
      const support = await world.createMailbox('indexing');
      seedMaildir(world, support, backlog(support.address));
      proxy = await startProxy(world.info.imap);
      const { service, db } = await startProxiedEngine(world, support, proxy);
      const accountId = service.requireAccount().id;
      const server = proxy;

      // The first sync runs until some mail is searchable, then the server goes quiet mid-sync.
      const pass = service.syncNow();
      await waitFor(() => searchCoverage(db, accountId).searchable > 0, 60_000, 'the first searchable messages');
      server.hold();
      // What was fetched before the server went quiet is still being stored; the rest cannot come.
      const partWay = searchCoverage(db, accountId);
      expect(partWay.indexing).toBe(true);
      expect(partWay.total).toBe(MESSAGES);

      const { page, errors } = await chromium.openApp(service, { viewport: { width: 1280, height: 760 } });
      const search = async (query: string): Promise<void> => {
        const box = page.getByRole('combobox', { name: /Search mail/ });
        await box.fill(query);
        await box.press('Enter');
        await page.getByRole('listbox', { name: `Search results for ${query}` }).waitFor();
      };
      const notice = page.locator('.search-indexing');

      await search('delivery');
      await notice.waitFor();
      const said = (await notice.textContent()) ?? '';
      expect(said).toMatch(NOTICE);
      // The numbers are the store's: what search can see now, out of what the server holds.
      const shown = Number(NOTICE.exec(said)?.[1]?.replaceAll(',', ''));
      const after = searchCoverage(db, accountId).searchable;
      expect(shown).toBeGreaterThanOrEqual(partWay.searchable);
      expect(shown).toBeLessThanOrEqual(after);
      expect(after).toBeLessThan(MESSAGES);
      const results = page.getByRole('listbox', { name: 'Search results for delivery' }).getByRole('option');
      await expect.poll(() => results.count()).toBeGreaterThan(0);
      await page.screenshot({ path: artifactPath('search-still-indexing.png') });

      // The oldest message comes last in a newest-first sync: not found yet, and the empty state says why.
      await search('zeppelin');
      await page.getByText('Nothing matches this search.').waitFor();
      expect(await notice.textContent()).toMatch(NOTICE);
      await page.screenshot({ path: artifactPath('search-still-indexing-empty.png') });

      // The server answers again: the sync finishes, the same search finds it, and the notice is gone.
      server.release();
      await pass;
      expect(searchCoverage(db, accountId)).toEqual({ searchable: MESSAGES, total: MESSAGES, indexing: false });
      const found = page.getByRole('listbox', { name: 'Search results for zeppelin' }).getByRole('option');
      await expect.poll(() => found.count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);
      expect(await found.first().textContent()).toContain('Where is order 0');
      await page.screenshot({ path: artifactPath('search-indexed.png') });
      expect(errors).toEqual([]);
    },
  );
});
