/**
 * Benchmark: claim round-trip latency on loopback, from the action to the confirmed
 * outcome. Two teammates' engines on one real Dovecot mailbox: alice claims (appended and read
 * back in one sync pass), and bob, watching with IDLE, sees her as the owner.
 * Prints one JSON object. Run: `npm run bench:team-roundtrip [-- rounds]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startMailWorld } from '../tests/support/mailworld';
import { openDb } from '../src/main/store/db';
import { MemorySecretStore } from '../src/main/secrets';
import { PromptlyService } from '../src/main/service/service';

const ROUNDS = Number(process.argv[2] ?? 20);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const world = await startMailWorld();
try {
  const support = await world.createMailbox('support');
  const engine = async (me: string): Promise<PromptlyService> => {
    const dir = mkdtempSync(join(tmpdir(), 'promptly-rt-'));
    const service = new PromptlyService({
      db: openDb(join(dir, 'p.sqlite')),
      secrets: new MemorySecretStore(),
      now: Date.now,
      version: 'bench',
      dataDir: dir,
    });
    await service.saveAccount({
      address: support.address,
      displayName: 'Support',
      imap: { host: world.imap.host, port: world.imap.port, tls: 'none' },
      smtp: { host: world.smtp.host, port: world.smtp.port, tls: 'none' },
      user: support.user,
      password: support.password,
    });
    await service.call('me.set', { name: me, address: `${me}@acme.example` });
    return service;
  };
  const alice = await engine('alice');
  const bob = await engine('bob');
  await bob.startLive();
  const confirmed: number[] = [];
  const seenByTeammate: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const subject = `Round ${i}`;
    await world.deliverMail({ from: `c${i}@customer.example`, to: support.address, subject, text: 'hello' });
    await alice.syncNow();
    await new Promise((r) => setTimeout(r, 300)); // bob's IDLE picks up the mail too
    const thread = (await alice.call('threads.list', {})).find((t) => t.subject === subject);
    if (!thread) throw new Error('thread missing');
    const start = performance.now();
    await alice.call('thread.act', { id: thread.id, action: { type: 'claim' } });
    await alice.syncNow(); // append, then read the log back: the outcome is known
    const after = (await alice.call('threads.list', {})).find((t) => t.id === thread.id);
    if (after?.team.owner !== 'alice@acme.example' || after.team.pending !== 0) throw new Error('claim not confirmed');
    confirmed.push(performance.now() - start);
    for (;;) {
      const seen = (await bob.call('threads.list', {})).find((t) => t.subject === subject);
      if (seen?.team.owner === 'alice@acme.example') break;
      if (performance.now() - start > 10_000) throw new Error('teammate never saw the claim');
      await new Promise((r) => setTimeout(r, 10));
    }
    seenByTeammate.push(performance.now() - start);
  }
  await bob.stopLive();
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      benchmark: 'team-roundtrip',
      rounds: ROUNDS,
      claimConfirmedMs: { median: round(percentile(confirmed, 50)), p95: round(percentile(confirmed, 95)) },
      seenByWatchingTeammateMs: {
        median: round(percentile(seenByTeammate, 50)),
        p95: round(percentile(seenByTeammate, 95)),
      },
      target: { teammateSeesWithinMs: 3000, pass: percentile(seenByTeammate, 95) < 3000 },
    }),
  );
} finally {
  await world.stop();
}
