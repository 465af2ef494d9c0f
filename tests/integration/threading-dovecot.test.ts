/**
 * Our threading against Dovecot's own: ~300 generated messages in 60 conversations are
 * delivered over LMTP in shuffled order, synced by the real engine, and the store's threads
 * (and the pure JWZ grouping) must equal Dovecot's `UID THREAD REFERENCES` (RFC 5256 §2.2).
 */
import { connect, type Socket } from 'node:net';
import { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { threadMessages, type JwzMessage } from '../support/jwz';
import type { Mailbox, MailWorldClient } from '../support/mailworld';
import { mailWorld, startEngine } from '../support/engine';
import { mulberry32 as prng } from '../support/prng';

const CONVERSATIONS = 60;
const SUPPORT = 'support@shop.example';

interface Generated extends JwzMessage {
  to: string;
  cc: string[];
  conversation: number;
}

/**
 * One conversation: a customer writes, support and the customer's CC'd colleague answer
 * anywhere in a random reply tree. References carry the full ancestry, except that about a
 * fifth of the replies keep only the root and the parent (RFC 5322 §3.6.4 allows trimming).
 *
 * Subjects are unique per conversation on purpose: RFC 5256 REFERENCES also merges root
 * threads whose base subjects match (steps 4–5), which Promptly deliberately does not do
 * without headers; a shared "Re: Question" across conversations would make Dovecot merge
 * threads that the References alone keep apart.
 */
function conversation(n: number, rand: () => number, start: number): Generated[] {
  const customer = `customer${n}@example.net`;
  const colleague = `colleague${n}@example.net`;
  const subject = `Order ${1000 + n}: question number ${n}`;
  const size = 2 + Math.floor(rand() * 8);
  const out: Generated[] = [];
  const parents: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const parent = i === 0 ? -1 : Math.floor(rand() * i);
    parents.push(parent);
    const ancestry: string[] = [];
    for (let at = parent; at >= 0; at = parents[at] ?? -1) ancestry.unshift(out[at]!.messageId);
    const trimmed = ancestry.length > 2 && rand() < 0.2 ? [ancestry[0]!, ancestry.at(-1)!] : ancestry;
    const from = i === 0 ? customer : [customer, SUPPORT, colleague][Math.floor(rand() * 3)]!;
    out.push({
      messageId: `c${n}.m${i}.${Math.floor(rand() * 1e9)}@gen.example`,
      inReplyTo: ancestry.at(-1) ?? null,
      references: trimmed,
      subject: i === 0 ? subject : `Re: ${subject}`,
      date: start + i * 3_600_000,
      from,
      to: from === SUPPORT ? customer : SUPPORT,
      cc: from === colleague ? [customer] : [colleague],
      conversation: n,
    });
  }
  return out;
}

function rawMessage(m: Generated): string {
  const headers = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Cc: ${m.cc.join(', ')}`,
    `Subject: ${m.subject}`,
    `Date: ${new Date(m.date).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${m.messageId}>`,
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references.length > 0 ? [`References: ${m.references.map((r) => `<${r}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  ];
  return `${headers.join('\r\n')}\r\n\r\nMessage ${m.messageId} in conversation ${m.conversation}.\r\n`;
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A minimal IMAP exchange over a plain socket: imapflow has no public THREAD command. */
async function imapSession(host: string, port: number, commands: string[]): Promise<string[]> {
  const socket: Socket = connect(port, host);
  socket.setEncoding('utf8');
  let buffer = '';
  const lines: string[] = [];
  let waiting: { tag: string; resolve: () => void; reject: (e: Error) => void } | null = null;
  const check = (): void => {
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line);
      if (waiting && line.startsWith(`${waiting.tag} `)) {
        const done = waiting;
        waiting = null;
        if (/^\S+ OK/.test(line)) done.resolve();
        else done.reject(new Error(`IMAP refused: ${line}`));
      }
    }
  };
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    check();
  });
  const untilTag = (tag: string): Promise<void> =>
    new Promise((resolve, reject) => {
      waiting = { tag, resolve, reject };
      socket.once('error', reject);
      check();
    });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    for (const [i, command] of commands.entries()) {
      const tag = `t${i}`;
      socket.write(`${tag} ${command}\r\n`);
      await untilTag(tag);
    }
  } finally {
    socket.destroy();
  }
  return lines;
}

const quoted = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** RFC 5256 `* THREAD (1 2)(3 (4)(5))`: each top-level parenthesis is one thread. */
function parseThreadResponse(line: string): number[][] {
  const threads: number[][] = [];
  let depth = 0;
  let current: number[] = [];
  for (const token of line.replace(/^\* THREAD ?/, '').match(/\(|\)|\d+/g) ?? []) {
    if (token === '(') {
      if (depth === 0) current = [];
      depth += 1;
    } else if (token === ')') {
      depth -= 1;
      if (depth === 0) threads.push(current);
    } else current.push(Number(token));
  }
  return threads;
}

async function dovecotThreads(world: MailWorldClient, box: Mailbox): Promise<string[][]> {
  const { host, port } = world.info.imap;
  const lines = await imapSession(host, port, [
    `LOGIN ${quoted(box.user)} ${quoted(box.password)}`,
    'SELECT INBOX',
    'UID THREAD REFERENCES UTF-8 ALL',
    'LOGOUT',
  ]);
  const threadLine = lines.find((l) => l.startsWith('* THREAD'));
  if (threadLine === undefined) throw new Error(`no THREAD response in:\n${lines.join('\n')}`);
  const uidToId = await messageIdsByUid(world, box);
  return canonical(parseThreadResponse(threadLine).map((uids) => uids.map((uid) => uidToId.get(uid) ?? `uid ${uid}`)));
}

/** UID → Message-ID, straight from the server's envelopes (not from our store). */
async function messageIdsByUid(world: MailWorldClient, box: Mailbox): Promise<Map<number, string>> {
  const client = new ImapFlow({
    host: world.info.imap.host,
    port: world.info.imap.port,
    secure: false,
    auth: { user: box.user, pass: box.password },
    logger: false,
  });
  await client.connect();
  const map = new Map<number, string>();
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    for await (const msg of client.fetch('1:*', { uid: true, envelope: true })) {
      map.set(msg.uid, (msg.envelope?.messageId ?? '').replace(/^<|>$/g, ''));
    }
  } finally {
    await client.logout();
  }
  return map;
}

function canonical(groups: string[][]): string[][] {
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return groups.map((g) => [...g].sort(byText)).sort((a, b) => byText(a.join('\n'), b.join('\n')));
}

describe('threading against Dovecot THREAD=REFERENCES', () => {
  it('groups ~300 shuffled messages exactly as Dovecot does', { timeout: 60_000 }, async () => {
    const rand = prng(20240607);
    const messages = Array.from({ length: CONVERSATIONS }, (_, n) =>
      conversation(n, rand, Date.UTC(2024, 5, 1) + n * 600_000),
    ).flat();
    expect(messages.length).toBeGreaterThan(250);

    const world = await mailWorld();
    const box = await world.createMailbox('threads');
    for (const m of shuffle(messages, rand)) await world.deliver(box.address, rawMessage(m));
    const { service, db } = await startEngine(world, box);
    await service.syncNow();

    const rows = db
      .prepare(
        "SELECT m.message_id, m.thread_id FROM messages m JOIN folders f ON f.id = m.folder_id WHERE f.path = 'INBOX'",
      )
      .all() as Array<{ message_id: string; thread_id: number }>;
    const byThread = new Map<number, string[]>();
    for (const r of rows) byThread.set(r.thread_id, [...(byThread.get(r.thread_id) ?? []), r.message_id]);
    const stored = canonical([...byThread.values()]);
    const expected = canonical(
      Array.from({ length: CONVERSATIONS }, (_, n) =>
        messages.filter((m) => m.conversation === n).map((m) => m.messageId),
      ),
    );

    const dovecot = await dovecotThreads(world, box);
    expect(dovecot).toEqual(expected);
    expect(stored).toEqual(dovecot);
    expect(canonical(threadMessages(messages).groups)).toEqual(dovecot);
  });
});
