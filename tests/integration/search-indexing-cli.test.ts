import { afterAll, describe, expect, it } from 'vitest';
import { mailWorld, waitFor } from '../support/engine';
import { cli } from '../support/cli';
import { seedMaildir } from '../support/maildir-seed';
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

let proxy: TcpProxy | undefined;
afterAll(async () => proxy?.close());

describe('CLI search during a first sync', () => {
  it(
    'says first that results may be missing while bodies are still coming, and stops once all are indexed',
    { timeout: 120_000 },
    async () => {
      const world = await mailWorld();
      const support = await world.createMailbox('cli-indexing');
      const start = Date.now() - MESSAGES * 60_000;
      seedMaildir(
        world,
        support,
        Array.from({ length: MESSAGES }, (_, i) => ({
          date: start + i * 60_000,
          raw: [
            `From: Customer ${i} <customer${i}@customer.example>`,
            `To: ${support.address}`,
            `Subject: Refund ${i}`,
            `Message-ID: <refund-${i}@customer.example>`,
            `Date: ${new Date(start + i * 60_000).toUTCString()}`,
            '',
            `Please refund order ${i}.`,
            FILLER,
            '',
          ].join('\r\n'),
        })),
      );
      proxy = await startProxy(world.info.imap);
      const { service, db, dataDir } = await startProxiedEngine(world, support, proxy);
      const accountId = service.requireAccount().id;
      const pass = service.syncNow();
      await waitFor(() => searchCoverage(db, accountId).searchable > 0, 60_000, 'the first searchable messages');
      proxy.hold();
      // What was stored before the server went quiet is still being stored; the rest cannot come.
      const heldAt = searchCoverage(db, accountId).searchable;

      const human = await cli(['--data-dir', dataDir, 'search', 'refund']);
      expect(human.code).toBe(0);
      const [first, ...rest] = human.out.split('\n');
      expect(first).toMatch(NOTICE);
      // The number is the store's at the time of the search, and some mail is still missing.
      const said = Number(NOTICE.exec(first ?? '')?.[1]?.replaceAll(',', ''));
      const after = searchCoverage(db, accountId).searchable;
      expect(said).toBeGreaterThanOrEqual(heldAt);
      expect(said).toBeLessThanOrEqual(after);
      expect(after).toBeLessThan(MESSAGES);
      expect(rest.join('\n')).toContain('Refund 1499');
      // With --json the notice goes to stderr, so stdout stays one JSON value.
      const json = await cli(['--data-dir', dataDir, '--json', 'search', 'refund']);
      expect(json.err).toMatch(NOTICE);
      expect((JSON.parse(json.out) as unknown[]).length).toBeGreaterThan(0);

      proxy.release();
      await pass;
      const done = await cli(['--data-dir', dataDir, 'search', 'refund', '--limit', '5000']);
      expect(done.out).not.toMatch(/Still indexing/);
      expect(done.out).toContain('Refund 0');
    },
  );
});
