import { chownSync, closeSync, fchownSync, futimesSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { MailWorldClient, Mailbox } from './mailworld';

/** One message to seed: raw RFC 5322 text or bytes (CRLF) and its arrival time. */
export interface SeedMessage {
  raw: string | Buffer;
  date: number;
}

/**
 * Puts messages straight into a mailbox's maildir (as bench/sync/deliver.ts does), so a test
 * can start from a backlog of thousands without delivering each one. Dovecot indexes them on
 * the next SELECT; nothing about IMAP is faked.
 */
export function seedMaildir(world: MailWorldClient, mailbox: Mailbox, messages: SeedMessage[]): void {
  const { uid, gid } = world.info.mailOwner;
  const home = join(world.info.dir, 'mail', mailbox.address);
  const maildir = join(home, 'Maildir');
  for (const dir of [home, maildir, join(maildir, 'cur'), join(maildir, 'new'), join(maildir, 'tmp')]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chownSync(dir, uid, gid);
  }
  messages.forEach((m, index) => {
    const bytes = Buffer.from(m.raw);
    const sec = Math.floor(m.date / 1000);
    const text = bytes.toString('latin1');
    const lfs = text.split('\n').length - 1;
    // Dovecot orders new files by the time in their name, so UIDs follow the dates.
    const name = `${sec}.M${index}P${process.pid}.seed,S=${bytes.length},W=${bytes.length + lfs - (text.match(/\r\n/g)?.length ?? 0)}:2,`;
    const fd = openSync(join(maildir, 'cur', name), 'wx', 0o600);
    try {
      writeSync(fd, bytes);
      fchownSync(fd, uid, gid);
      futimesSync(fd, sec, sec);
    } finally {
      closeSync(fd);
    }
  });
}
