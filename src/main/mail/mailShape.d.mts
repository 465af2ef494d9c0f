import type { Readable } from 'node:stream';
import type { AddressObject } from 'mailparser';
import type { ParsedMessage } from '../../shared/types';

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

/** The part of a ParsedMessage that comes from the body: what the body phase stores. */
export type MessageBody = Pick<ParsedMessage, 'text' | 'html' | 'snippet' | 'hasAttachments' | 'attachments'> & {
  problem: string | null;
};

/** Text for the list row: quoted lines and signatures are dropped, whitespace collapsed. */
export function snippetOf(text: string): string;

/** The note on a message whose multipart structure could not be followed. */
export const BROKEN_MULTIPART: string;

/** The readable text of a multipart message whose boundary never appears, or null (RFC 2046 §5.1.1). */
export function brokenMultipartText(raw: Buffer): string | null;

/** What the store keeps of a parsed message's body. */
export function bodyOf(mail: MailShape, raw: Buffer): MessageBody;

/** Parses raw bytes into the body the store keeps; throws like parseToShape. */
export function parseBody(raw: Buffer): Promise<MessageBody>;

/** parseBody's outcome, never thrown: the body, or why it could not be read. */
export function bodyOutcome(raw: Buffer): Promise<{ ok: true; body: MessageBody } | { ok: false; error: string }>;

/** The message with only its top-level MIME-Version and Content-* fields (what shapes its body). */
export function bodyOnly(raw: Buffer): Buffer;

/** Where a message's top header block ends: after the line end before its first empty line, 0 or its length. */
export function headerBlockEnd(raw: Buffer): number;

/** The header fields of `source` named in `names` (lower case), as BODY[HEADER.FIELDS (...)] gives them. */
export function headerFields(source: Buffer, names: ReadonlySet<string>): Buffer;
