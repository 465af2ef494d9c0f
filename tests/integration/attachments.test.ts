import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailWorld, startEngine } from '../support/engine';

function mailWithAttachment(to: string, content: Buffer): string {
  const b = 'b1_promptly_test';
  return [
    'From: Ola <ola@customer.example>',
    `To: ${to}`,
    'Subject: Photo of the damage',
    'Message-ID: <att-1@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'See the attached photo of the bent wheel.',
    `--${b}`,
    'Content-Type: image/png; name="wheel/../../evil.png"',
    'Content-Disposition: attachment; filename="wheel/../../evil.png"',
    'Content-Transfer-Encoding: base64',
    '',
    content.toString('base64'),
    `--${b}--`,
    '',
  ].join('\r\n');
}

describe('attachments', () => {
  it('are listed after sync and downloaded on demand into a cache, with a safe file name', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const { service, db } = await startEngine(world, support);
    const content = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    await world.deliver(support.address, mailWithAttachment(support.address, content));
    await service.syncNow();

    const [thread] = await service.call('threads.list', { limit: 5, offset: 0 });
    expect(thread?.hasAttachments).toBe(true);
    const meta = db.prepare('SELECT message_id, part, filename, content_type, size FROM attachments').all() as Array<{
      message_id: number;
      part: string;
      filename: string;
      content_type: string;
      size: number;
    }>;
    expect(meta).toMatchObject([{ part: '0', content_type: 'image/png', size: 3000 }]);

    const first = await service.call('attachment.fetch', { messageId: meta[0]!.message_id, part: '0' });
    expect(first.cached).toBe(false);
    expect(readFileSync(first.path)).toEqual(content);
    // The hostile name cannot climb out of the cache folder.
    expect(dirname(first.path)).toMatch(new RegExp(`/attachments/${meta[0]!.message_id}$`));
    const again = await service.call('attachment.fetch', { messageId: meta[0]!.message_id, part: '0' });
    expect(again).toMatchObject({ cached: true, path: first.path });
    await expect(service.call('attachment.fetch', { messageId: meta[0]!.message_id, part: '7' })).rejects.toMatchObject(
      { code: 'not-found' },
    );

    const detail = await service.call('thread.get', { id: thread!.id });
    expect(detail.messages[0]!.attachments).toMatchObject([{ part: '0', contentType: 'image/png', inline: false }]);
    expect(detail.messages[0]!.imagesAllowed).toBe(false);
    await service.call('images.allow', { sender: 'ola@customer.example' });
    expect((await service.call('thread.get', { id: thread!.id })).messages[0]!.imagesAllowed).toBe(true);
    expect(service.allowsRemoteContent(meta[0]!.message_id)).toBe(true);
    expect(service.allowsRemoteContent(999_999)).toBe(false);
    const inline = await service.call('attachment.inline', { messageId: meta[0]!.message_id, part: '0' });
    expect(inline.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    await expect(service.call('images.allow', {})).rejects.toMatchObject({ code: 'invalid-arguments' });
    // Without a desktop (CLI, preview) open/save hand back the cached file; the shell opens it.
    expect(await service.call('attachment.open', { messageId: meta[0]!.message_id, part: '0' })).toEqual({
      path: first.path,
      opened: false,
    });
    expect(await service.call('attachment.save', { messageId: meta[0]!.message_id, part: '0' })).toEqual({
      savedTo: null,
      path: first.path,
    });
  });
});
