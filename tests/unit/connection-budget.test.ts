import { describe, expect, it } from 'vitest';
import { ConnectionBudget } from '../../src/main/mail/imap/budget';
import { describeLive, DEFAULT_LIVE_SETTINGS, type LiveFacts } from '../../src/main/service/liveStatus';

describe('ConnectionBudget', () => {
  it('never lets more than `max` run at once, and hands slots over in order', async () => {
    const budget = new ConnectionBudget(2);
    let open = 0;
    let most = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 5 }, () => {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    });
    const runs = gates.map((gate, i) =>
      budget.run(async () => {
        open += 1;
        most = Math.max(most, open);
        order.push(i);
        await gate.promise;
        open -= 1;
      }),
    );
    for (const gate of gates) {
      await new Promise((resolve) => setImmediate(resolve));
      gate.resolve();
    }
    await Promise.all(runs);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(budget.held).toBe(0);
  });

  it('tryAcquire says no when full; releasing twice frees one slot only', () => {
    const budget = new ConnectionBudget(1);
    const release = budget.tryAcquire();
    expect(release).not.toBeNull();
    expect(budget.tryAcquire()).toBeNull();
    release!();
    release!();
    expect(budget.held).toBe(0);
    expect(budget.tryAcquire()).not.toBeNull();
    expect(budget.held).toBe(1);
  });
});

describe('describeLive', () => {
  const facts = (over: Partial<LiveFacts>): LiveFacts => ({
    running: true,
    push: null,
    problem: null,
    settings: DEFAULT_LIVE_SETTINGS,
    pollSeconds: 30,
    connections: 1,
    now: 1000,
    ...over,
  });

  it('is quiet when every folder pushes', () => {
    expect(describeLive(facts({ push: 'notify' }))).toMatchObject({ push: 'notify', note: null, reason: null });
  });

  it('says which folders are only checked when the server has IDLE but no NOTIFY', () => {
    expect(describeLive(facts({ push: 'idle' }))).toMatchObject({
      reason: 'idle-only',
      note: expect.stringMatching(/INBOX at once.*checked every 30 seconds/),
    });
  });

  it('explains the connection limit in the words of the issue, with the interval', () => {
    const problem = { code: 'too-many-connections' as const, message: 'x' };
    expect(describeLive(facts({ problem, pollSeconds: 10 })).note).toBe(
      "The mail server allows only a few connections for this account and they are in use (your teammates' Promptly, phones, other mail apps). Promptly checks every 10 seconds instead of instantly.",
    );
  });

  it('names the setting when only one connection is allowed', () => {
    const status = describeLive(facts({ settings: { maxConnections: 1, pollSeconds: 60 }, pollSeconds: 60 }));
    expect(status).toMatchObject({ push: 'poll', reason: 'setting', maxConnections: 1, backgroundPollSeconds: 60 });
  });

  it('is off when live sync does not run', () => {
    expect(describeLive(facts({ running: false, push: 'notify' }))).toMatchObject({ push: 'off', note: null });
  });
});
