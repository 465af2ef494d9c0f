import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine, TestClock, waitFor } from '../support/engine';

describe('deadlines from the real mailbox, met by real replies', () => {
  it('a new message is due in 24 h; a courtesy reply meets it and its promise becomes the deadline; a real reply keeps it', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const customer = await world.createMailbox('cara', 'customer.example');
    const clock = new TestClock();
    const { service } = await startEngine(world, support, { now: clock.now });
    await service.call('me.set', { name: 'Alice', address: 'alice@acme.example', signature: 'Alice, Acme support' });
    const sent = Date.now();
    await world.deliverMail({
      from: `Cara Diaz <${customer.address}>`,
      to: support.address,
      subject: 'Order 88 late',
      text: 'Where is order 88?',
    });
    await service.syncNow();

    const [thread] = await service.call('threads.list', {});
    expect(thread!.due).toMatchObject({ reason: 'first-response', state: 'calm' });
    const dueIn = thread!.due!.dueAt - sent;
    expect(dueIn).toBeGreaterThan(23.9 * 3600_000);
    expect(dueIn).toBeLessThan(24.1 * 3600_000);
    expect((await service.call('views.counts', {})).unassigned).toBe(1);

    // A courtesy reply through the outbox (no undo wait in this test): promise in 3 days.
    const promiseAt = Date.now() + 3 * 86_400_000;
    const outbox = service.outbox({ undoMs: 0 })!;
    const queued = await service.call('reply.courtesy', { threadId: thread!.id, promiseAt });
    expect(queued.ok).toBe(true);
    await outbox.runDue();
    await waitFor(() => outbox.list().some((i) => i.state === 'filed'), 5000, 'the courtesy reply to be filed');
    await service.syncNow(); // appends the promise and waiting events, reads the reply back from Sent

    const after = (await service.call('threads.list', {}))[0]!;
    expect(after.due).toMatchObject({ reason: 'promise', dueAt: promiseAt });
    expect(after.team.status).toBe('waiting');
    // The team owes the promised answer: the thread is in Promised, not in Waiting on customer.
    const inView = async (view: 'promised' | 'waiting') =>
      (await service.call('threads.list', { view })).map((t) => t.id);
    expect(await inView('promised')).toEqual([thread!.id]);
    expect(await inView('waiting')).toEqual([]);
    expect(await service.call('views.counts', {})).toMatchObject({ promised: 1, waiting: 0 });
    const detail = await service.call('thread.get', { id: thread!.id });
    // The activity says it in words: who promised whom, with the date for the reader's locale.
    const customerName = after.from.name || after.from.address;
    expect(after.from.address).toBe(customer.address);
    expect(detail.activity).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: `Alice promised ${customerName} an answer`,
          when: { word: 'by', at: promiseAt },
          promise: 'made',
        }),
        expect.objectContaining({ text: `Alice marked it waiting on ${customerName}` }),
      ]),
    );

    // The customer's mailbox got the courtesy reply once, with the promised date.
    const inbox = await world.smtpMessages({ to: customer.address });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.raw.toString()).toMatch(/get back to you by/);

    // The customer answers: a new clock starts, and the thread is open again. (Date headers
    // have whole seconds: the answer is dated a few seconds on, visibly later than the waiting mark.)
    await world.deliverMail({
      date: new Date(Date.now() + 3000),
      from: customer.address,
      to: support.address,
      subject: 'Re: Order 88 late',
      text: 'Thanks, waiting.',
      inReplyTo: `<${detail.messages[0]!.messageId}>`,
    });
    await service.syncNow();
    const reopened = (await service.call('threads.list', {}))[0]!;
    expect(reopened.team.status).toBe('open');
    expect(reopened.due?.reason).toMatch(/promise|next-response/);
    expect(reopened.due!.dueAt).toBeLessThanOrEqual(promiseAt);
    expect(reopened.from.address).toBe(customer.address);

    // A real answer before the promised date keeps the promise, and the timeline says so. The
    // engine's clock moves past the customer's Date header, however fast this machine is.
    clock.advance(10_000);
    const answered = await service.call('reply.send', {
      threadId: thread!.id,
      to: [customer.address],
      text: 'Your order ships today.',
    });
    expect(answered.ok).toBe(true);
    await outbox.runDue();
    await waitFor(() => outbox.list().filter((i) => i.state === 'filed').length === 2, 5000, 'the answer to be filed');
    await service.syncNow();
    const kept = await service.call('thread.get', { id: thread!.id });
    expect(kept.activity.filter((a) => a.promise === 'kept').map((a) => a.text)).toEqual([
      `Promise kept: ${customerName} got the answer in time`,
    ]);
    expect(kept.thread.from.address).toBe(customer.address);
    // Answered: the promise is no longer owed.
    expect(await inView('promised')).toEqual([]);
  });

  it('an auto-reply starts no clock', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    await world.deliverMail({
      from: 'robot@vendor.example',
      to: support.address,
      subject: 'Out of office',
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await service.syncNow();
    const [thread] = await service.call('threads.list', {});
    expect(thread!.due).toBeNull();
  });

  it('a pass stopped while it writes due times keeps no message without one: the next pass stores both', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support);
    await world.deliverMail({ from: 'ann@customer.example', to: support.address, subject: 'First', text: 'hello' });
    await service.syncNow();
    for (let i = 0; i < 3; i += 1)
      await world.deliverMail({
        from: `c${i}@customer.example`,
        to: support.address,
        subject: `Order ${i}`,
        text: `Where is order ${i}?`,
      });
    // The write of a due time fails (as on a full disk, or a crash at that moment).
    db.exec(`CREATE TEMP TRIGGER due_write_fails BEFORE UPDATE OF due_at ON threads
             BEGIN SELECT RAISE(ABORT, 'stopped while writing due times'); END`);
    await expect(service.syncNow()).rejects.toThrow();
    db.exec('DROP TRIGGER due_write_fails');

    await service.syncNow();
    const threads = await service.call('threads.list', {});
    expect(threads).toHaveLength(4);
    expect(threads.map((t) => t.due?.reason)).toEqual(threads.map(() => 'first-response'));
  });
});
