import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN_MULTIPART } from '../../src/main/mail/parse';
import { mailWorld, startEngine } from '../support/engine';

const FIXTURES = join(import.meta.dirname, '../fixtures/mail');

describe('mail Promptly could not read', () => {
  it('a broken multipart falls back to its text, is flagged, and its original can be shown and saved as .eml', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    const raw = readFileSync(join(FIXTURES, 'broken-multipart-boundary.eml'));
    await world.deliver(support.address, raw);
    await service.syncNow();

    const [thread] = await service.call('threads.list', { limit: 5 });
    const [message] = (await service.call('thread.get', { id: thread!.id })).messages;
    expect(message?.text).toBe('My bike arrived with a bent wheel. Please send a new one.');
    expect(message?.unreadable).toBe(BROKEN_MULTIPART);
    expect((await service.call('messages.unreadable', {})).map((m) => m.id)).toEqual([message!.id]);

    const original = await service.call('message.original', { messageId: message!.id });
    expect(original.truncated).toBe(false);
    expect(original.source).toContain('boundary="declared-boundary"');
    const saved = await service.call('message.saveEml', { messageId: message!.id });
    expect(saved.savedTo).toBeNull();
    expect(readFileSync(saved.path).toString('latin1')).toContain('--actual-boundary');
    expect(statSync(saved.path).mode & 0o777).toBe(0o600);
  });

  it('a message with more parts than Promptly reads shows in its thread with the reason in words, and its original', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service } = await startEngine(world, support);
    const parts = Array.from({ length: 1_500 }, (_, i) => `--p\r\nContent-Type: text/plain\r\n\r\nphoto ${i}\r\n`);
    await world.deliver(
      support.address,
      [
        'From: Ann Customer <ann@example.net>',
        `To: ${support.address}`,
        'Subject: All the photos',
        'Message-ID: <many-parts@example.net>',
        'Content-Type: multipart/mixed; boundary=p',
        '',
        `${parts.join('')}--p--`,
        '',
      ].join('\r\n'),
    );
    await service.syncNow();

    const [thread] = await service.call('threads.list', { limit: 5 });
    expect(thread?.subject).toBe('All the photos');
    const [message] = (await service.call('thread.get', { id: thread!.id })).messages;
    expect(message?.from).toEqual({ name: 'Ann Customer', address: 'ann@example.net' });
    expect(message?.unreadable).toMatch(/^It has more than 1,000 parts, .* Save as \.eml/);
    expect((await service.call('messages.unreadable', {})).map((m) => m.id)).toEqual([message!.id]);
    const original = await service.call('message.original', { messageId: message!.id });
    expect(original.source).toContain('photo 1499');
  });
});
