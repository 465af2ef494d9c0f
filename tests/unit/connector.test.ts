import { describe, expect, it } from 'vitest';
import { Connector, FIRST_RETRY_MS, LONGEST_RETRY_MS, type Schedule } from '../../src/main/service/connector';
import type { ConnectionState } from '../../src/shared/connection';

/** A clock and timer the test moves by hand. */
function manualTime() {
  let now = 1_000_000;
  const timers: Array<{ at: number; run: () => void; live: boolean }> = [];
  const schedule: Schedule = (run, ms) => {
    const t = { at: now + ms, run, live: true };
    timers.push(t);
    return { cancel: () => (t.live = false) };
  };
  return {
    now: () => now,
    schedule,
    pending: () => timers.filter((t) => t.live).length,
    /** Moves the clock to the next timer and runs it. */
    async next(): Promise<number> {
      const t = timers.filter((x) => x.live).sort((a, b) => a.at - b.at)[0];
      if (!t) throw new Error('no timer pending');
      const waited = t.at - now;
      now = t.at;
      t.live = false;
      t.run();
      await new Promise((resolve) => setImmediate(resolve));
      return waited;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Connector (bringing a saved mailbox live, with backoff)', () => {
  it('goes live on the first attempt and reports connecting, then live', async () => {
    const time = manualTime();
    const states: ConnectionState[] = [];
    const connector = new Connector({
      connect: async () => undefined,
      explain: String,
      emit: (s) => states.push(s),
      now: time.now,
      schedule: time.schedule,
      random: () => 1,
    });
    connector.start();
    await settle();
    expect(states.map((s) => s.state)).toEqual(['connecting', 'live']);
    expect(time.pending()).toBe(0);
  });

  it('retries an unreachable server with growing waits, says why and when, and goes live once it answers', async () => {
    const time = manualTime();
    const states: ConnectionState[] = [];
    let failures = 3;
    const connector = new Connector({
      connect: async () => {
        if (failures-- > 0) throw new Error('Nothing answered on imap.example.com:993.');
      },
      explain: (e) => (e as Error).message,
      emit: (s) => states.push(s),
      now: time.now,
      schedule: time.schedule,
      random: () => 1,
    });
    connector.start();
    await settle();
    const first = states.at(-1);
    expect(first).toEqual({
      state: 'retrying',
      message: 'Nothing answered on imap.example.com:993.',
      attempt: 1,
      nextAttemptAt: time.now() + FIRST_RETRY_MS,
    });
    const waits = [await time.next(), await time.next(), await time.next()];
    expect(waits).toEqual([FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS]);
    expect(connector.state).toEqual({ state: 'live' });
    expect(states.filter((s) => s.state === 'retrying').map((s) => (s.state === 'retrying' ? s.attempt : 0))).toEqual([
      1, 2, 3,
    ]);
    expect(time.pending()).toBe(0);
  });

  it('waits at most the last backoff step, and stop() ends the attempts', async () => {
    const time = manualTime();
    const connector = new Connector({
      connect: async () => {
        throw new Error('down');
      },
      explain: String,
      emit: () => undefined,
      now: time.now,
      schedule: time.schedule,
      random: () => 1,
    });
    connector.start();
    await settle();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) waits.push(await time.next());
    expect(Math.max(...waits)).toBe(LONGEST_RETRY_MS);
    expect(waits.slice(-2)).toEqual([LONGEST_RETRY_MS, LONGEST_RETRY_MS]);
    connector.stop();
    expect(time.pending()).toBe(0);
    expect(connector.state).toEqual({ state: 'none' });
  });

  it('spreads the waits: the random share takes up to half of each wait off', async () => {
    const time = manualTime();
    const connector = new Connector({
      connect: async () => {
        throw new Error('down');
      },
      explain: String,
      emit: () => undefined,
      now: time.now,
      schedule: time.schedule,
      random: () => 0,
    });
    connector.start();
    await settle();
    expect([await time.next(), await time.next()]).toEqual([FIRST_RETRY_MS / 2, FIRST_RETRY_MS]);
    connector.stop();
  });

  it('start() while waiting tries again at once (the person asked)', async () => {
    const time = manualTime();
    let calls = 0;
    const connector = new Connector({
      connect: async () => {
        calls += 1;
        if (calls === 1) throw new Error('down');
      },
      explain: String,
      emit: () => undefined,
      now: time.now,
      schedule: time.schedule,
      random: () => 1,
    });
    connector.start();
    await settle();
    expect(connector.state.state).toBe('retrying');
    connector.start();
    await settle();
    expect(calls).toBe(2);
    expect(connector.state).toEqual({ state: 'live' });
    expect(time.pending()).toBe(0);
  });

  it('a refused sign-in pauses without retrying until start() after signing in again', async () => {
    const time = manualTime();
    const signedOut = Object.assign(new Error('Microsoft signed you out of support@acme.example.'), {
      code: 'signed-out',
    });
    let signedIn = false;
    const connector = new Connector({
      connect: async () => {
        if (!signedIn) throw signedOut;
      },
      explain: (e) => (e as Error).message,
      needsSignIn: (e) => (e as { code?: string }).code === 'signed-out',
      emit: () => undefined,
      now: time.now,
      schedule: time.schedule,
    });
    connector.start();
    await settle();
    expect(connector.state).toEqual({ state: 'signed-out', message: signedOut.message });
    expect(time.pending()).toBe(0);
    signedIn = true;
    connector.start();
    await settle();
    expect(connector.state).toEqual({ state: 'live' });
  });

  it('pause() while live (a refresh refused later) says signed-out and schedules no attempt', async () => {
    const time = manualTime();
    const states: ConnectionState[] = [];
    const connector = new Connector({
      connect: async () => undefined,
      explain: String,
      emit: (s) => states.push(s),
      now: time.now,
      schedule: time.schedule,
    });
    connector.start();
    await settle();
    connector.pause('Google signed you out of help@acme.example.');
    expect(states.map((s) => s.state)).toEqual(['connecting', 'live', 'signed-out']);
    expect(time.pending()).toBe(0);
  });
});
