import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../src/shared/errors';
import type { PromptlyService } from '../../src/main/service/service';
import type { MailWorld } from '../support/mailworld';
import { connectionsOf, startLimitedWorld, type PushOffer } from '../support/mailworld-limits';
import { startEngine, waitFor } from '../support/engine';

/** A teammate's engine plus every sync error it reported. */
interface Mate {
  service: PromptlyService;
  address: string;
  errors: ErrorInfo[];
}

/** Waits until `seen` holds for every one of `mates` (polling: the wait is for their I/O). */
async function everyone(mates: Mate[], seen: (m: Mate) => Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  await Promise.all(
    mates.map(async (m) => {
      while (!(await seen(m))) {
        if (Date.now() - started > timeoutMs) throw new Error(`${m.address} did not see ${what} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
}

const hasThread = (subject: string) => async (m: Mate) =>
  (await m.service.call('threads.list', {})).some((t) => t.subject === subject);

const ownerIs = (subject: string, owner: string) => async (m: Mate) =>
  (await m.service.call('threads.list', {})).find((t) => t.subject === subject)?.team.owner === owner;

/** `count` teammates live on one shared mailbox of `world`, checking every `pollSeconds` without push. */
async function liveTeam(world: MailWorld, count: number, pollSeconds: number) {
  const support = await world.createMailbox('support');
  const mates: Mate[] = [];
  // Everyone signs in first: with a tight limit, a running team leaves no room to test a new account.
  for (let i = 0; i < count; i++) {
    const address = `mate${i}@acme.example`;
    const { service } = await startEngine(world, support, { me: address, liveTuning: { retryMs: 500 } });
    const errors: ErrorInfo[] = [];
    service.events.on('sync.error', (e) => errors.push(e));
    await service.call('me.set', { name: `Mate ${i}`, address });
    await service.call('sync.configure', { pollSeconds });
    mates.push({ service, address, errors });
  }
  for (const m of mates) await m.service.startLive();
  return { support, mates };
}

/**
 * Delivers a customer message, then has mate 0 claim it; every teammate must see both through
 * live sync alone (nobody syncs by hand). How fast is measured by `npm run bench:connections`
 * (README, "Connections"), not here: eight engines share this process's one thread where each
 * would have its own computer, so a wall-clock bound fails on a busy machine though nothing is wrong.
 */
async function deliverAndClaim(world: MailWorld, supportAddress: string, mates: Mate[], timeoutMs: number) {
  const subject = `Order ${Math.random().toString(36).slice(2, 8)}`;
  await world.deliverMail({ from: 'cora@customer.example', to: supportAddress, subject, text: 'Where is it?' });
  await everyone(mates, hasThread(subject), timeoutMs, subject);
  const [first, ...others] = mates as [Mate, ...Mate[]];
  const id = (await first.service.call('threads.list', {})).find((t) => t.subject === subject)!.id;
  await first.service.call('thread.act', { id, action: { type: 'claim' } });
  await everyone(others, ownerIs(subject, first.address), timeoutMs, `${first.address}'s claim`);
  return { subject, owner: first.address };
}

function expectNoPasswordTrouble(mates: Mate[]) {
  for (const m of mates) {
    expect(m.errors.filter((e) => e.code === 'auth' || /password/i.test(e.message))).toEqual([]);
    expect(m.service.liveStatus().note ?? '').not.toMatch(/password/i);
  }
}

describe.each([
  ['NOTIFY', 'notify' as PushOffer],
  ['neither NOTIFY nor IDLE', 'none' as PushOffer],
])('eight teammates on Dovecot’s default limit of 10, server offers %s', (_name, push) => {
  let world: MailWorld;
  let team: Awaited<ReturnType<typeof liveTeam>>;
  const pollSeconds = 5;

  beforeAll(async () => {
    world = await startLimitedWorld({ limit: 10, push });
    team = await liveTeam(world, 8, pollSeconds);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(team?.mates.map((m) => m.service.stopLive()) ?? []);
    await world?.stop();
  });

  it('holds one connection per teammate at rest and says how it hears about changes', async () => {
    // Watching means the push mode is known: NOTIFY, or polling because the server offers no IDLE.
    const watching = (m: Mate) => {
      const status = m.service.liveStatus();
      return push === 'notify'
        ? status.push === 'notify'
        : status.reason === (push === 'idle' ? 'idle-only' : 'no-push');
    };
    await waitFor(() => team.mates.every(watching), 20_000, 'every teammate watching');
    // Passes that were running settle within a moment; then each holds only its watching connection.
    await waitFor(() => connectionsOf(world, team.support.user) <= 8, 10_000, 'connections to settle');
    expect(connectionsOf(world, team.support.user), JSON.stringify(team.mates.map((m) => m.service.liveStatus()))).toBe(
      8,
    );
    for (const m of team.mates) {
      const status = await m.service.call('sync.live', {});
      expect(status).toMatchObject({ connections: 1, maxConnections: 2, pollSeconds });
      if (push === 'notify') expect(status.note).toBeNull();
      else if (push === 'idle')
        expect(status.note).toMatch(/INBOX at once, but not in Sent or the team log .* every 5 seconds/);
      else expect(status.note).toMatch(/does not push changes \(no IDLE\)\. Promptly checks every 5 seconds/);
    }
  });

  it('a delivered message reaches all eight and a claim reaches the other seven through live sync alone', async () => {
    const { subject, owner } = await deliverAndClaim(world, team.support.address, team.mates, 40_000);
    for (const m of team.mates) expect(await ownerIs(subject, owner)(m)).toBe(true);
    expectNoPasswordTrouble(team.mates);
  }, 60_000);
});

describe('four teammates on an account limited to three connections', () => {
  let world: MailWorld;
  let team: Awaited<ReturnType<typeof liveTeam>>;
  const pollSeconds = 5;

  beforeAll(async () => {
    world = await startLimitedWorld({ limit: 3, push: 'notify' });
    team = await liveTeam(world, 4, pollSeconds);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(team?.mates.map((m) => m.service.stopLive()) ?? []);
    await world?.stop();
  });

  it('keeps everyone running; those without a connection say why in status', async () => {
    // The teammate left without a connection learns it when the server refuses one: wait for that word.
    const starvedNow = () =>
      team.mates.map((m) => m.service.liveStatus()).filter((s) => s.reason === 'too-many-connections');
    await expect.poll(() => starvedNow().length, { timeout: 30_000 }).toBeGreaterThan(0);
    const statuses = team.mates.map((m) => m.service.liveStatus());
    expect(statuses.every((s) => s.push !== 'off')).toBe(true);
    const starved = starvedNow();
    expect(starved.length).toBeGreaterThan(0);
    for (const s of starved)
      expect(s.note).toBe(
        "The mail server allows only a few connections for this account and they are in use (your teammates' Promptly, phones, other mail apps). Promptly checks every 5 seconds instead of instantly.",
      );
    expect(connectionsOf(world, team.support.user)).toBeLessThanOrEqual(3);
  }, 60_000);

  it('everyone catches up through live sync alone, and nobody is told their password is wrong', async () => {
    const { subject, owner } = await deliverAndClaim(world, team.support.address, team.mates, 40_000);
    for (const m of team.mates) expect(await ownerIs(subject, owner)(m)).toBe(true);
    expectNoPasswordTrouble(team.mates);
  }, 60_000);
});
