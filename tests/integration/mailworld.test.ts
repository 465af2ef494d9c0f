/**
 * Self-test of the mail world: proves the real Dovecot + SMTP relay behave the way the
 * integration tests assume. Starts its own world, independent of the global setup.
 */
import { ImapFlow } from 'imapflow';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachMailWorld, startMailWorld, type MailWorld, type Mailbox } from '../support/mailworld';

let world: MailWorld;

beforeAll(async () => {
  const started = performance.now();
  world = await startMailWorld();
  // How fast it starts is for reading, not asserting: a busy 2-core machine must not fail it.
  console.info(`mail world started in ${Math.round(performance.now() - started)} ms`);
}, 300_000); // generous only because a fresh machine may apt-get install Dovecot first

afterAll(async () => {
  await world?.stop();
});

async function withImap<T>(mailbox: Mailbox, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: world.imap.host,
    port: world.imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: mailbox.user, pass: mailbox.password },
    logger: false,
  });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout();
  }
}

async function inboxSubjects(mailbox: Mailbox): Promise<string[]> {
  return withImap(mailbox, async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const subjects: string[] = [];
      for await (const message of client.fetch('1:*', { envelope: true }))
        subjects.push(message.envelope?.subject ?? '');
      return subjects;
    } catch {
      return []; // an empty mailbox has no 1:*
    } finally {
      lock.release();
    }
  });
}

function smtpTransport(mailbox: Mailbox, password = mailbox.password): Transporter {
  return nodemailer.createTransport({
    host: world.smtp.host,
    port: world.smtp.port,
    secure: false,
    ignoreTLS: true,
    auth: { user: mailbox.user, pass: password },
  });
}

describe('mail world', () => {
  it('delivers a composed message into a fresh mailbox over LMTP', async () => {
    const support = await world.createMailbox();
    expect(support.address).toMatch(/^support-[0-9a-f]+@promptly\.test$/);
    const { messageId } = await world.deliverMail({
      from: 'Cara Diaz <cara@customer.example>',
      to: support.address,
      subject: 'Where is order 1042?',
      text: 'It has not arrived.',
    });
    expect(messageId).toMatch(/^<.+@.+>$/);
    expect(await inboxSubjects(support)).toEqual(['Where is order 1042?']);
  });

  it('delivers raw messages with deliver()', async () => {
    const support = await world.createMailbox('raw');
    const raw = 'From: a@customer.example\r\nTo: x@promptly.test\r\nSubject: Raw one\r\n\r\nBody\r\n';
    await world.deliver(support.address, raw);
    expect(await inboxSubjects(support)).toEqual(['Raw one']);
  });

  it('lets users created back to back log in immediately', async () => {
    for (let i = 0; i < 5; i++) {
      const mailbox = await world.createMailbox('burst');
      expect(await withImap(mailbox, async (client) => client.authenticated)).toBeTruthy();
    }
  });

  it('offers special-use folders and the capabilities the engine relies on', async () => {
    const support = await world.createMailbox();
    await withImap(support, async (client) => {
      for (const capability of ['IDLE', 'CONDSTORE', 'QRESYNC', 'UIDPLUS', 'MOVE']) {
        expect(client.capabilities.has(capability), capability).toBe(true);
      }
      const folders = await client.list();
      const byUse = new Map(folders.map((folder) => [folder.specialUse, folder.path]));
      expect(byUse.get('\\Sent')).toBe('Sent');
      expect(byUse.get('\\Drafts')).toBe('Drafts');
      expect(byUse.get('\\Trash')).toBe('Trash');
    });
  });

  it('pushes new mail to an IDLE client', async () => {
    const support = await world.createMailbox();
    await withImap(support, async (client) => {
      await client.mailboxOpen('INBOX');
      const arrived = new Promise<number>((resolve) =>
        client.on('exists', (data: { count: number }) => resolve(data.count)),
      );
      // imapflow would only start IDLE by itself after a quiet spell; start it now.
      const idling = client.idle();
      await world.deliverMail({ from: 'a@customer.example', to: support.address, subject: 'Push', text: 'x' });
      // Nothing but the IDLE connection is open, so the count can only come by push.
      expect(await arrived).toBe(1);
      await client.noop(); // ends IDLE
      await idling;
    });
  });

  it('relays authenticated SMTP submissions into the recipient mailbox and logs them', async () => {
    const support = await world.createMailbox();
    const customer = await world.createMailbox('customer', 'customer.example');
    const before = world.smtpLog.length;
    const info = await smtpTransport(support).sendMail({
      from: support.address,
      to: customer.address,
      subject: 'Re: Where is order 1042?',
      text: 'It ships today.',
    });
    expect(info.accepted).toEqual([customer.address]);
    expect(await inboxSubjects(customer)).toEqual(['Re: Where is order 1042?']);
    expect(world.smtpLog.length).toBe(before + 1);
    const logged = await world.smtpMessages({ to: customer.address });
    expect(logged).toHaveLength(1);
    expect(logged[0]?.from).toBe(support.address);
    expect(logged[0]?.raw.toString()).toContain('It ships today.');
  });

  it('refuses a wrong SMTP password and an unknown recipient', async () => {
    const support = await world.createMailbox();
    const message = { from: support.address, to: support.address, subject: 'x', text: 'x' };
    await expect(smtpTransport(support, 'wrong').sendMail(message)).rejects.toMatchObject({ responseCode: 535 });
    const unknown = smtpTransport(support).sendMail({ ...message, to: 'nobody@promptly.test' });
    await expect(unknown).rejects.toMatchObject({ responseCode: 550 });
  });

  it('fails the next matching send once with failNext, then accepts again', async () => {
    const support = await world.createMailbox();
    const customer = await world.createMailbox('customer');
    const transport = smtpTransport(support);
    const message = { from: support.address, to: customer.address, subject: 'Retry me', text: 'x' };
    await world.failNext(451, '4.3.0 Try again later', { from: support.address });
    await expect(transport.sendMail(message)).rejects.toMatchObject({ responseCode: 451 });
    await transport.sendMail(message);
    expect(await world.smtpMessages({ to: customer.address })).toHaveLength(1);
    expect(await inboxSubjects(customer)).toEqual(['Retry me']);
  });

  it('works from another process through attachMailWorld(info)', async () => {
    const client = await attachMailWorld(JSON.parse(JSON.stringify(world.info)) as MailWorld['info']);
    const support = await client.createMailbox('attached');
    await client.deliverMail({ from: 'b@customer.example', to: support.address, subject: 'Attached', text: 'x' });
    expect(await inboxSubjects(support)).toEqual(['Attached']);
    await client.failNext(554, '5.7.1 Rejected for test', { to: support.address });
    const sending = smtpTransport(support).sendMail({
      from: support.address,
      to: support.address,
      subject: 'y',
      text: 'y',
    });
    await expect(sending).rejects.toMatchObject({ responseCode: 554 });
  });
});
