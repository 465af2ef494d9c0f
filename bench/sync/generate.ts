/**
 * Deterministic synthetic support mailbox: lognormal body sizes (median ~3 KB), 15% HTML
 * (multipart/alternative), 5% with an attachment, ~55% replies in threads, realistic headers,
 * dates over two years in delivery order. Same seed and address, same bytes.
 */
import { Prng } from '../support/prng';
import { ATTACHMENTS, DOMAINS, FIRST_NAMES, LAST_NAMES, MAILERS, SUBJECTS, buildPools, type Pools } from './corpus';

/** One generated message, handed to the sink in date order. */
export interface GeneratedMessage {
  index: number;
  raw: Buffer;
  /** Date header, ms since epoch (whole seconds). */
  date: number;
  messageId: string;
  /** Thread key as Promptly derives it: the root's Message-ID without brackets. */
  threadKey: string;
  /** Maildir flag letters, e.g. 'S', 'RS', ''. */
  flags: string;
}

/** What the benchmark needs to know about the generated mailbox. */
export interface MailboxSummary {
  messages: number;
  bytes: number;
  html: number;
  attachments: number;
  replies: number;
  threads: number;
  medianBodyBytes: number;
  newest: { messageId: string; threadKey: string; date: number };
  /** Keys of the 200 threads with the newest last message, newest first. */
  newestThreadKeys: string[];
}

export interface GenerateOptions {
  messages: number;
  seed: number;
  /** The shared mailbox's address; team replies come from it. */
  mailbox: string;
  /** Date of the newest message; the mailbox spans two years before it. */
  end?: number;
}

interface Person {
  name: string;
  address: string;
}

interface Thread {
  key: string;
  subject: string;
  customer: Person;
  ids: string[];
  lastFrom: Person;
  lastDate: number;
  target: number;
}

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;
const DEFAULT_END = Date.UTC(2025, 5, 1, 9, 0, 0);

/** Generates the mailbox, calling `sink` for each message in date order, and returns its summary. */
export function generateMailbox(opts: GenerateOptions, sink: (m: GeneratedMessage) => void): MailboxSummary {
  const rng = new Prng(opts.seed);
  const pools = buildPools(opts.seed);
  const end = opts.end ?? DEFAULT_END;
  const start = end - TWO_YEARS_MS;
  const [localPart = 'support', domain = 'promptly.test'] = opts.mailbox.split('@');
  const team: Person = { name: 'Acme Support', address: opts.mailbox };
  const agents = ['Alex', 'Sam', 'Priya', 'Jordan'].map((n) => ({ name: `${n} from Acme`, address: opts.mailbox }));
  const customers: Person[] = [];
  for (let i = 0; i < Math.max(50, Math.floor(opts.messages / 5)); i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const user = `${ascii(first)}.${ascii(last)}${rng.int(100)}`.toLowerCase();
    customers.push({ name: `${first} ${last}`, address: `${user}@${rng.pick(DOMAINS)}` });
  }
  const open: Thread[] = [];
  const lastByKey = new Map<string, number>();
  const bodySizes: number[] = [];
  const summary = { messages: 0, bytes: 0, html: 0, attachments: 0, replies: 0, threads: 0 };
  let prevSec = 0;
  let newest = { messageId: '', threadKey: '', date: 0 };

  for (let i = 0; i < opts.messages; i++) {
    const sec = Math.max(prevSec + 1, Math.floor((start + (TWO_YEARS_MS * (i + rng.next())) / opts.messages) / 1000));
    prevSec = sec;
    const date = sec * 1000;
    let thread: Thread | undefined;
    if (open.length > 0 && !rng.chance(0.45)) {
      const back = Math.min(open.length - 1, Math.floor(Math.abs(rng.normal()) * 40));
      thread = open[open.length - 1 - back];
    }
    const isReply = thread !== undefined;
    const fromTeam = thread !== undefined && thread.ids.length % 2 === 1;
    const from = fromTeam ? rng.pick(agents) : (thread?.customer ?? rng.pick(customers));
    const host = i % 3 ? `mail.${from.address.split('@')[1] ?? domain}` : (from.address.split('@')[1] ?? domain);
    const messageId = `${sec.toString(36)}.${i.toString(36)}.${rng.int(1e9).toString(36)}@${host}`;
    const to = fromTeam ? (thread?.customer ?? team) : { name: 'Acme Support', address: `${localPart}@${domain}` };
    const subject = thread
      ? `Re: ${thread.subject}`
      : rng.pick(SUBJECTS).replace('{n}', String(10000 + rng.int(90000)));
    const headers: string[] = [
      `Return-Path: <${from.address}>`,
      `Delivered-To: ${opts.mailbox}`,
      ...received(rng, from, opts.mailbox, date),
      ...(fromTeam || rng.chance(0.5) ? [] : [dkim(rng, pools, from)]),
      `Message-ID: <${messageId}>`,
      `Date: ${rfc2822(date, rng.pick([0, 60, 120, -300, -240, 330, 540, -420]))}`,
      `From: ${mailbox(from)}`,
      `To: ${mailbox(to)}`,
      ...(rng.chance(0.1) ? [`Cc: ${mailbox(rng.pick(customers))}`] : []),
      `Subject: ${encodeWord(subject)}`,
    ];
    if (thread) {
      const last = thread.ids[thread.ids.length - 1] ?? thread.key;
      const refs = thread.ids.length > 10 ? [thread.ids[0] ?? '', ...thread.ids.slice(-9)] : thread.ids;
      headers.push(`In-Reply-To: <${last}>`, `References: ${refs.map((r) => `<${r}>`).join('\n ')}`);
    }
    headers.push(rng.pick(MAILERS), 'MIME-Version: 1.0');

    const bodySize = Math.round(Math.min(150_000, Math.max(200, rng.lognormal(3000, 0.9))));
    bodySizes.push(bodySize);
    let text = `Hi ${fromTeam ? (thread?.customer.name.split(' ')[0] ?? 'there') : 'Acme team'},\n\n`;
    text += slice(rng, pools.lines, bodySize);
    text += `\n\nBest regards,\n${from.name}\n`;
    if (thread && rng.chance(0.6)) {
      const quoted = slice(rng, pools.lines, 300 + rng.int(1500));
      text += `\nOn ${new Date(thread.lastDate).toUTCString()}, ${thread.lastFrom.name} <${thread.lastFrom.address}> wrote:\n`;
      text += quoted.replace(/^/gm, '> ') + '\n';
    }
    const html = rng.chance(0.15);
    const attach = rng.chance(0.05);
    const part = html ? alternative(rng, text) : { headers: 'Content-Type: text/plain; charset=utf-8', body: text };
    let top = part;
    if (attach) {
      const a = rng.pick(ATTACHMENTS);
      const name = a.name.replace('{n}', String(rng.int(100000)));
      const size = Math.round(Math.min(2_000_000, Math.max(500, rng.lognormal(30_000, 1.0))));
      const b = boundary(rng);
      top = {
        headers: `Content-Type: multipart/mixed; boundary="${b}"`,
        body:
          `This is a multi-part message in MIME format.\n\n--${b}\n${part.headers}\n\n${part.body}\n--${b}\n` +
          `Content-Type: ${a.type}; name="${name}"\nContent-Disposition: attachment; filename="${name}"\n` +
          `Content-Transfer-Encoding: base64\n\n${base64(rng, pools, size)}\n--${b}--\n`,
      };
    }
    const cte = top === part && !html ? '\nContent-Transfer-Encoding: 8bit' : '';
    const raw = Buffer.from(`${headers.join('\n')}\n${top.headers}${cte}\n\n${top.body}`, 'utf8');

    const key = thread?.key ?? messageId;
    if (thread) {
      thread.ids.push(messageId);
      thread.lastFrom = from;
      thread.lastDate = date;
      if (thread.ids.length >= thread.target) open.splice(open.indexOf(thread), 1);
    } else {
      const t: Thread = { key, subject, customer: from, ids: [messageId], lastFrom: from, lastDate: date, target: 0 };
      t.target = 2 + Math.floor(rng.lognormal(2, 0.8));
      open.push(t);
      if (open.length > 600) open.shift();
      summary.threads += 1;
    }
    lastByKey.set(key, i);
    summary.messages += 1;
    summary.bytes += raw.length;
    if (html) summary.html += 1;
    if (attach) summary.attachments += 1;
    if (isReply) summary.replies += 1;
    newest = { messageId, threadKey: key, date };
    sink({ index: i, raw, date, messageId, threadKey: key, flags: flagsFor(rng, i, opts.messages) });
  }
  const newestThreadKeys = [...lastByKey.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 200)
    .map(([k]) => k);
  bodySizes.sort((a, b) => a - b);
  const medianBodyBytes = bodySizes[Math.floor(bodySizes.length / 2)] ?? 0;
  return { ...summary, medianBodyBytes, newest, newestThreadKeys };
}

/** Older mail is read; the last few hundred messages are partly unread. */
function flagsFor(rng: Prng, i: number, n: number): string {
  const recent = i > n - 300;
  const r = rng.next();
  if (recent && r < 0.4) return '';
  if (r < 0.03) return 'FS';
  if (r < 0.2) return 'RS';
  if (r < 0.25) return '';
  return 'S';
}

function received(rng: Prng, from: Person, to: string, date: number): string[] {
  const host = from.address.split('@')[1] ?? 'example.net';
  const ip = `203.0.113.${1 + rng.int(250)}`;
  const id = rng
    .int(2 ** 31)
    .toString(16)
    .toUpperCase();
  return [
    `Received: from mx.promptly.test (localhost [127.0.0.1])\n\tby imap.promptly.test (Dovecot) with LMTP id ${id}\n\tfor <${to}>; ${rfc2822(date + 2000, 0)}`,
    `Received: from mail-${rng.int(99)}.${host} (mail-${rng.int(99)}.${host} [${ip}])\n\tby mx.promptly.test (Postfix) with ESMTPS id ${id}A\n\tfor <${to}>; ${rfc2822(date + 1000, 0)}`,
  ];
}

function dkim(rng: Prng, pools: Pools, from: Person): string {
  const d = from.address.split('@')[1] ?? 'example.net';
  const line = (): string => rng.pick(pools.base64Lines).slice(0, 70);
  return `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${d}; s=s${rng.int(9)};\n\th=from:to:subject:date:message-id; bh=${line().slice(0, 43)}=;\n\tb=${line()}\n\t ${line()}\n\t ${line()}`;
}

function alternative(rng: Prng, text: string): { headers: string; body: string } {
  const b = boundary(rng);
  const paras = text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>\n')}</p>`);
  const html = `<html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif">\n${paras.join('\n')}\n</body></html>`;
  return {
    headers: `Content-Type: multipart/alternative; boundary="${b}"`,
    body:
      `--${b}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${text}\n` +
      `--${b}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${html}\n--${b}--\n`,
  };
}

/** Consecutive pool lines from a random start until `size` bytes. */
function slice(rng: Prng, lines: string[], size: number): string {
  let i = rng.int(lines.length);
  while (lines[i] !== '') i = (i + 1) % lines.length; // start at a paragraph
  i = (i + 1) % lines.length;
  let out = '';
  while (out.length < size) {
    out += `${lines[i] ?? ''}\n`;
    i = (i + 1) % lines.length;
  }
  return out.trimEnd();
}

function base64(rng: Prng, pools: Pools, bytes: number): string {
  const count = Math.ceil((bytes * 4) / 3 / 76);
  const from = rng.int(Math.max(1, pools.base64Lines.length - count));
  return pools.base64Lines.slice(from, from + count).join('\n');
}

const boundary = (rng: Prng): string => `----=_Part_${rng.int(1e9)}_${rng.int(1e9)}`;

function mailbox(p: Person): string {
  return /^[\w .]+$/.test(p.name) ? `"${p.name}" <${p.address}>` : `${encodeWord(p.name)} <${p.address}>`;
}

/** RFC 2047 B-encoding for non-ASCII header text. */
function encodeWord(s: string): string {
  return /[^\x20-\x7e]/.test(s) ? `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=` : s;
}

const ascii = (s: string): string => s.normalize('NFD').replace(/[^\x20-\x7e]/g, '');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue, 03 Jun 2025 14:05:09 +0200` for the instant `ms` shown at `offsetMin`. */
function rfc2822(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const sign = offsetMin < 0 ? '-' : '+';
  const off = Math.abs(offsetMin);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(off / 60))}${pad(off % 60)}`
  );
}
