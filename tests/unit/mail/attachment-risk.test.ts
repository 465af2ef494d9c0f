import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentRisk, zipEntryNames } from '../../../src/main/mail/attachmentRisk';
import { markFromInternet } from '../../../src/main/mail/originMarker';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');

describe('attachmentRisk', () => {
  it.each([
    ['invoice.exe', 'a program (.exe)'],
    ['invoice.JS', 'a script (.js)'],
    ['setup.msi', 'an installer (.msi)'],
    ['Invoice.lnk', 'a shortcut (.lnk)'],
    ['start.desktop', 'a shortcut (.desktop)'],
    ['budget.xlsm', 'an Office file with macros (.xlsm)'],
    ['backup.iso', 'a disk image (.iso)'],
    ['invoice.pdf.exe. ', 'a program (.exe)'],
  ])('%s is %s', (filename, kind) => {
    expect(attachmentRisk({ filename, contentType: 'application/octet-stream' })).toContain(` is ${kind}.`);
  });

  it('names the real type when the declared type or the content gives it away', () => {
    expect(attachmentRisk({ filename: 'note', contentType: 'application/x-msdownload' })).toMatch(
      /^note is a program\./,
    );
    expect(
      attachmentRisk({ filename: 'a.docx', contentType: 'application/vnd.ms-word.document.macroEnabled.12' }),
    ).toMatch(/Office file with macros/);
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2]);
    expect(attachmentRisk({ filename: 'photo.jpg', contentType: 'image/jpeg', head: elf })).toMatch(
      /^photo\.jpg is a Linux program\./,
    );
  });

  it('leaves ordinary files alone', () => {
    for (const filename of ['invoice.pdf', 'photo.jpeg', 'notes.txt', 'sheet.xlsx', 'letter.docx', 'archive.zip', ''])
      expect(attachmentRisk({ filename, contentType: 'application/octet-stream' }), filename).toBeNull();
  });

  it('looks inside ZIP archives', () => {
    const bad = zipEntryNames(readFileSync(join(FIXTURES, 'invoice-with-script.zip')));
    expect(bad).toEqual(['invoice/readme.txt', 'invoice/invoice.pdf.js']);
    expect(attachmentRisk({ filename: 'invoice.zip', contentType: 'application/zip', archiveEntries: bad ?? [] })).toBe(
      'invoice.zip is an archive that contains invoice/invoice.pdf.js. Opening what is inside could run code on this computer, so Promptly only saves it.',
    );
    const good = zipEntryNames(readFileSync(join(FIXTURES, 'photos.zip')));
    expect(
      attachmentRisk({ filename: 'photos.zip', contentType: 'application/zip', archiveEntries: good ?? [] }),
    ).toBeNull();
    expect(zipEntryNames(Buffer.from('not a zip'))).toBeNull();
  });
});

describe('markFromInternet', () => {
  it('writes the Zone.Identifier stream on Windows and the quarantine attribute on macOS; nothing on Linux', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptly-origin-'));
    try {
      const file = join(dir, 'invoice.exe');
      writeFileSync(file, 'MZ');
      expect(await markFromInternet(file, 0, 'win32')).toBe(true);
      // On NTFS this is the alternate data stream; elsewhere the same path is a plain file.
      expect(readFileSync(`${file}:Zone.Identifier`, 'utf8')).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
      const calls: Array<[string, string[]]> = [];
      const now = Date.UTC(2026, 10, 30);
      expect(await markFromInternet(file, now, 'darwin', async (f, a) => void calls.push([f, a]))).toBe(true);
      expect(calls).toEqual([
        ['xattr', ['-w', 'com.apple.quarantine', `0081;${(now / 1000).toString(16)};Promptly;`, file]],
      ]);
      expect(await markFromInternet(file, now, 'linux')).toBe(false);
      const failing = async () => Promise.reject(new Error('xattr missing'));
      expect(await markFromInternet(file, now, 'darwin', failing)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
