/**
 * Synchronous, deterministic RFC 5322 output from nodemailer's MailComposer.
 *
 * MailComposer builds the MIME tree (headers, multipart layout, encodings) synchronously, but
 * `MimeNode.build()` streams it out through setImmediate, so it can only be awaited. The demo
 * mailbox is generated synchronously, so this module walks the compiled tree and writes it
 * the way `MimeNode.stream()` does: the node's own header block, its content in the transfer
 * encoding MimeNode chose (base64 or quoted-printable, lines wrapped at 76), then the child
 * parts between boundary delimiters (RFC 2046 §5.1.1). Only in-memory string and Buffer
 * content is supported, which is all the demo uses. The unit test checks the bytes against
 * `build()` so a nodemailer upgrade that changes the layout is noticed.
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MailComposerOptions } from 'nodemailer/lib/mail-composer/index.js';
import type MimeNode from 'nodemailer/lib/mime-node/index.js';
import { encode as base64Encode, wrap as base64Wrap } from 'nodemailer/lib/base64/index.js';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp/index.js';

/** Options for one demo message: MailComposer's, with the fields determinism needs made required. */
export type DemoComposeOptions = MailComposerOptions & {
  messageId: string;
  date: Date;
  baseBoundary: string;
};

/** Fills in the fields MailComposer would otherwise make up from the clock or crypto. */
function withFixedFields(options: DemoComposeOptions): MailComposerOptions {
  return { boundaryPrefix: '--_HbDemo', ...options };
}

/** Builds the message synchronously; byte-identical to `compileDemoMessage(options).build()`. */
export function composeDemoMessage(options: DemoComposeOptions): Buffer {
  const root = compileDemoMessage(options);
  const chunks: Buffer[] = [];
  writeNode(root, chunks);
  const out = Buffer.concat(chunks);
  // MimeNode's LastNewline stage: the message always ends with a line break.
  const last = out.length > 0 ? out[out.length - 1] : undefined;
  if (last === 0x0a) return out;
  return Buffer.concat([out, Buffer.from(last === 0x0d ? '\n' : '\r\n')]);
}

/** The MailComposer tree for the options, for callers (and tests) that want nodemailer's own output. */
export function compileDemoMessage(options: DemoComposeOptions): MimeNode {
  return new MailComposer(withFixedFields(options)).compile();
}

function contentBytes(node: MimeNode): Buffer {
  const content = node.content;
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (Buffer.isBuffer(content)) return content;
  throw new Error('composeDemoMessage supports only string and Buffer content');
}

function writeNode(node: MimeNode, chunks: Buffer[]): void {
  const transferEncoding = node.getTransferEncoding();
  chunks.push(Buffer.from(node.buildHeaders() + '\r\n\r\n', 'utf8'));
  if (node.content) {
    const bytes = contentBytes(node);
    if (transferEncoding === 'base64') {
      chunks.push(Buffer.from(base64Wrap(base64Encode(bytes), 76), 'ascii'));
    } else if (transferEncoding === 'quoted-printable') {
      if (!/^text\//i.test(node.contentType ?? '')) {
        // MimeNode encodes non-text QP in binary mode; the demo never asks for that.
        throw new Error('composeDemoMessage: quoted-printable is supported for text parts only');
      }
      chunks.push(Buffer.from(qpWrap(qpEncode(bytes), 76), 'ascii'));
    } else {
      chunks.push(bytes);
    }
  }
  if (node.multipart && node.boundary) {
    node.childNodes.forEach((child, index) => {
      chunks.push(Buffer.from((index > 0 ? '\r\n' : '') + '--' + node.boundary + '\r\n', 'ascii'));
      writeNode(child, chunks);
    });
    chunks.push(Buffer.from('\r\n--' + node.boundary + '--\r\n', 'ascii'));
  }
}
