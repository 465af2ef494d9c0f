import { ImapFlow } from 'imapflow';

import { join } from 'node:path';
import { inject } from 'vitest';
import { openDb, type Db } from '../../src/main/store/db';
import { MemorySecretStore } from '../../src/main/secrets';
import { PromptlyService, type DesktopFiles } from '../../src/main/service/service';
import { attachMailWorld, type Endpoint, type MailWorldClient, type Mailbox } from './mailworld';
import type { AccountInput } from '../../src/shared/schemas';
import type { SyncModes } from '../../src/main/mail/imap/context';
import type { LiveSyncTuning } from '../../src/main/service/liveSync';
import { tempDir } from './tempDir';

/** The shared test mail world started by the global setup. */
export async function mailWorld(): Promise<MailWorldClient> {
  return attachMailWorld(inject('mailWorld'));
}

/** Any test world: where its IMAP and SMTP servers listen (Dovecot, or a server of the interop matrix). */
export interface WorldEndpoints {
  info: { imap: Endpoint; smtp: Endpoint };
}

/** Account input for a mailbox in the test world (plain IMAP/SMTP on loopback). */
export function accountFor(world: WorldEndpoints, mailbox: Mailbox): AccountInput {
  return {
    address: mailbox.address,
    displayName: 'Support',
    imap: { host: world.info.imap.host, port: world.info.imap.port, tls: 'none' },
    smtp: { host: world.info.smtp.host, port: world.info.smtp.port, tls: 'none' },
    user: mailbox.user,
    password: mailbox.password,
  };
}

/** A teammate's engine: its own data directory and database, signed in to `mailbox`. */
export async function startEngine(
  world: WorldEndpoints,
  mailbox: Mailbox,
  options: {
    syncModes?: SyncModes;
    me?: string;
    files?: DesktopFiles;
    liveTuning?: LiveSyncTuning;
    diskFullRetryMs?: number;
    /** The engine's clock (a {@link TestClock}'s `now` moves it forward without waiting). */
    now?: () => number;
    /** Write a team log snapshot once this many log messages followed the newest. */
    teamSnapshotEvery?: number;
    /** From this size a message is streamed to a file (lowered so a test message stays small). */
    largeMessageBytes?: number;
  } = {},
): Promise<{ service: PromptlyService; db: Db; dataDir: string }> {
  const dataDir = tempDir('engine');
  const db = openDb(join(dataDir, 'promptly.sqlite'));
  const service = new PromptlyService({
    db,
    secrets: new MemorySecretStore(),
    version: 'test',
    dataDir,
    ...options,
    now: options.now ?? (() => Date.now()),
  });
  const report = await service.saveAccount(accountFor(world, mailbox));
  if (!report.ok) throw new Error(`test account refused: ${report.imap.message} / ${report.smtp.message}`);
  return { service, db, dataDir };
}

/** A plain imapflow client standing in for "another mail client" on the same mailbox. */
export async function otherClient(world: WorldEndpoints, mailbox: Mailbox): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: world.info.imap.host,
    port: world.info.imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: mailbox.user, pass: mailbox.password },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Polls until `check` is true or the time runs out; returns the elapsed ms. */
export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}

/**
 * A clock a test moves forward: real time plus whatever it skipped. Pass `now` to the engine
 * and skip the page's clock by the same amount, so both sides see the same hour. Start it in
 * the past when the test skips days: the mail server keeps its own clock and files mail dated
 * days ahead of it at its own time instead.
 */
export class TestClock {
  private skipped: number;
  readonly now = (): number => Date.now() + this.skipped;

  constructor(startAt: number = Date.now()) {
    this.skipped = startAt - Date.now();
  }

  /** Jumps `ms` ahead at once (a day passes without the test waiting for it). */
  advance(ms: number): void {
    this.skipped += ms;
  }
}
