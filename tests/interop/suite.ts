/**
 * The interop suite: one set of checks, run against every server of the matrix
 * (tests/support/mailworld-servers.ts) by one small test file per server. Real servers on
 * loopback, the real engine, nothing mocked.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { PromptlyService } from '../../src/main/service/service';
import { Outbox } from '../../src/main/outbox/outbox';
import { outboxDepsForAccount } from '../../src/main/outbox/forAccount';
import { toCanonicalCrlf } from '../../src/main/mail/imap/append';
import { personalNamespace, personalPath } from '../../src/main/mail/imap/mailboxes';
import { TEAM_LOG_FOLDER } from '../../src/main/mail/imap/teamLogFolder';
import { folderStatus } from '../../src/main/service/status';
import { otherClient, startEngine, waitFor } from '../support/engine';
import type { Mailbox } from '../support/mailworld';
import { SERVER_LABELS, attachServerWorld, type ServerName, type ServerWorld } from '../support/mailworld-servers';

async function threadIdOf(service: PromptlyService, subject: string): Promise<number> {
  const found = (await service.call('threads.list', {})).find((t) => t.subject === subject);
  if (!found) throw new Error(`no thread "${subject}"`);
  return found.id;
}

async function subjects(service: PromptlyService): Promise<string[]> {
  return (await service.call('threads.list', {})).map((t) => t.subject).sort();
}

/** Runs `use` on a second, plain IMAP client of `who` ("another mail client"). */
async function withClient<T>(
  world: ServerWorld,
  who: Mailbox,
  use: (c: Awaited<ReturnType<typeof otherClient>>) => Promise<T>,
): Promise<T> {
  const client = await otherClient(world, who);
  try {
    return await use(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Where the interop run writes what it measured (git-ignored), for the README table. */
async function record(server: ServerName, name: string, value: unknown): Promise<void> {
  await mkdir('reports/interop', { recursive: true });
  await writeFile(`reports/interop/${server}-${name}.json`, JSON.stringify({ server, name, value }, null, 2));
}

/** The whole interop suite against one server of the matrix. */
export function describeInterop(server: ServerName, push: { withinMs: number }): void {
  describe(SERVER_LABELS[server], () => {
    let world: ServerWorld;
    beforeAll(async () => {
      const info = inject('interopWorlds')[server];
      if (!info) throw new Error(`The interop setup did not start ${server} (INTEROP_SERVERS?).`);
      world = await attachServerWorld(info);
    });

    it('syncs INBOX and Sent and keeps the team log in the personal namespace, created once', async () => {
      const support = await world.createMailbox('support');
      for (const n of [1, 2, 3])
        await world.deliverMail({
          from: `c${n}@customer.example`,
          to: support.address,
          subject: `Question ${n}`,
          text: `Question number ${n}\nThanks`,
        });
      const { service, db } = await startEngine(world, support);
      await service.syncNow();
      await service.syncNow(); // the pass that failed on Courier: LIST finds the folder, no CREATE
      expect(await subjects(service)).toEqual(['Question 1', 'Question 2', 'Question 3']);
      const { listed, expected, hasSent } = await withClient(world, support, async (c) => {
        const list = await c.list();
        return {
          listed: list.map((f) => f.path),
          expected: personalPath(personalNamespace(c), TEAM_LOG_FOLDER),
          hasSent: list.some((f) => f.specialUse === '\\Sent'),
        };
      });
      expect(listed.filter((p) => p.endsWith(TEAM_LOG_FOLDER))).toEqual([expected]);
      const status = folderStatus(db, service.requireAccount().id, Date.now());
      // Courier starts without a Sent folder; Promptly makes one when it files the first reply.
      expect(status.map((f) => f.role).sort()).toEqual(hasSent ? ['inbox', 'sent', 'team-log'] : ['inbox', 'team-log']);
      expect(status.every((f) => f.lastError === null && f.uidnext !== null && f.uidnext > 0)).toBe(true);
      expect(status.find((f) => f.role === 'inbox')).toMatchObject({ stored: 3, serverCount: 3 });
    });

    it('picks up new mail, flag changes and expunges made by another client', async () => {
      const support = await world.createMailbox('support');
      for (const n of [1, 2])
        await world.deliverMail({
          from: `d${n}@customer.example`,
          to: support.address,
          subject: `Old ${n}`,
          text: 'x',
        });
      // Another client has used the mailbox before: Courier keeps the UIDs it hands out to a
      // read-only session only once some session opened the folder read-write.
      await withClient(world, support, (c) => c.mailboxOpen('INBOX'));
      const { service } = await startEngine(world, support);
      await service.syncNow();
      await world.deliverMail({ from: 'd3@customer.example', to: support.address, subject: 'New 3', text: 'y' });
      await withClient(world, support, async (c) => {
        const lock = await c.getMailboxLock('INBOX');
        try {
          const uids = (await c.search({ subject: 'Old 1' }, { uid: true })) || [];
          await c.messageFlagsAdd(uids, ['\\Flagged'], { uid: true });
          const gone = (await c.search({ subject: 'Old 2' }, { uid: true })) || [];
          await c.messageDelete(gone, { uid: true });
        } finally {
          lock.release();
        }
      });
      const report = await service.syncNow();
      expect(await subjects(service)).toEqual(['New 3', 'Old 1']);
      const inbox = report.folders.find((f) => f.path === 'INBOX');
      expect(inbox).toMatchObject({ fetched: 1, expunged: 1, flagsChanged: 1 });
      await record(server, 'sync-mode', inbox?.mode);
    });

    it('carries claims and notes between two teammates through the team log', async () => {
      const support = await world.createMailbox('support');
      await world.deliverMail({ from: 'e@customer.example', to: support.address, subject: 'Broken bell', text: 'z' });
      const alice = await startEngine(world, support);
      const bob = await startEngine(world, support);
      await alice.service.call('me.set', { name: 'Alice', address: 'alice@acme.example' });
      await bob.service.call('me.set', { name: 'Bob', address: 'bob@acme.example' });
      await Promise.all([alice.service.syncNow(), bob.service.syncNow()]);
      const aliceThread = await threadIdOf(alice.service, 'Broken bell');
      const bobThread = await threadIdOf(bob.service, 'Broken bell');
      await alice.service.call('thread.act', { id: aliceThread, action: { type: 'claim' } });
      await alice.service.syncNow();
      await bob.service.syncNow();
      const seenByBob = (await bob.service.call('threads.list', {})).find((t) => t.id === bobThread);
      expect(seenByBob?.team.owner).toBe('alice@acme.example');
      await bob.service.call('thread.act', {
        id: bobThread,
        action: { type: 'note', text: 'Spare bells in the back.' },
      });
      await bob.service.syncNow();
      await alice.service.syncNow();
      const detail = alice.service.threadDetail(aliceThread);
      expect(detail.notes.map((n) => n.text)).toEqual(['Spare bells in the back.']);
      expect(detail.thread.team.pending).toBe(0);
      const log = folderStatus(alice.db, alice.service.requireAccount().id, Date.now()).find(
        (f) => f.role === 'team-log',
      );
      // Two profiles, one claim, one note: every event stored, none appended twice.
      expect(log).toMatchObject({ stored: 4, serverCount: 4, lastError: null });
    });

    it('sends a reply once, files a byte-exact CRLF copy in Sent and marks the message \\Answered', async () => {
      const support = await world.createMailbox('support');
      const customer = await world.createMailbox('customer');
      const { messageId } = await world.deliverMail({
        from: `Carol <${customer.address}>`,
        to: support.address,
        subject: 'Where is my order?',
        text: 'Hello,\nwhere is it?\nCarol',
      });
      const { service, db } = await startEngine(world, support);
      await service.syncNow();
      const account = service.requireAccount();
      const outbox = new Outbox({
        ...outboxDepsForAccount(
          db,
          account,
          async () => ({ password: support.password }),
          { name: 'Alice', signature: 'Alice' },
          () => Date.now(),
        ),
        undoMs: 0,
        retry: { baseMs: 200, maxMs: 1000 },
      });
      try {
        const threadId = await threadIdOf(service, 'Where is my order?');
        const draft = outbox.draft({ threadId, kind: 'reply' });
        const queued = await outbox.queue({ threadId, text: 'It left today.\nAlice', openedAt: draft.openedAt });
        if (!queued.ok) throw new Error('unexpected collision');
        await outbox.runDue();
        const item = outbox.get(queued.item.id);
        expect(item).toMatchObject({ state: 'filed', error: null });
        expect(await world.smtpMessages({ to: customer.address })).toHaveLength(1);
        const stored = await withClient(world, support, async (c) => {
          const sent = (await c.list()).find((f) => f.specialUse === '\\Sent' || /(^|\.)Sent$/.test(f.path));
          if (!sent) throw new Error('no Sent folder');
          const lock = await c.getMailboxLock(sent.path);
          try {
            const uids = (await c.search({ header: { 'message-id': `<${item.messageId}>` } }, { uid: true })) || [];
            const copy = uids.length === 1 ? await c.fetchOne(String(uids[0]), { source: true }, { uid: true }) : false;
            return { copies: uids.length, source: copy ? copy.source : null };
          } finally {
            lock.release();
          }
        });
        expect(stored.copies).toBe(1);
        const raw = (await world.smtpMessages({ to: customer.address }))[0]?.raw;
        expect(stored.source?.includes('\r\n')).toBe(true);
        expect(stored.source?.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(raw && toCanonicalCrlf(raw).includes(Buffer.from('It left today.\r\nAlice'))).toBe(true);
        const answered = await withClient(world, support, async (c) => {
          const lock = await c.getMailboxLock('INBOX');
          try {
            const uids = (await c.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
            const m = await c.fetchOne(String(uids[0]), { flags: true }, { uid: true });
            return m ? [...(m.flags ?? [])] : [];
          } finally {
            lock.release();
          }
        });
        expect(answered).toContain('\\Answered');
      } finally {
        await outbox.stop();
      }
    });

    it(`pushes new mail to a live engine (within ${Math.round(push.withinMs / 1000)} s here)`, async () => {
      const support = await world.createMailbox('support');
      const { service } = await startEngine(world, support);
      await service.startLive();
      try {
        // The watchers settle into NOTIFY, IDLE or their poll before the mail arrives, so the
        // delay measured is the steady one, not a check made while starting.
        const watching = () => ['notify', 'idle', 'poll'].includes(service.liveStatus().push);
        await waitFor(watching, 30_000, `the watcher on ${server} to settle`);
        const sentAt = Date.now();
        await world.deliverMail({ from: 'f@customer.example', to: support.address, subject: 'Live one', text: 'now' });
        let seen = false;
        const check = (): void =>
          void subjects(service).then((s) => {
            seen = s.includes('Live one');
          });
        const timer = setInterval(check, 100);
        try {
          await waitFor(() => seen, push.withinMs, `new mail on ${server}`);
        } finally {
          clearInterval(timer);
        }
        await record(server, 'push-delay-ms', Date.now() - sentAt);
        await record(server, 'live', await service.call('sync.live', {}));
      } finally {
        await service.stopLive();
      }
    });
  });
}
