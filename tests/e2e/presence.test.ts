import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';
import { artifactPath } from '../support/browser';
import { useChromium } from '../support/appPage';

const chromium = useChromium();

describe('who is replying, in the real renderer (two engines, Dovecot)', () => {
  it("Bob's list row and thread say Alice is replying while her composer holds text, and stop when she sends", async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const alice = await startEngine(world, support);
    const bob = await startEngine(world, support);
    await alice.service.call('me.set', { name: 'Alice Moreno', address: 'alice@acme.example' });
    await bob.service.call('me.set', { name: 'Bob Baker', address: 'bob@acme.example' });
    const subject = 'Wheel wobbles after the repair';
    await world.deliverMail({
      from: 'Omar Haddad <omar@customer.example>',
      to: support.address,
      subject,
      text: 'Help',
    });
    await alice.service.syncNow();
    await Promise.all([alice.service.startLive(), bob.service.startLive()]);
    try {
      const { page } = await chromium.openApp(bob.service, { viewport: { width: 1280, height: 720 } });
      const row = page.getByRole('option').filter({ hasText: subject });
      await row.waitFor();
      await row.click();
      const threadId = (await alice.service.call('threads.list', {})).find((t) => t.subject === subject)!.id;
      await alice.service.call('presence.set', { threadId, replying: true });

      await expect
        .poll(() => row.getByTestId('replying-row').textContent(), { timeout: 20_000 })
        .toBe('Alice Moreno is replying');
      await expect
        .poll(() => page.getByTestId('replying-thread').textContent(), { timeout: 20_000 })
        .toContain('Alice Moreno is replying');
      await page.screenshot({ path: artifactPath('presence-alice-is-replying.png') });

      await alice.service.call('reply.send', { threadId, to: ['omar@customer.example'], text: 'On its way.' });
      await expect.poll(() => row.getByTestId('replying-row').count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => page.getByTestId('replying-thread').count(), { timeout: 20_000 }).toBe(0);
    } finally {
      await Promise.all([alice.service.stopLive(), bob.service.stopLive()]);
    }
  });
});
