import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { databaseFile } from '../../src/main/paths';
import { accountFor, mailWorld, otherClient } from '../support/engine';
import { cli, cliWithAccount } from '../support/cli';
import { mulberry32 } from '../support/prng';

const MAIN = join(import.meta.dirname, '../../src/main/cli/main.ts');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** 120 conversations of 8 messages, replies with References, some written by exmh; appended in random order. */
function mailbox(random: () => number): string[] {
  const out: string[] = [];
  for (let t = 0; t < 120; t += 1) {
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const id = `t${t}-m${i}@customer.example`;
      const from = i % 2 === 0 ? `c${t}@customer.example` : 'support@promptly.test';
      const headers = [
        `From: ${from}`,
        'To: support@promptly.test',
        `Subject: ${i === 0 ? '' : 'Re: '}Question ${t}`,
        `Message-ID: <${id}>`,
        `Date: ${new Date(Date.UTC(2026, 9, 1) + t * 3_600_000 + i * 60_000).toUTCString()}`,
      ];
      const parent = ids[ids.length - 1];
      if (parent && i % 3 === 2)
        headers.push(`In-Reply-To: Message from Someone <${from}> of "Tue, 23 Jul 2002." <${parent}>`);
      else if (parent) headers.push(`In-Reply-To: <${parent}>`, `References: ${ids.map((x) => `<${x}>`).join(' ')}`);
      out.push(`${headers.join('\r\n')}\r\n\r\n${'Text of the message. '.repeat(20 + Math.floor(random() * 200))}\r\n`);
      ids.push(id);
    }
  }
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Which messages belong together, and the key each conversation goes by (team state is keyed by
 *  it): one entry per thread, its key then its sorted Message-IDs. */
function threads(dir: string): string[][] {
  const db = openDb(databaseFile(dir));
  const rows = db
    .prepare('SELECT t.thread_key AS key, m.message_id AS id FROM messages m JOIN threads t ON t.id = m.thread_id')
    .all() as Array<{ key: string; id: string }>;
  db.close();
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.key, [...(groups.get(r.key) ?? []), r.id]);
  return [...groups.entries()].map(([key, ids]) => [key, ...ids.sort()]).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Starts `sync --once` in a child and kills it with SIGKILL once its progress shows `afterDone` messages. */
function killedSync(dir: string, afterDone: number, phase: RegExp): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--data-dir', dir, 'sync', '--once'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/^(.*): (\d+)\/(\d+)/gm)) {
        if (!killed && phase.test(m[1] ?? '') && Number(m[2]) >= afterDone) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('close', () => resolve(killed));
  });
}

describe('threads do not depend on interruptions', () => {
  it(
    'kill -9 at several points of a first sync, then resume: the same messages in the same threads, keyed the same',
    { timeout: 180_000 },
    async () => {
      const world = await mailWorld();
      const support = await world.createMailbox('support');
      const client = await otherClient(world, support);
      for (const raw of mailbox(mulberry32(14))) await client.append('INBOX', raw);
      await client.logout();
      const account = accountFor(world, support);

      const reference = await cliWithAccount(account, 'kill-ref');
      dirs.push(reference);
      expect((await cli(['--data-dir', reference, 'sync', '--once'])).code).toBe(0);
      const expected = threads(reference);
      expect(expected).toHaveLength(120);
      // Replies carrying only In-Reply-To come before their parents (newest first): the key is still the root.
      expect(expected.map(([key]) => key)).toEqual(
        Array.from({ length: 120 }, (_, t) => `t${t}-m0@customer.example`).sort(),
      );

      const cut = await cliWithAccount(account, 'kill-cut');
      dirs.push(cut);
      await killedSync(cut, 250, /^INBOX$/);
      await killedSync(cut, 500, /^INBOX$/);
      await killedSync(cut, 200, /bodies/);
      expect((await cli(['--data-dir', cut, 'sync', '--once'])).code).toBe(0);
      expect(threads(cut)).toEqual(expected);
      expect(expected.flat()).toHaveLength(960 + 120);
    },
  );

  it(
    'a headerless reply 300 messages after its original is in the original conversation, however the first sync was cut',
    { timeout: 180_000 },
    async () => {
      const world = await mailWorld();
      const support = await world.createMailbox('support');
      const client = await otherClient(world, support);
      for (const raw of brokenZipper()) await client.append('INBOX', raw);
      await client.logout();
      const account = accountFor(world, support);

      // The first sync stores the newest mail first, 250 at a time: the reply comes in the first
      // batch, its original in the next one.
      const reference = await cliWithAccount(account, 'zipper-ref');
      dirs.push(reference);
      expect((await cli(['--data-dir', reference, 'sync', '--once'])).code).toBe(0);
      const expected = threads(reference);
      expect(expected.filter((t) => t.some((id) => id.startsWith('zipper')))).toEqual([
        ['zipper@customer.example', 'zipper-re@customer.example', 'zipper@customer.example'],
      ]);
      expect(expected).toHaveLength(301);

      // A first sync stores whole messages in one pass; the pass that resumes it fetches the
      // rest headers first, then bodies, so the last cut falls in that body phase.
      const kills: Array<Array<[number, RegExp]>> = [
        [[100, /^INBOX$/]],
        [[250, /^INBOX$/]],
        [
          [250, /^INBOX$/],
          [20, /bodies/],
        ],
      ];
      for (const [i, cuts] of kills.entries()) {
        const cut = await cliWithAccount(account, `zipper-cut${i}`);
        dirs.push(cut);
        for (const [after, phase] of cuts) expect(await killedSync(cut, after, phase)).toBe(true);
        expect((await cli(['--data-dir', cut, 'sync', '--once'])).code).toBe(0);
        expect(threads(cut)).toEqual(expected);
      }
    },
  );
});

/** "Broken zipper" from a customer, 300 unrelated messages, then her reply without reference headers. */
function brokenZipper(): string[] {
  const at = (minutes: number) => new Date(Date.UTC(2026, 9, 1) + minutes * 60_000).toUTCString();
  const message = (id: string, from: string, subject: string, minutes: number) =>
    [
      `From: ${from}`,
      'To: support@promptly.test',
      `Subject: ${subject}`,
      `Message-ID: <${id}>`,
      `Date: ${at(minutes)}`,
      '',
      `About ${subject}.`,
      '',
    ].join('\r\n');
  return [
    message('zipper@customer.example', 'ann@customer.example', 'Broken zipper', 0),
    ...Array.from({ length: 300 }, (_, i) =>
      message(`other${i}@customer.example`, `c${i}@customer.example`, `Order ${1000 + i}`, 1 + i),
    ),
    message('zipper-re@customer.example', 'ann@customer.example', 'Re: Broken zipper', 24 * 60),
  ];
}
