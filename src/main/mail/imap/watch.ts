import type { ImapFlow } from 'imapflow';
import { connectImap, type ImapSettings } from './connect';
import { backoffDelay } from './backoff';
import type { ConnectionBudget } from './budget';
import { canNotify, notifyOn } from './notify';
import { explainConnectionError, type Explained } from '../connectionErrors';
import { FolderMarks } from './folderMarks';

/** How the server tells this connection about changes. */
export type PushMode = 'notify' | 'idle' | 'poll';

/** What the doorbell is doing, for `status` and the sync panel. */
export interface DoorbellState {
  /** Null while there is no connection. */
  mode: PushMode | null;
  /** Why there is no connection (a refusal or a network problem), if that is the case. */
  problem: Explained | null;
}

/** Everything the doorbell needs; effects and clocks are passed in. */
export interface DoorbellOptions {
  settings: ImapSettings;
  /** Watched folders; the first is the one IDLE sits on (INBOX). */
  folders: string[];
  budget: ConnectionBudget;
  onChange: () => void;
  onState: (state: DoorbellState) => void;
  /** How often folders without push are checked (read before every wait, so it can change). */
  checkEveryMs: () => number;
  /** Hold a connection only while the server has room for one more (see `hasHeadroom`). */
  leaveHeadroom?: boolean;
  /** After a refusal for too many connections, wait this long (doubling) before holding one again. */
  cooldownMs?: number;
  random?: () => number;
}

/** Re-IDLE well before servers drop an idle client (RFC 2177 says 29 minutes). */
const REIDLE_MS = 4 * 60_000;
/** With a re-IDLE every 4 minutes, silence longer than this means the connection is dead. */
const DEAD_AFTER_MS = 5 * 60_000;

/**
 * The one long-lived connection of a teammate's Promptly. It watches every folder that
 * matters: with NOTIFY (RFC 5465) all of them push; otherwise IDLE (RFC 2177) pushes INBOX
 * and the others get a cheap STATUS check every `checkEveryMs`; without IDLE, INBOX gets a
 * NOOP at the same interval. Sync passes borrow this connection instead of opening another, so a
 * teammate costs the account one connection at rest.
 */
export class Doorbell {
  private stopped = false;
  private client: ImapFlow | null = null;
  private mode: PushMode | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | null = null;
  private readonly marks = new FolderMarks();
  private running: Promise<void> | null = null;

  constructor(private readonly o: DoorbellOptions) {}

  /** Connects and keeps the connection up, reconnecting with backoff, until `stop`. */
  start(): void {
    this.running ??= this.loop();
  }

  /** The folders this doorbell watches. */
  get folders(): string[] {
    return this.o.folders;
  }

  /** The push mode while connected, or null. */
  get pushMode(): PushMode | null {
    return this.client ? this.mode : null;
  }

  /**
   * Runs `work` on the watching connection, exclusively; null when there is none. The
   * folders' marks are taken first, so anything that changes during `work` rings afterwards.
   */
  borrow<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> | null {
    const client = this.client;
    if (!client || !client.usable || this.mode === null) return null;
    return this.exclusive(async () => {
      if (this.mode !== 'notify') await this.marks.take(client, this.o.folders);
      try {
        return await work(client);
      } finally {
        this.nudge();
      }
    });
  }

  /** Re-reads the check interval now (it changed, or a borrowed pass ended). */
  nudge(): void {
    this.wake?.();
  }

  /** Closes the connection and ends the loop. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge();
    // close(), not logout(): LOGOUT would wait behind the running IDLE.
    this.client?.close();
    await this.running;
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    let refusals = 0;
    const random = this.o.random ?? Math.random;
    const server = { kind: 'IMAP' as const, host: this.o.settings.host, port: this.o.settings.port };
    while (!this.stopped) {
      let delay: number;
      const release = await this.o.budget.acquire();
      try {
        const client = await connectImap(this.o.settings, { maxIdleTime: REIDLE_MS, socketTimeout: DEAD_AFTER_MS });
        this.client = client;
        if (this.o.leaveHeadroom) await hasHeadroom(this.o.settings);
        attempt = 0;
        refusals = 0;
        await this.watch(client);
        delay = backoffDelay(0, random());
      } catch (error) {
        const explained = explainConnectionError(error, server);
        const refused = explained.code === 'too-many-connections' || explained.code === 'server-busy';
        this.o.onState({ mode: null, problem: this.stopped ? null : explained });
        delay = refused
          ? backoffDelay(refusals++, random(), this.o.cooldownMs ?? 5 * 60_000, 60 * 60_000)
          : backoffDelay(attempt++, random());
      } finally {
        this.client?.close();
        this.client = null;
        this.mode = null;
        release();
      }
      if (!this.stopped) await this.sleep(delay);
    }
  }

  /** Watches until the connection closes. */
  private async watch(client: ImapFlow): Promise<void> {
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const [inbox, ...others] = this.o.folders;
    for (const event of ['exists', 'expunge', 'flags'] as const) client.on(event, () => this.o.onChange());
    this.mode = canNotify(client, this.o.folders) ? 'notify' : client.capabilities.has('IDLE') ? 'idle' : 'poll';
    if (this.mode === 'notify') await notifyOn(client, others.concat(inbox ?? []), () => this.o.onChange());
    await this.marks.take(client, this.o.folders);
    this.o.onState({ mode: this.mode, problem: null });
    this.o.onChange(); // catch up on anything that arrived while we were away
    while (!this.stopped && client.usable) {
      await this.exclusive(() => this.check(client));
      if (this.mode !== 'poll') void client.idle().catch(() => undefined);
      const wait = this.mode === 'notify' ? REIDLE_MS : this.o.checkEveryMs();
      await Promise.race([closed, this.sleep(wait)]);
    }
  }

  /**
   * Keeps INBOX selected (IDLE needs it; without IDLE a NOOP brings its news) and compares
   * the other folders' marks with the last ones seen. STATUS is only asked of folders that
   * are not selected: for the selected one a server may answer from the session's old view.
   */
  private async check(client: ImapFlow): Promise<void> {
    const [inbox = 'INBOX', ...others] = this.o.folders;
    if (!client.mailbox || client.mailbox.path !== inbox) {
      // A borrowed pass may have left another folder selected.
      const mailbox = await client.mailboxOpen(inbox, { readOnly: true });
      if (this.marks.changed(inbox, mailbox)) this.o.onChange();
    } else if (this.mode === 'poll') await client.noop();
    if (this.mode !== 'notify' && (await this.marks.compare(client, others))) this.o.onChange();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work, work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        clearTimeout(timer);
        done();
      };
    });
  }
}

/**
 * Opens and closes one more connection: a teammate keeps a connection only while the server
 * still lets one more in, so one teammate's push never locks another out of checking.
 */
export async function hasHeadroom(settings: ImapSettings): Promise<void> {
  const probe = await connectImap(settings);
  await probe.logout().catch(() => probe.close());
}
