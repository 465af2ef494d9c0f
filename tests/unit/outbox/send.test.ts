import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { submitMessage } from '../../../src/main/outbox/send';
import { openDb } from '../../../src/main/store/db';
import { insertOutbox } from '../../../src/main/store/repos/outbox';
import { outboxHistory } from '../../../src/main/store/repos/outboxLog';
import { moveItem } from '../../../src/main/outbox/transitions';

/** A real smtp-server whose answers depend on the recipient, as a server's rules would. */
let server: SMTPServer;
let port = 0;
beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _s, cb) =>
      auth.password === 'right'
        ? cb(null, { user: auth.username })
        : cb(Object.assign(new Error('5.7.8 Authentication failed'), { responseCode: 535 })),
    onRcptTo: ({ address }, _s, cb) =>
      address.startsWith('nobody')
        ? cb(Object.assign(new Error(`5.1.1 <${address}> User unknown`), { responseCode: 550 }))
        : cb(),
    onData: (stream, session, cb) => {
      stream.resume();
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address ?? '';
        if (to.startsWith('busy')) cb(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
        else if (to.startsWith('spam')) cb(Object.assign(new Error('5.7.1 Looks like spam'), { responseCode: 554 }));
        else cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const raw = Buffer.from('From: a@b.example\r\nTo: c@d.example\r\nSubject: x\r\n\r\nhello\r\n');
const settings = () => ({ host: '127.0.0.1', port, tls: 'none' as const, user: 'u', password: 'right' });

describe('SMTP submission outcomes', () => {
  it('250 is accepted', async () => {
    await expect(submitMessage(settings(), { from: 'a@b.example', to: ['c@d.example'] }, raw)).resolves.toMatchObject({
      rejected: [],
    });
  });

  it.each([
    ['busy@d.example', 'deferred', 'safe', /try again later/i],
    ['spam@d.example', 'rejected', 'never', /Looks like spam/],
    ['nobody@d.example', 'recipient-refused', 'never', /nobody@d\.example.*User unknown/],
  ])('%s → %s (%s)', async (to, code, verdict, text) => {
    const error = await submitMessage(settings(), { from: 'a@b.example', to: [to] }, raw).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, verdict, message: expect.stringMatching(text) });
  });

  it('a wrong password is an auth failure, never retried by itself', async () => {
    const error = await submitMessage(
      { ...settings(), password: 'wrong' },
      { from: 'a@b.example', to: ['c@d.example'] },
      raw,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth', verdict: 'never' });
  });

  it('nothing listening is unreachable and safe to retry', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await submitMessage(
      { ...settings(), port: free },
      { from: 'a@b.example', to: ['c@d.example'] },
      raw,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'server-unreachable', verdict: 'safe', connection: true });
  });
});

describe('outbox transitions', () => {
  it('move only from the expected state, only along allowed edges, each logged once', () => {
    const db = openDb(':memory:');
    db.prepare(
      "INSERT INTO accounts (address, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, user, secret_ref, created_at) VALUES ('s@a.example', 'h', 1, 'tls', 'h', 1, 'tls', 'u', 'r', 0)",
    ).run();
    const id = insertOutbox(db, {
      accountId: 1,
      threadId: null,
      threadKey: 'k@x',
      kind: 'reply',
      state: 'queued',
      messageId: 'm@a.example',
      parentMessageId: null,
      subject: 's',
      envelopeFrom: 's@a.example',
      envelopeTo: ['c@d.example'],
      to: ['c@d.example'],
      raw,
      size: raw.length,
      requestJson: '{}',
      courtesy: false,
      promiseAt: null,
      openedAt: 0,
      force: false,
      createdAt: 0,
      undoUntil: 0,
      sendAt: 0,
      attempts: 0,
      retryAt: null,
      errorCode: null,
      error: null,
      acceptedAt: null,
      filedAt: null,
      notifiedAt: null,
      updatedAt: 0,
    });
    expect(moveItem(db, id, 'queued', { state: 'filed' }, 1)).toBeNull();
    expect(moveItem(db, id, 'queued', { state: 'sending', attempts: 1 }, 2)?.state).toBe('sending');
    expect(moveItem(db, id, 'queued', { state: 'sending' }, 3)).toBeNull();
    expect(moveItem(db, id, 'sending', { state: 'uncertain' }, 4)?.state).toBe('uncertain');
    expect(moveItem(db, id, 'uncertain', { state: 'sending' }, 5)).toBeNull();
    expect(outboxHistory(db, id).map((e) => `${e.from}>${e.to}`)).toEqual(['queued>sending', 'sending>uncertain']);
  });
});
