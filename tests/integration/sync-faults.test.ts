/**
 * Resilience proof for the sync engine: the connection to Dovecot is cut at
 * seeded-random byte offsets during initial and incremental sync, while another client
 * delivers, flags and expunges mail between rounds. However often it is cut, the store must
 * end up holding exactly the server's messages, once each, in the right conversations.
 *
 * Reproduce a failure with PROMPTLY_FAULT_SEED=<seed printed in the assertion message>.
 */
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { mailWorld, otherClient } from '../support/engine';
import type { MailWorldClient } from '../support/mailworld';
import { startProxiedEngine, startProxy, type TcpProxy } from '../support/tcp-proxy';
import { mulberry32 as prng } from '../support/prng';

const SEED = Number(process.env.PROMPTLY_FAULT_SEED ?? 0x5eed);
const INITIAL_MESSAGES = 400;
const MIN_CUTS = 20;
/** A sync that neither finishes nor fails within this is hung, which is a bug in itself. */
const ATTEMPT_TIMEOUT_MS = 15_000;

const WORDS = 'order bike frame wheel invoice refund delivery warranty brake chain saddle tyre service'.split(' ');

/** The mail this test writes, and which conversation each Message-ID belongs to. */
class Conversations {
  readonly convOf = new Map<string, number>();
  private readonly chains: string[][] = [];

  constructor(
    private readonly rand: () => number,
    private readonly support: string,
  ) {}

  get count(): number {
    return this.chains.length;
  }

  /** A raw message: a new conversation, or a reply to conversation `conv` with In-Reply-To and References. */
  message(conv: number | null, fromTeam = false): { raw: string; messageId: string } {
    const c = conv ?? this.chains.push([]) - 1;
    const chain = this.chains[c]!;
    const messageId = `c${c}.m${chain.length}.${SEED}@${fromTeam ? 'promptly.test' : 'customer.example'}`;
    const customer = `Customer ${c} <customer${c}@customer.example>`;
    const headers = [
      `From: ${fromTeam ? `Support <${this.support}>` : customer}`,
      `To: ${fromTeam ? customer : this.support}`,
      `Subject: ${chain.length > 0 ? 'Re: ' : ''}Question ${c} about my ${WORDS[c % WORDS.length]}`,
      `Message-ID: <${messageId}>`,
      `Date: ${new Date(Date.UTC(2025, 0, 1) + c * 3_600_000 + chain.length * 60_000).toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
    ];
    const parent = chain.at(-1);
    if (parent) headers.push(`In-Reply-To: <${parent}>`, `References: ${chain.map((id) => `<${id}>`).join(' ')}`);
    chain.push(messageId);
    this.convOf.set(messageId, c);
    return { raw: `${headers.join('\r\n')}\r\n\r\n${this.body()}`, messageId };
  }

  /** A random existing conversation. */
  pick(): number {
    return Math.floor(this.rand() * this.chains.length);
  }

  /** Mostly short bodies, some long ones, so cuts land inside big literals too. */
  private body(): string {
    const size = this.rand() < 0.1 ? 20_000 + this.rand() * 40_000 : 200 + this.rand() * 3_000;
    const lines: string[] = [];
    let length = 0;
    while (length < size) {
      const line = Array.from({ length: 12 }, () => WORDS[Math.floor(this.rand() * WORDS.length)]).join(' ');
      lines.push(line);
      length += line.length + 2;
    }
    return `${lines.join('\r\n')}\r\n`;
  }
}

/** Delivers raw messages over LMTP, `parallel` at a time. */
async function deliverAll(world: MailWorldClient, to: string, raws: string[], parallel = 25): Promise<void> {
  for (let i = 0; i < raws.length; i += parallel) {
    await Promise.all(raws.slice(i, i + parallel).map((raw) => world.deliver(to, raw)));
  }
}

interface ServerMessage {
  folder: string;
  uid: number;
  messageId: string;
  flags: string[];
}

/** What the server holds now, per folder, read on a fresh direct connection. */
async function serverTruth(client: ImapFlow, folders: string[]): Promise<ServerMessage[]> {
  const out: ServerMessage[] = [];
  for (const folder of folders) {
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      if (client.mailbox === false || client.mailbox.exists === 0) continue;
      for await (const m of client.fetch('1:*', { uid: true, envelope: true, flags: true })) {
        const messageId = (m.envelope?.messageId ?? '').replace(/^<|>$/g, '');
        out.push({ folder, uid: m.uid, messageId, flags: plainFlags([...(m.flags ?? [])]) });
      }
    } finally {
      lock.release();
    }
  }
  return out;
}

/** \Recent is per session, not message state. */
const plainFlags = (flags: string[]): string[] => flags.filter((f) => f !== '\\Recent').sort();

const key = (m: { folder: string; uid: number; messageId: string }): string => `${m.folder} ${m.uid} ${m.messageId}`;

let proxy: TcpProxy | undefined;
let admin: ImapFlow | undefined;
afterEach(async () => {
  await admin?.logout().catch(() => admin?.close());
  await proxy?.close();
  [admin, proxy] = [undefined, undefined];
});

describe('sync survives connection cuts (real Dovecot behind a TCP proxy)', () => {
  it(`ends with exactly the server's mail after ${MIN_CUTS}+ cuts at random offsets (seed ${SEED})`, async () => {
    const rand = prng(SEED);
    const world = await mailWorld();
    const support = await world.createMailbox('faults');
    const mail = new Conversations(rand, support.address);

    // ~400 messages, a third of them replies, delivered before the first sync.
    const initial: string[] = [];
    while (initial.length < INITIAL_MESSAGES) {
      const reply = mail.count > 0 && rand() < 0.35;
      initial.push(mail.message(reply ? mail.pick() : null).raw);
    }
    const initialBytes = initial.reduce((n, raw) => n + raw.length, 0);
    await deliverAll(world, support.address, initial);

    const fault = await startProxy(world.info.imap);
    proxy = fault;
    const { service, db } = await startProxiedEngine(world, support, fault);
    // Another client, straight to Dovecot: it changes the mailbox between rounds and reads the truth.
    const other = await otherClient(world, support);
    admin = other;

    const log: string[] = [];
    const context = (): string => `seed ${SEED}; attempts:\n${log.join('\n')}`;
    const storedCount = (): number => (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;

    /** One syncNow(), optionally with a cut armed; true when it completed. */
    const attempt = async (label: string, cutAt: number | null): Promise<boolean> => {
      const cutsBefore = fault.stats.cuts;
      if (cutAt !== null) fault.cutAfterBytes(cutAt);
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`syncNow hung for ${ATTEMPT_TIMEOUT_MS} ms`)), ATTEMPT_TIMEOUT_MS);
      });
      let outcome: string;
      let completed = false;
      try {
        await Promise.race([service.syncNow(), hung]);
        completed = true;
        outcome = 'completed';
      } catch (error) {
        outcome = `threw: ${error instanceof Error ? error.message : String(error)}`;
        if (outcome.includes('hung')) throw new Error(`${label}: ${outcome}\n${context()}`);
      } finally {
        clearTimeout(timer);
      }
      fault.disarm();
      const cut = fault.stats.cuts > cutsBefore;
      log.push(`${label} cutAt=${cutAt ?? '-'} cut=${cut} ${outcome} stored=${storedCount()}`);
      return completed;
    };

    /**
     * Cuts up to `cuts` times, then syncs to completion. An offset past what the attempt
     * needs lets it complete, which ends the round early (more rounds make up the count).
     */
    const round = async (name: string, cuts: number, bytesToFetch: number): Promise<void> => {
      let completed = false;
      for (let i = 0; i < cuts && !completed; i++) {
        // A quarter of the cuts hit the greeting, LOGIN, LIST and SELECT; the rest land in the fetches.
        const cutAt = rand() < 0.25 ? Math.floor(rand() * 2_000) : 2_000 + Math.floor(rand() * bytesToFetch);
        completed = await attempt(`${name} cut ${i + 1}`, cutAt);
      }
      for (let i = 0; i < 3 && !completed; i++) completed = await attempt(`${name} retry ${i + 1}`, null);
      if (!completed) throw new Error(`${name}: syncNow never completed without a cut\n${context()}`);
    };

    /** Another client's changes between rounds: new mail, team replies in Sent, flags, expunges. */
    const changeMailbox = async (): Promise<number> => {
      const fresh: string[] = [];
      for (let i = 0; i < 20; i++) fresh.push(mail.message(rand() < 0.5 ? mail.pick() : null).raw);
      await deliverAll(world, support.address, fresh);
      let bytes = fresh.reduce((n, raw) => n + raw.length, 0);
      for (let i = 0; i < 2; i++) {
        const sent = mail.message(mail.pick(), true).raw;
        await other.append('Sent', sent, ['\\Seen']);
        bytes += sent.length;
      }
      const lock = await other.getMailboxLock('INBOX');
      try {
        const uids = (await other.search({ all: true }, { uid: true })) || [];
        const chosen = (n: number): number[] => [
          ...new Set(Array.from({ length: n }, () => uids[Math.floor(rand() * uids.length)]!)),
        ];
        await other.messageFlagsAdd(chosen(8), ['\\Flagged'], { uid: true });
        await other.messageFlagsAdd(chosen(8), ['\\Seen'], { uid: true });
        await other.messageDelete(chosen(5), { uid: true });
      } finally {
        lock.release();
      }
      return bytes;
    };

    await round('initial', 8, initialBytes);
    let rounds = 0;
    while (rounds < 4 || (fault.stats.cuts < MIN_CUTS && rounds < 10)) {
      rounds += 1;
      const bytes = await changeMailbox();
      await round(`incremental ${rounds}`, 3, bytes);
    }
    expect(fault.stats.cuts, context()).toBeGreaterThanOrEqual(MIN_CUTS);

    // The truth, read directly from Dovecot, for every folder the engine keeps.
    const folders = (db.prepare('SELECT path FROM folders ORDER BY path').all() as Array<{ path: string }>).map(
      (f) => f.path,
    );
    expect(folders, context()).toEqual(expect.arrayContaining(['INBOX', 'Sent']));
    const truth = await serverTruth(other, folders);
    const stored = db
      .prepare(
        `SELECT f.path AS folder, m.uid, m.message_id AS messageId, m.flags, m.thread_id AS threadId
         FROM messages m JOIN folders f ON f.id = m.folder_id`,
      )
      .all() as Array<{ folder: string; uid: number; messageId: string; flags: string; threadId: number | null }>;

    // 1. Exactly the server's messages per folder: nothing missing, nothing extra (expunged mail is gone).
    const storedKeys = stored.map(key).sort();
    const truthKeys = truth.map(key).sort();
    const missing = truthKeys.filter((k) => !storedKeys.includes(k));
    const extra = storedKeys.filter((k) => !truthKeys.includes(k));
    expect.soft({ missing, extra }, context()).toEqual({ missing: [], extra: [] });

    // 2. No message stored twice in a folder.
    const duplicates = db
      .prepare('SELECT folder_id, message_id, COUNT(*) AS n FROM messages GROUP BY folder_id, message_id HAVING n > 1')
      .all();
    expect.soft(duplicates, context()).toEqual([]);

    // 3. One thread per conversation that still has mail on the server, and each thread holds one conversation.
    const conversations = new Set(truth.map((m) => mail.convOf.get(m.messageId)));
    const threadCount = (db.prepare('SELECT COUNT(*) AS n FROM threads').get() as { n: number }).n;
    const emptyThreads = db
      .prepare(
        'SELECT id, thread_key AS key FROM threads WHERE id NOT IN (SELECT thread_id FROM messages WHERE thread_id IS NOT NULL)',
      )
      .all();
    expect.soft({ threadCount, emptyThreads }, `threads vs conversations; ${context()}`).toEqual({
      threadCount: conversations.size,
      emptyThreads: [],
    });
    const threadsOfConv = new Map<number | undefined, Set<number | null>>();
    const convsOfThread = new Map<number | null, Set<number | undefined>>();
    for (const m of stored) {
      const conv = mail.convOf.get(m.messageId);
      threadsOfConv.set(conv, (threadsOfConv.get(conv) ?? new Set()).add(m.threadId));
      convsOfThread.set(m.threadId, (convsOfThread.get(m.threadId) ?? new Set()).add(conv));
    }
    const split = [...threadsOfConv].filter(([, t]) => t.size !== 1).map(([c, t]) => `conv ${c}: threads ${[...t]}`);
    const merged = [...convsOfThread].filter(([, c]) => c.size !== 1).map(([t, c]) => `thread ${t}: convs ${[...c]}`);
    expect.soft({ split, merged, unthreaded: convsOfThread.has(null) }).toEqual({
      split: [],
      merged: [],
      unthreaded: false,
    });

    // 4. Flags changed by another client are mirrored (CONDSTORE CHANGEDSINCE, or a flag diff).
    const storedFlags = new Map(stored.map((m) => [key(m), plainFlags(JSON.parse(m.flags) as string[])]));
    const flagDiffs = truth
      .filter((m) => storedFlags.has(key(m)) && storedFlags.get(key(m))!.join(' ') !== m.flags.join(' '))
      .map((m) => `${key(m)}: server [${m.flags}] store [${storedFlags.get(key(m))}]`);
    expect.soft(flagDiffs, context()).toEqual([]);
  }, 90_000);
});
