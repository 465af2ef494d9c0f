import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { OAuthStatus } from '../../src/shared/oauth';
import { openDb, type Db } from '../../src/main/store/db';
import { MemorySecretStore } from '../../src/main/secrets';
import { PromptlyService } from '../../src/main/service/service';
import type { Mailbox } from './mailworld';
import { browserSignIn, type OAuthMailWorld } from './mailworld-oauth';

/** An engine whose "system browser" is Chromium signing in as the mailbox at the world's issuer. */
export interface OAuthEngine {
  service: PromptlyService;
  db: Db;
  dataDir: string;
  secrets: MemorySecretStore;
  /** Every sign-in page the engine opened in the "system browser". */
  opened: string[];
  /** Moves the engine's clock forward (past an undo window, towards a token's expiry). */
  advance(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts an engine with no account yet; its `openUrl` drives Chromium through login and consent
 * as `login` (default: the mailbox itself; a teammate for a shared mailbox).
 */
export function startOAuthEngine(
  world: OAuthMailWorld,
  browser: Browser,
  mailbox: Mailbox,
  login: string = mailbox.address,
): OAuthEngine {
  const dataDir = mkdtempSync(join(tmpdir(), 'promptly-oauth-'));
  const db = openDb(join(dataDir, 'promptly.sqlite'));
  const secrets = new MemorySecretStore();
  let offset = 0;
  const opened: string[] = [];
  const signIn = browserSignIn(browser, login);
  const service = new PromptlyService({
    db,
    secrets,
    now: () => Date.now() + offset,
    version: 'test',
    dataDir,
    openUrl: async (url) => {
      opened.push(url);
      await signIn(url);
    },
    oauthClients: { env: {} },
  });
  return {
    service,
    db,
    dataDir,
    secrets,
    opened,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await service.stopLive();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts "Sign in with…" at the world's issuer and waits until the account is connected. */
export async function signInAt(
  world: OAuthMailWorld,
  engine: OAuthEngine,
  mailbox: Mailbox,
  signInAs?: string,
): Promise<OAuthStatus> {
  const servers = {
    imap: { ...world.mail.imap, tls: 'none' as const },
    smtp: { ...world.mail.smtp, tls: 'none' as const },
  };
  await engine.service.call('oauth.start', {
    provider: world.auth.issuer,
    address: mailbox.address,
    signInAs,
    servers,
  });
  const status = await signInOutcome(engine);
  if (status.flow.state === 'failed') throw new Error(`sign-in failed: ${status.flow.message}`);
  return status;
}

/** Waits until the sign-in in progress has connected or failed. */
export async function signInOutcome(engine: OAuthEngine): Promise<OAuthStatus> {
  for (;;) {
    const status = await engine.service.call('oauth.status', {});
    if (status.flow.state === 'connected' || status.flow.state === 'failed') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
