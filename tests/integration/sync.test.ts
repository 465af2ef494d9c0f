import { describe, expect, it } from 'vitest';
import { mailWorld, otherClient, startEngine } from '../support/engine';

describe('thin path: mailbox to thread list (real Dovecot)', () => {
  it('syncs a delivered message as a thread, and a later reply joins it', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);

    const first = await world.deliverMail({
      from: 'Cara Diaz <cara@customer.example>',
      to: support.address,
      subject: 'Where is order 1042?',
      text: 'Hi, my order 1042 has not arrived yet. Can you check?',
    });
    const report = await service.syncNow();
    expect(report.folders.find((f) => f.path === 'INBOX')).toMatchObject({ fetched: 1, failed: 0 });
    let threads = await service.call('threads.list', { limit: 50, offset: 0 });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      key: first.messageId.replace(/[<>]/g, ''),
      subject: 'Where is order 1042?',
      from: { name: 'Cara Diaz', address: 'cara@customer.example' },
      messageCount: 1,
    });
    expect(threads[0]?.snippet).toContain('order 1042 has not arrived');

    await world.deliverMail({
      from: 'Cara Diaz <cara@customer.example>',
      to: support.address,
      subject: 'Re: Where is order 1042?',
      text: 'Also, could you send the invoice?',
      inReplyTo: first.messageId,
      references: [first.messageId],
    });
    await world.deliverMail({
      from: 'Eve <eve@other.example>',
      to: support.address,
      subject: 'Opening hours',
      text: 'Are you open on Sunday?',
    });
    const second = await service.syncNow();
    expect(second.folders.find((f) => f.path === 'INBOX')?.fetched).toBe(2);

    threads = await service.call('threads.list', { limit: 50, offset: 0 });
    expect(threads.map((t) => [t.subject, t.messageCount])).toEqual([
      ['Opening hours', 1],
      ['Where is order 1042?', 2],
    ]);
    const detail = await service.call('thread.get', { id: threads[1]!.id });
    expect(detail.messages.map((m) => m.text)).toEqual([
      'Hi, my order 1042 has not arrived yet. Can you check?',
      'Also, could you send the invoice?',
    ]);
  });

  it('syncs nothing twice and never marks mail as read on the server', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support);
    await world.deliverMail({
      from: 'dan@customer.example',
      to: support.address,
      subject: 'Warranty',
      text: 'My frame cracked.',
    });
    await service.syncNow();
    const again = await service.syncNow();
    expect(again.folders.every((f) => f.fetched === 0)).toBe(true);
    expect((db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n).toBe(1);

    const client = await otherClient(world, support);
    const lock = await client.getMailboxLock('INBOX');
    try {
      const flags: string[][] = [];
      for await (const m of client.fetch('1:*', { flags: true })) flags.push([...(m.flags ?? [])]);
      expect(flags).toHaveLength(1);
      expect(flags[0]).not.toContain('\\Seen');
    } finally {
      lock.release();
      await client.logout();
    }
  });

  it('files the team reply from Sent into the customer thread', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    const asked = await world.deliverMail({
      from: 'fay@customer.example',
      to: support.address,
      subject: 'Booking a service',
      text: 'Can I book a service for Friday?',
    });
    const client = await otherClient(world, support);
    const raw = `From: Support <${support.address}>\r\nTo: fay@customer.example\r\nSubject: Re: Booking a service\r\nMessage-ID: <reply-1@promptly.test>\r\nIn-Reply-To: ${asked.messageId}\r\nReferences: ${asked.messageId}\r\nDate: ${new Date().toUTCString()}\r\n\r\nFriday 10am works.\r\n`;
    await client.append('Sent', raw, ['\\Seen']);
    await client.logout();

    await service.syncNow();
    const [thread] = await service.call('threads.list', { limit: 10, offset: 0 });
    expect(thread?.messageCount).toBe(2);
    const detail = await service.call('thread.get', { id: thread!.id });
    expect(detail.messages.map((m) => m.fromTeam)).toEqual([false, true]);
  });
});
