import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startOAuthMailWorld, type OAuthMailWorld } from '../support/mailworld-oauth';
import { signInAt, signInOutcome, startOAuthEngine, type OAuthEngine } from '../support/oauth-engine';

let world: OAuthMailWorld;
let browser: Browser;
const engines: OAuthEngine[] = [];

beforeAll(async () => {
  [world, browser] = await Promise.all([startOAuthMailWorld(), launchChromium()]);
});
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

/** Polls until `check` holds (the engine syncs and sends in the background). */
async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a shared mailbox opened with a teammate’s own sign-in (delegated access, as Microsoft 365 has it)', () => {
  it('the teammate signs in as themselves; IMAP and SMTP open the shared address the admin gave them', async () => {
    const shared = await world.mail.createMailbox('team');
    const alice = `alice-${Date.now()}@staff.test`;
    world.grantAccess(shared.address, alice);
    const carla = await world.mail.createMailbox('carla', 'customer.test');
    await world.mail.deliverMail({
      from: `Carla <${carla.address}>`,
      to: shared.address,
      subject: 'Shared question',
      text: 'Who answers this?',
    });
    const engine = startOAuthEngine(world, browser, shared, alice);
    engines.push(engine);

    await signInAt(world, engine, shared, alice);
    expect(new URL(engine.opened[0]!).searchParams.get('login_hint')).toBe(alice);
    const account = await engine.service.call('account.get', {});
    expect(account).toMatchObject({ address: shared.address, user: shared.address });
    expect(account?.auth).toEqual({ kind: 'oauth2', provider: world.auth.issuer, signInAs: alice });
    await eventually(
      async () =>
        (await engine.service.call('threads.list', { limit: 10 })).some((t) => t.subject === 'Shared question'),
      'the shared mailbox to sync',
    );
    const [thread] = await engine.service.call('threads.list', { limit: 1 });
    await engine.service.call('reply.send', { threadId: thread!.id, text: 'The team does.' });
    engine.advance(11_000); // past the undo window
    const [sent] = await eventually(async () => {
      const found = await world.mail.smtpMessages({ from: shared.address });
      return found.length > 0 ? found : null;
    }, 'the reply to leave from the shared address');
    expect(sent?.raw.toString()).toMatch(/The team does\./);
  });

  it('without access, says so in the server’s words and what the admin must do, and saves nothing', async () => {
    const shared = await world.mail.createMailbox('sales');
    const bob = `bob-${Date.now()}@staff.test`;
    const engine = startOAuthEngine(world, browser, shared, bob);
    engines.push(engine);
    const servers = {
      imap: { ...world.mail.imap, tls: 'none' as const },
      smtp: { ...world.mail.smtp, tls: 'none' as const },
    };
    await engine.service.call('oauth.start', {
      provider: world.auth.issuer,
      address: shared.address,
      signInAs: bob,
      servers,
    });
    const { flow } = await signInOutcome(engine);
    if (flow.state !== 'failed') throw new Error(`expected the sign-in to fail, got ${flow.state}`);
    expect(flow.message).toContain(`did not let ${bob} open ${shared.address}`);
    expect(flow.message).toContain(`The IMAP server refused this sign-in for ${shared.address}: "`);
    expect(flow.message).toMatch(/Authentication failed/i); // the servers' own text
    expect(flow.message).toContain('Full Access');
    expect(await engine.service.call('account.get', {})).toBeNull();
  });
});
