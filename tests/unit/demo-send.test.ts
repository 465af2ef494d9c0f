import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/main/store/db';
import { PromptlyService } from '../../src/main/service/service';
import { MemorySecretStore } from '../../src/main/secrets';
import { ANSWER_DELAY_MS } from '../../src/main/demo/answers';
import type { ListedThread } from '../../src/shared/types';
import { tempDir } from '../support/tempDir';

const MINUTE = 60_000;
const services: PromptlyService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stopLive();
});

/** The demo on a clock the test moves (Tuesday 24 Nov 2026, 10:00 UTC); nothing runs on a timer. */
async function demo(): Promise<{ service: PromptlyService; clock: { now: number } }> {
  const clock = { now: Date.UTC(2026, 10, 24, 10) };
  const service = new PromptlyService({
    db: openDb(':memory:'),
    secrets: new MemorySecretStore(),
    now: () => clock.now,
    version: 't',
    dataDir: tempDir('demo-send'),
  });
  services.push(service);
  await service.call('app.openDemo', {});
  return { service, clock };
}

/** A conversation whose customer waits for the team's first answer. */
async function unanswered(service: PromptlyService, skip = 0): Promise<ListedThread> {
  const open = (await service.call('threads.list', { view: 'all', limit: 1000 })).filter(
    (t) =>
      t.due?.reason === 'first-response' &&
      t.team.status === 'open' &&
      !t.from.address.endsWith('@harbourbikes.example'),
  );
  const thread = open[skip];
  if (!thread) throw new Error('the demo has no unanswered conversation');
  return thread;
}

async function row(service: PromptlyService, id: number): Promise<ListedThread> {
  const found = (await service.call('threads.list', { view: 'all', limit: 1000 })).find((t) => t.id === id);
  if (!found) throw new Error(`thread ${id} is not listed`);
  return found;
}

describe('sending in the demo (the real outbox, the demo postman, the clock injected)', () => {
  it('a courtesy reply is queued, sent after its undo window, filed in Sent, promised; the customer answers within a minute', async () => {
    const { service, clock } = await demo();
    const thread = await unanswered(service);
    const promiseAt = Date.UTC(2026, 10, 26, 17);
    const queued = await service.call('reply.courtesy', { threadId: thread.id, promiseAt });
    if (!queued.ok) throw new Error('unexpected collision');
    expect(queued.item).toMatchObject({ state: 'queued', courtesy: true, promiseAt });

    // Within the undo window nothing leaves.
    const outbox = service.requireOutbox();
    await outbox.runDue();
    expect(outbox.get(queued.item.id).state).toBe('queued');

    clock.now += 11_000;
    const sentAt = clock.now;
    const report = await outbox.runDue();
    expect(report).toMatchObject({ sent: [queued.item.id], filed: [queued.item.id], failed: [], uncertain: [] });
    expect(outbox.get(queued.item.id).state).toBe('filed');

    // The reply is in the thread (the demo's Sent), the customer's message answered.
    const detail = await service.call('thread.get', { id: thread.id });
    const reply = detail.messages.at(-1);
    expect(reply).toMatchObject({ fromTeam: true, messageId: queued.item.messageId });
    expect(reply?.text).toContain('will get back to you by');
    // The promise is confirmed in the demo's log: chip, header and activity read from it.
    const promised = await row(service, thread.id);
    expect(promised.due).toMatchObject({ reason: 'promise', dueAt: promiseAt });
    expect(promised.team.pending).toBe(0);
    expect(detail.activity.map((a) => a.text).join('\n')).toMatch(/promised .+ an answer/);
    expect(detail.openPromiseAt).toBe(promiseAt);
    expect((await service.call('threads.list', { view: 'promised', limit: 1000 })).map((t) => t.id)).toContain(
      thread.id,
    );

    // The customer's answer is planned once, within a minute of the send.
    const customers = service.demo()!.customers;
    const [answer, ...others] = customers.planned();
    expect(others).toEqual([]);
    expect(answer!.dueAt - sentAt).toBeGreaterThanOrEqual(ANSWER_DELAY_MS.min);
    expect(answer!.dueAt - sentAt).toBeLessThanOrEqual(ANSWER_DELAY_MS.max);

    // Not before its time...
    clock.now = answer!.dueAt - 1000;
    expect(await customers.deliverDue()).toEqual([]);
    // ...then it joins the thread, unread, and the reply clock starts again.
    clock.now = answer!.dueAt + 1000;
    expect(await customers.deliverDue()).toEqual([thread.id]);
    expect(customers.planned()).toEqual([]);
    const after = await service.call('thread.get', { id: thread.id });
    const last = after.messages.at(-1)!;
    expect(last.fromTeam).toBe(false);
    expect(last.from.address).toBe(thread.from.address);
    expect(last.text).toContain(`${reply!.from.name} wrote:`);
    expect(after.messages.filter((m) => m.fromTeam)).toHaveLength(1);
    const back = await row(service, thread.id);
    expect(back.team.status).toBe('open');
    expect(back.due).toMatchObject({ reason: 'next-response' });
    expect(back.due!.dueAt).toBeGreaterThan(clock.now);
    // The promised answer is still owed, though the new reply clock comes due first.
    expect(after.openPromiseAt).toBe(promiseAt);
    expect((await service.call('threads.list', { view: 'unassigned', limit: 1000 })).map((t) => t.id)).toContain(
      thread.id,
    );
    // Filed as a server would: the reply in Sent (read), the customer's message answered, the answer unread.
    const stored = service.storedMessages(thread.id);
    expect(stored.find((m) => m.message_id === reply!.messageId)).toMatchObject({ folder: 'Sent', flags: ['\\Seen'] });
    expect(stored.filter((m) => m.folder === 'INBOX').at(-2)?.flags).toContain('\\Answered');
    expect(stored.at(-1)).toMatchObject({ folder: 'INBOX', flags: [] });
    // Delivering again files nothing twice.
    expect(await customers.deliverDue()).toEqual([]);
    expect((await service.call('thread.get', { id: thread.id })).messages).toHaveLength(after.messages.length);
  });

  it('undo takes a reply back before it leaves: nothing in Sent, no answer planned', async () => {
    const { service, clock } = await demo();
    const thread = await unanswered(service);
    const before = (await service.call('thread.get', { id: thread.id })).messages.length;
    const queued = await service.call('reply.send', { threadId: thread.id, text: 'On its way today.' });
    if (!queued.ok) throw new Error('unexpected collision');
    const undone = await service.call('outbox.undo', { id: queued.item.id });
    expect(undone.item.state).toBe('cancelled');
    expect(undone.request.text).toBe('On its way today.');
    clock.now += MINUTE;
    expect((await service.requireOutbox().runDue()).sent).toEqual([]);
    expect((await service.call('thread.get', { id: thread.id })).messages).toHaveLength(before);
    expect(service.demo()!.customers.planned()).toEqual([]);
  });

  it('a reply reported or filed twice is stored and answered once', async () => {
    const { service, clock } = await demo();
    const thread = await unanswered(service, 1);
    const queued = await service.call('reply.send', { threadId: thread.id, text: 'The part arrived.' });
    if (!queued.ok) throw new Error('unexpected collision');
    clock.now += 11_000;
    const outbox = service.requireOutbox();
    await outbox.runDue();
    await outbox.runDue();
    const item = outbox.get(queued.item.id);
    expect(item.state).toBe('filed');
    const demoParts = service.demo()!;
    // The postman asked again (a retry after a crash) finds the copy and adds nothing.
    const stored = await service.call('thread.get', { id: thread.id });
    const filedAgain = await demoParts.postman.file({
      raw: Buffer.from(`Message-ID: <${item.messageId}>\r\nSubject: again\r\n\r\nagain\r\n`),
      messageId: item.messageId,
      parentMessageId: null,
      date: clock.now,
    });
    expect(filedAgain.appended).toBe(false);
    expect(await (await demoParts.postman.sentCheck())(item.messageId)).toBe(true);
    expect((await service.call('thread.get', { id: thread.id })).messages).toHaveLength(stored.messages.length);
    expect(demoParts.customers.planned()).toHaveLength(1);
  });

  it("the demo's team log is appended at once: a claim is confirmed, not left pending", async () => {
    const { service } = await demo();
    const thread = await unanswered(service);
    await service.call('thread.act', { id: thread.id, action: { type: 'claim' } });
    const claimed = await row(service, thread.id);
    expect(claimed.team).toMatchObject({ owner: 'alice@harbourbikes.example', pending: 0 });
    const activity = (await service.call('thread.get', { id: thread.id })).activity;
    expect(activity.at(-1)?.text).toMatch(/^Alice Moreno (claimed|took)/);
    expect(activity.at(-1)?.outcome).toBe('applied');
  });
});
