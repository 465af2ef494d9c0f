import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesktopFiles } from '../../src/main/service/service';
import { mailWorld, startEngine } from '../support/engine';

const FIXTURES = join(import.meta.dirname, '../fixtures/mail');

interface Part {
  filename: string;
  contentType: string;
  content: Buffer;
}

function mailWith(to: string, parts: Part[]): string {
  const b = 'b1_promptly_risk';
  return [
    'From: Mallory <mallory@customer.example>',
    `To: ${to}`,
    'Subject: Your invoice',
    'Message-ID: <risk-1@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please open the attached invoice.',
    ...parts.flatMap((p) => [
      `--${b}`,
      `Content-Type: ${p.contentType}; name="${p.filename}"`,
      `Content-Disposition: attachment; filename="${p.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      p.content.toString('base64'),
    ]),
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** A desktop that records what the engine asked of it instead of touching the OS. */
function recordingDesktop(): DesktopFiles & { opened: string[]; shown: string[] } {
  const opened: string[] = [];
  const shown: string[] = [];
  return {
    opened,
    shown,
    openPath: async (path) => void opened.push(path),
    saveAs: async () => null,
    showInFolder: (path) => void shown.push(path),
  };
}

const WINDOWS_PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe('dangerous attachments', () => {
  it('are never opened: the list warns by name, the content and ZIP entries are checked, Show in folder works', async () => {
    const world = await mailWorld();
    const support = await world.createMailbox('support');
    const desktop = recordingDesktop();
    const { service } = await startEngine(world, support, { files: desktop });
    const parts: Part[] = [
      { filename: 'invoice.pdf.exe', contentType: 'application/octet-stream', content: WINDOWS_PROGRAM },
      { filename: 'statement.pdf', contentType: 'application/pdf', content: WINDOWS_PROGRAM },
      {
        filename: 'invoice.zip',
        contentType: 'application/zip',
        content: readFileSync(join(FIXTURES, 'invoice-with-script.zip')),
      },
      { filename: 'photos.zip', contentType: 'application/zip', content: readFileSync(join(FIXTURES, 'photos.zip')) },
      { filename: 'wheel.png', contentType: 'image/png', content: Buffer.from('\x89PNG\r\n\x1a\n') },
    ];
    await world.deliver(support.address, mailWith(support.address, parts));
    await service.syncNow();

    const [thread] = await service.call('threads.list', { limit: 5 });
    const message = (await service.call('thread.get', { id: thread!.id })).messages[0]!;
    const byName = new Map(message.attachments.map((a) => [a.filename, a]));
    expect(byName.get('invoice.pdf.exe')?.risk).toMatch(
      /^invoice\.pdf\.exe is a program \(\.exe\)\. Opening it could run code/,
    );
    // Name and type look harmless until the content is seen.
    expect(byName.get('statement.pdf')?.risk).toBeNull();
    const open = (filename: string) =>
      service.call('attachment.open', { messageId: message.id, part: byName.get(filename)!.part });

    await expect(open('invoice.pdf.exe')).rejects.toMatchObject({ code: 'dangerous-attachment' });
    await expect(open('statement.pdf')).rejects.toMatchObject({
      code: 'dangerous-attachment',
      message: expect.stringMatching(/^statement\.pdf is a Windows program\./),
    });
    await expect(open('invoice.zip')).rejects.toMatchObject({
      code: 'dangerous-attachment',
      message: expect.stringMatching(/contains invoice\/invoice\.pdf\.js/),
    });
    expect(desktop.opened).toEqual([]);

    expect(await open('photos.zip')).toMatchObject({ opened: true });
    expect(await open('wheel.png')).toMatchObject({ opened: true });
    expect(desktop.opened).toHaveLength(2);

    const shown = await service.call('attachment.reveal', {
      messageId: message.id,
      part: byName.get('invoice.pdf.exe')!.part,
    });
    expect(shown.shown).toBe(true);
    expect(desktop.shown).toEqual([shown.path]);
  });
});
