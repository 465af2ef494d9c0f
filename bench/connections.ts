/**
 * Benchmark: IMAP connections a teammate's Promptly holds at rest, and how fast a change
 * reaches every teammate, on servers with NOTIFY, with IDLE only, and with neither. Several
 * engines live on one shared mailbox of a private Dovecot (limit 10 per user and IP); the
 * server's own count comes from `doveadm who`. Prints one JSON object per server kind.
 * Run: `npm run bench:connections [-- teammates]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionsOf, startLimitedWorld, type PushOffer } from '../tests/support/mailworld-limits';
import { openDb } from '../src/main/store/db';
import { MemorySecretStore } from '../src/main/secrets';
import { PromptlyService } from '../src/main/service/service';

const TEAMMATES = Number(process.argv[2] ?? 4);
const POLL_SECONDS = 5;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(20);
  }
  return Date.now() - start;
}

async function measure(push: PushOffer): Promise<Record<string, unknown>> {
  const world = await startLimitedWorld({ limit: 10, push });
  const engines: PromptlyService[] = [];
  try {
    const support = await world.createMailbox('support');
    for (let i = 0; i < TEAMMATES; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'promptly-conn-'));
      const service = new PromptlyService({
        db: openDb(join(dir, 'p.sqlite')),
        secrets: new MemorySecretStore(),
        now: Date.now,
        version: 'bench',
        dataDir: dir,
        me: `mate${i}@acme.example`,
      });
      await service.saveAccount({
        address: support.address,
        displayName: 'Support',
        imap: { host: world.imap.host, port: world.imap.port, tls: 'none' },
        smtp: { host: world.smtp.host, port: world.smtp.port, tls: 'none' },
        user: support.user,
        password: support.password,
      });
      await service.call('me.set', { name: `Mate ${i}`, address: `mate${i}@acme.example` });
      await service.call('sync.configure', { pollSeconds: POLL_SECONDS });
      await service.startLive();
      engines.push(service);
    }
    await sleep(3000); // let catch-up passes finish
    const atRest = connectionsOf(world, support.user);
    const subject = 'Connections bench';
    await world.deliverMail({ from: 'cora@customer.example', to: support.address, subject, text: 'hi' });
    const seen = await Promise.all(
      engines.map((e) =>
        until(async () => (await e.call('threads.list', {})).some((t) => t.subject === subject), 30_000),
      ),
    );
    return {
      bench: 'connections',
      server:
        push === 'notify'
          ? 'Dovecot 2.3 (NOTIFY + IDLE)'
          : push === 'idle'
            ? 'Dovecot 2.3, IDLE only'
            : 'Dovecot 2.3, no IDLE or NOTIFY',
      teammates: TEAMMATES,
      push: engines[0]!.liveStatus().push,
      connectionsAtRest: atRest,
      connectionsPerTeammateAtRest: atRest / TEAMMATES,
      pollSeconds: POLL_SECONDS,
      newMailSeenByAllMs: Math.max(...seen),
      newMailSeenMedianMs: [...seen].sort((a, b) => a - b)[Math.floor(seen.length / 2)],
    };
  } finally {
    await Promise.all(engines.map((e) => e.stopLive()));
    await world.stop();
  }
}

for (const push of ['notify', 'idle', 'none'] as const) console.log(JSON.stringify(await measure(push)));
