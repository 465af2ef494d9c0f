/**
 * The outbox against the real mail world: smtp-server relay → LMTP → the customer's Dovecot
 * mailbox, Sent and \Answered checked by a second IMAP client. Fault injection cuts the SMTP
 * connection after the final "." and simulates crashes by reopening the same database.
 */
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { mailWorld, otherClient, startEngine } from '../support/engine';
import type { MailWorldClient, Mailbox } from '../support/mailworld';
import type { Db } from '../../src/main/store/db';
import type { PromptlyService } from '../../src/main/service/service';
import { Outbox, type OutboxDeps, type SentReply } from '../../src/main/outbox/outbox';
import { outboxDepsForAccount } from '../../src/main/outbox/forAccount';
import { findThreadByKey } from '../../src/main/store/repos/threads';
import { outboxHistory } from '../../src/main/store/repos/outboxLog';
import { tempDir } from '../support/tempDir';

const IDENTITY = { name: 'Alice', signature: 'Alice\nHarbour Bikes support' };

interface Setup {
  world: MailWorldClient;
  support: Mailbox;
  customer: Mailbox;
  service: PromptlyService;
  db: Db;
  threadId: number;
  customerMessageId: string;
  sent: SentReply[];
  outbox: (overrides?: Partial<OutboxDeps>) => Outbox;
}

const outboxes: Outbox[] = [];
afterEach(async () => {
  await Promise.all(outboxes.splice(0).map((o) => o.stop()));
});

/** A support mailbox with one synced customer message, and a factory for outboxes on its database. */
async function setup(subject = 'Order 1234 is late'): Promise<Setup> {
  const world = await mailWorld();
  const support = await world.createMailbox('support');
  const customer = await world.createMailbox('customer');
  const { service, db } = await startEngine(world, support);
  const { messageId } = await world.deliverMail({
    from: `Carol Customer <${customer.address}>`,
    to: support.address,
    subject,
    text: 'Hello,\nwhere is my order?\nCarol',
  });
  await service.syncNow();
  const account = service.requireAccount();
  const key = messageId.replace(/[<>]/g, '');
  const threadId = findThreadByKey(db, account.id, key);
  if (threadId === null) throw new Error('customer thread not synced');
  const sent: SentReply[] = [];
  const base = outboxDepsForAccount(
    db,
    account,
    async () => ({ password: support.password }),
    IDENTITY,
    () => Date.now(),
  );
  const outbox = (overrides: Partial<OutboxDeps> = {}): Outbox => {
    const o = new Outbox({
      ...base,
      undoMs: 0,
      retry: { baseMs: 200, maxMs: 1000 },
      onSent: (s) => void sent.push(s),
      ...overrides,
    });
    outboxes.push(o);
    return o;
  };
  return { world, support, customer, service, db, threadId, customerMessageId: key, sent, outbox };
}

/** The customer's INBOX, raw, in arrival (UID) order. */
async function inbox(world: MailWorldClient, who: Mailbox): Promise<Buffer[]> {
  const client = await otherClient(world, who);
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const out: Buffer[] = [];
      for await (const m of client.fetch('1:*', { source: true, uid: true })) if (m.source) out.push(m.source);
      return out;
    } finally {
      lock.release();
    }
  } catch {
    return [];
  } finally {
    await client.logout();
  }
}

/** UIDs in `folder` of `who` with this Message-ID, and their flags. */
async function search(world: MailWorldClient, who: Mailbox, folder: string, messageId: string): Promise<string[][]> {
  const client = await otherClient(world, who);
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = (await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true })) || [];
      const flags: string[][] = [];
      for (const uid of uids) {
        const m = await client.fetchOne(String(uid), { flags: true }, { uid: true });
        flags.push(m ? [...(m.flags ?? [])].sort() : []);
      }
      return flags;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('outbox: replies reach the customer once (real Dovecot + SMTP relay)', () => {
  it('sends a threaded, quoted, signed reply; files it once in Sent; marks the original \\Answered', async () => {
    const s = await setup();
    const outbox = s.outbox();
    const draft = outbox.draft({ threadId: s.threadId, kind: 'reply' });
    expect(draft.to).toEqual([{ name: 'Carol Customer', address: s.customer.address }]);
    expect(draft.subject).toBe('Re: Order 1234 is late');

    const queued = await outbox.queue({
      threadId: s.threadId,
      text: 'Hi {{customer.firstName}},\n\nyour order left today.',
      openedAt: draft.openedAt,
    });
    if (!queued.ok) throw new Error('unexpected collision');
    const report = await outbox.runDue();
    expect(report.sent).toEqual([queued.item.id]);
    const item = outbox.get(queued.item.id);
    expect(item.state).toBe('filed');
    expect(outboxHistory(s.db, item.id).map((e) => e.to)).toEqual([
      'queued',
      'sending',
      'accepted',
      'accepted',
      'filed',
    ]);
    expect(s.sent).toMatchObject([{ threadId: s.threadId, messageId: item.messageId, courtesy: false }]);

    const received = await inbox(s.world, s.customer);
    expect(received).toHaveLength(1);
    const mail = await simpleParser(received[0] as Buffer);
    expect(mail.messageId).toBe(`<${item.messageId}>`);
    expect(mail.inReplyTo).toBe(`<${s.customerMessageId}>`);
    expect([mail.references].flat()).toEqual([`<${s.customerMessageId}>`]);
    expect(mail.subject).toBe('Re: Order 1234 is late');
    expect(mail.from?.value).toEqual([{ name: 'Alice at Support', address: s.support.address }]);
    expect(mail.text).toContain('Hi Carol,\n\nyour order left today.\n\n-- \nAlice\nHarbour Bikes support');
    expect(mail.text).toMatch(
      /On \w{3}, \d{1,2} \w{3} \d{4} at \d\d:\d\d, Carol Customer wrote:\n> Hello,\n> where is my order\?\n> Carol/,
    );
    expect(mail.html).toContain('<blockquote type="cite"');

    expect(await search(s.world, s.support, 'Sent', item.messageId)).toEqual([['\\Seen']]);
    expect(await search(s.world, s.support, 'INBOX', s.customerMessageId)).toEqual([['\\Answered']]);

    // The customer's answer joins the same thread after sync.
    await s.world.deliverMail({
      from: `Carol Customer <${s.customer.address}>`,
      to: s.support.address,
      subject: 'Re: Re: Order 1234 is late',
      text: 'Thanks!',
      inReplyTo: `<${item.messageId}>`,
      references: [`<${s.customerMessageId}>`, `<${item.messageId}>`],
    });
    await s.service.syncNow();
    const rows = s.db.prepare('SELECT DISTINCT thread_id FROM messages').all() as Array<{ thread_id: number }>;
    expect(rows.map((r) => r.thread_id)).toEqual([s.threadId]);
    expect(s.service.threadByIdOrKey(String(s.threadId)).messages.map((m) => m.text)).toContain('Thanks!');
  });

  it('sends the courtesy reply with the promised date and reports the promise', async () => {
    const s = await setup();
    const outbox = s.outbox({ policy: () => ({ ...defaultPolicy(), timeZone: 'Europe/Berlin' }) });
    const promiseAt = Date.UTC(2030, 2, 14, 16, 0); // Thursday 14 March 2030, 17:00 in Berlin
    const queued = await outbox.courtesy(s.threadId, { promiseAt });
    if (!queued.ok) throw new Error('unexpected collision');
    await outbox.runDue();
    const mail = await simpleParser((await inbox(s.world, s.customer))[0] as Buffer);
    expect(mail.text).toMatch(/^Hi \S+,\n/);
    expect(mail.text).toContain(
      "Thanks for your message. I'm looking into it and will get back to you by Thursday 14 March.",
    );
    expect(s.sent).toMatchObject([{ courtesy: true, promiseAt }]);
  });
});

/**
 * A TCP proxy in front of the SMTP server that forwards the client's final "\r\n.\r\n" to
 * the server and then resets the client at once: the server may take the message, the client
 * never hears its 250. Cuts once; later connections pass through.
 */
async function startDataCutProxy(target: {
  host: string;
  port: number;
}): Promise<{ port: number; cuts: () => number; close: () => Promise<void> }> {
  let cuts = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let tail = '';
    let cut = false;
    upstream.on('data', (chunk: Buffer) => {
      if (!cut) client.write(chunk);
      // The server's answer to the data (it answers after relaying it): only now may the connection go.
      else upstream.end();
    });
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      const seen = tail + chunk.toString('latin1');
      tail = seen.slice(-4);
      if (cuts === 0 && seen.includes('\r\n.\r\n')) {
        cuts += 1;
        cut = true;
        client.resetAndDestroy();
      }
    });
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cuts: () => cuts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outbox: faults never lose a reply nor send it twice', () => {
  it('connection cut after DATA, before 250: uncertain, never resent silently', async () => {
    const s = await setup();
    const proxy = await startDataCutProxy(s.world.info.smtp);
    try {
      const outbox = s.outbox({
        smtp: async () => ({
          ...s.world.info.smtp,
          port: proxy.port,
          tls: 'none',
          user: s.support.user,
          password: s.support.password,
        }),
      });
      const queued = await outbox.queue({ threadId: s.threadId, text: 'Cut me off.' });
      if (!queued.ok) throw new Error('unexpected collision');
      await outbox.runDue();
      expect(proxy.cuts()).toBe(1);
      const item = outbox.get(queued.item.id);
      expect(item.state).toBe('uncertain');
      expect(item.error?.message).toMatch(/may have been sent/);
      await outbox.runDue();
      await outbox.runDue();
      // The relay got the whole message before the cut, so it is delivered: exactly once.
      await waitUntil(async () => (await inbox(s.world, s.customer)).length >= 1, 5000);
      // Both passes above were awaited, and the relay says 250 only once the message is in the
      // mailbox: a second send would already be there.
      expect(await inbox(s.world, s.customer)).toHaveLength(1);
      expect(outbox.get(item.id)).toMatchObject({ state: 'uncertain', attempts: 1 });
      expect(s.sent).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('engine killed between accepted and filed: a new engine files it once, never resends', async () => {
    const s = await setup();
    const down = await closedPort();
    const first = s.outbox({
      imap: async () => ({ host: '127.0.0.1', port: down, tls: 'none', user: 'x', password: 'x' }),
    });
    const queued = await first.queue({ threadId: s.threadId, text: 'Filed after a crash.' });
    if (!queued.ok) throw new Error('unexpected collision');
    await first.runDue();
    expect(first.get(queued.item.id)).toMatchObject({ state: 'accepted', error: { code: 'filing' } });
    await first.stop();

    const second = s.outbox();
    await second.recover();
    await second.recover();
    expect(second.get(queued.item.id).state).toBe('filed');
    expect(await inbox(s.world, s.customer)).toHaveLength(1);
    expect(await search(s.world, s.support, 'Sent', queued.item.messageId)).toHaveLength(1);
    expect(await search(s.world, s.support, 'INBOX', s.customerMessageId)).toEqual([['\\Answered']]);
    expect(s.sent).toHaveLength(1);
  });

  it('engine killed in "sending": found in Sent → filed; not found → uncertain until the person decides', async () => {
    const s = await setup();
    const crashed = s.outbox({ undoMs: 0 });
    const a = await crashed.queue({ threadId: s.threadId, text: 'A: it did leave.' });
    const b = await crashed.queue({ threadId: s.threadId, text: 'B: unknown fate.' });
    if (!a.ok || !b.ok) throw new Error('unexpected collision');
    // The crash: both rows were marked sending; only A's copy made it to Sent (as Gmail would file it).
    s.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1").run();
    const raw = s.db.prepare('SELECT raw FROM outbox WHERE id = ?').get(a.item.id) as { raw: Buffer };
    const other = await otherClient(s.world, s.support);
    await other.append('Sent', raw.raw, ['\\Seen']);
    await other.logout();

    const restarted = s.outbox();
    await restarted.recover();
    expect(restarted.get(a.item.id).state).toBe('filed');
    expect(restarted.get(b.item.id)).toMatchObject({ state: 'uncertain', error: { code: 'uncertain' } });
    expect(await search(s.world, s.support, 'Sent', a.item.messageId)).toHaveLength(1);
    expect(await inbox(s.world, s.customer)).toHaveLength(0);
    await restarted.runDue();
    expect(await inbox(s.world, s.customer)).toHaveLength(0);

    restarted.sendAgain(b.item.id);
    await restarted.runDue();
    expect(restarted.get(b.item.id).state).toBe('filed');
    const received = await inbox(s.world, s.customer);
    expect(received).toHaveLength(1);
    expect((await simpleParser(received[0] as Buffer)).text).toContain('B: unknown fate.');
  });

  it('restart while the undo window is open: nothing leaves early, it leaves once after', async () => {
    const s = await setup();
    // The clock is the outbox's own: the undo window passes when the test says, not after a sleep.
    let clock = Date.now();
    const now = () => clock;
    const before = s.outbox({ undoMs: 1500, now });
    const queued = await before.queue({ threadId: s.threadId, text: 'Undo window survives restarts.' });
    const undone = await before.queue({ threadId: s.threadId, text: 'This one is undone after the restart.' });
    if (!queued.ok || !undone.ok) throw new Error('unexpected collision');
    await before.stop();

    const after = s.outbox({ undoMs: 1500, now });
    await after.runDue();
    expect(after.get(queued.item.id).state).toBe('queued');
    expect(after.undo(undone.item.id).request.text).toBe('This one is undone after the restart.');
    expect(await inbox(s.world, s.customer)).toHaveLength(0);
    clock = queued.item.undoUntil;
    expect(() => after.undo(queued.item.id)).toThrow(/Too late to undo/);
    await after.runDue();
    await after.runDue();
    expect(after.get(queued.item.id).state).toBe('filed');
    expect(after.get(undone.item.id).state).toBe('cancelled');
    expect(await inbox(s.world, s.customer)).toHaveLength(1);
  });

  it('offline: three replies queued with SMTP down all arrive once each, in order, when it is back', async () => {
    const s = await setup();
    let port = await closedPort();
    const outbox = s.outbox({
      smtp: async () => ({
        ...s.world.info.smtp,
        port,
        tls: 'none',
        user: s.support.user,
        password: s.support.password,
      }),
    });
    const ids: number[] = [];
    for (const word of ['first', 'second', 'third']) {
      const q = await outbox.queue({ threadId: s.threadId, text: `The ${word} reply.` });
      if (!q.ok) throw new Error('unexpected collision');
      ids.push(q.item.id);
    }
    await outbox.runDue();
    expect(ids.map((id) => outbox.get(id).state)).toEqual(['failed', 'queued', 'queued']);
    expect(outbox.get(ids[0] as number)).toMatchObject({ error: { code: 'server-unreachable' }, attempts: 1 });
    expect(outbox.get(ids[0] as number).retryAt).not.toBeNull();

    port = s.world.info.smtp.port;
    await outbox.wake();
    expect(ids.map((id) => outbox.get(id).state)).toEqual(['filed', 'filed', 'filed']);
    const texts = await Promise.all(
      (await inbox(s.world, s.customer)).map(async (raw) => (await simpleParser(raw)).text ?? ''),
    );
    expect(texts.map((t) => /The (\w+) reply/.exec(t)?.[1])).toEqual(['first', 'second', 'third']);
  });
});

describe('outbox: bad input is refused before sending', () => {
  it('refuses an invalid address, an empty body, an unknown variable; strips CR/LF from the subject', async () => {
    const s = await setup();
    const outbox = s.outbox();
    await expect(outbox.queue({ threadId: s.threadId, to: ['carol@@example'], text: 'x' })).rejects.toMatchObject({
      code: 'invalid-address',
    });
    await expect(outbox.queue({ threadId: s.threadId, text: '  \n ' })).rejects.toMatchObject({ code: 'empty-body' });
    await expect(outbox.queue({ threadId: s.threadId, text: 'Dear {{customer.nickname}}' })).rejects.toMatchObject({
      code: 'template-variable',
      message: expect.stringContaining('{{customer.nickname}}'),
    });
    expect(outbox.list()).toEqual([]);

    const q = await outbox.queue({
      threadId: s.threadId,
      subject: 'Your order\r\nBcc: attacker@evil.example\r\n\r\nInjected body',
      text: 'Real body.',
    });
    if (!q.ok) throw new Error('unexpected collision');
    await outbox.runDue();
    const accepted = await s.world.smtpMessages({ to: s.customer.address });
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.to).toEqual([s.customer.address]);
    const raw = accepted[0]?.raw.toString('latin1') ?? '';
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).not.toMatch(/^Bcc:/im);
    expect((await simpleParser(accepted[0]?.raw as Buffer)).subject).toBe(
      'Your order Bcc: attacker@evil.example Injected body',
    );
  });
});

describe('outbox: size limit and collisions', () => {
  it('an attachment over the server SIZE limit fails with the limit, and nothing is transmitted', async () => {
    const s = await setup();
    let dataCommands = 0;
    const small = new SMTPServer({
      size: 20_000,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        dataCommands += 1;
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => small.listen(0, '127.0.0.1', resolve));
    const port = (small.server.address() as net.AddressInfo).port;
    const file = join(tempDir('attach'), 'photos.bin');
    writeFileSync(file, Buffer.alloc(60_000, 7));
    try {
      const outbox = s.outbox({ smtp: async () => ({ host: '127.0.0.1', port, tls: 'none', user: '', password: '' }) });
      const q = await outbox.queue({ threadId: s.threadId, text: 'Photos attached.', attachments: [file] });
      if (!q.ok) throw new Error('unexpected collision');
      await outbox.runDue();
      expect(outbox.get(q.item.id)).toMatchObject({
        state: 'failed',
        retryAt: null,
        error: { code: 'too-large', message: expect.stringContaining('at most 20 KB') },
      });
      expect(dataCommands).toBe(0);
    } finally {
      await new Promise<void>((resolve) => small.close(() => resolve()));
    }
  });

  it("stops when a teammate's reply shows up in Sent after the composer opened; sends when forced", async () => {
    const s = await setup();
    const outbox = s.outbox();
    const draft = outbox.draft({ threadId: s.threadId, kind: 'reply' });
    const other = await otherClient(s.world, s.support);
    const bobReply = [
      `From: Bob at Support <${s.support.address}>`,
      `To: ${s.customer.address}`,
      'Subject: Re: Order 1234 is late',
      `Date: ${new Date(draft.openedAt + 2000).toUTCString()}`,
      `Message-ID: <bob-${draft.openedAt}@promptly.test>`,
      `In-Reply-To: <${s.customerMessageId}>`,
      `References: <${s.customerMessageId}>`,
      '',
      'Bob here, it ships tomorrow.',
      '',
    ].join('\r\n');
    await other.append('Sent', bobReply, ['\\Seen']);
    await other.logout();
    await s.service.syncNow();

    const stopped = await outbox.queue({ threadId: s.threadId, text: 'Your order left.', openedAt: draft.openedAt });
    expect(stopped).toMatchObject({ ok: false, collision: { by: 'Bob at Support' } });
    if (stopped.ok) throw new Error('expected a collision');
    expect(stopped.collision.message).toMatch(/^Bob at Support replied (just now|\d+ minutes? ago)\. Send anyway\?$/);
    expect(outbox.list()).toEqual([]);

    const forced = await outbox.queue({
      threadId: s.threadId,
      text: 'Your order left.',
      openedAt: draft.openedAt,
      force: true,
    });
    expect(forced.ok).toBe(true);
    await outbox.runDue();
    expect(await inbox(s.world, s.customer)).toHaveLength(1);
  });
});

function defaultPolicy() {
  return {
    courtesyWindowMinutes: 1440,
    businessHours: null,
    holidays: [],
    timeZone: 'UTC',
    dueSoonLeadMinutes: 60,
    dueSoonWindow: 'business-day' as const,
    replyTo: null,
  };
}
