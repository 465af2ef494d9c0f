import type { Readable } from 'node:stream';
import type { AddressObject } from 'mailparser';

/** What Promptly reads from a parsed message: plain data, so a worker thread can send it. */
export interface MailShape {
  messageId: string;
  references: string;
  inReplyTo: string;
  subject: string;
  from: AddressObject[];
  to: AddressObject[];
  cc: AddressObject[];
  date: number | null;
  text: string;
  html: string | null;
  attachments: Array<{
    filename: string;
    contentType: string;
    size: number;
    cid: string | null;
    contentDisposition: string | null;
  }>;
}

/** Parses raw RFC 5322 bytes into a MailShape; throws when mailparser cannot read them. */
export function parseToShape(raw: Buffer): Promise<MailShape>;

/** Parses a message from a stream of its raw bytes, never holding it whole; throws when it cannot be read. */
export function parseStreamToShape(stream: Readable): Promise<MailShape>;
