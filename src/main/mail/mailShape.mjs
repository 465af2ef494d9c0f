// The one place that turns raw mail into the plain data Promptly keeps (see mailShape.d.mts).
// Plain JavaScript, so both the parse worker (loaded by URL) and the TypeScript engine use it.
import { MailParser } from 'mailparser';
import { eightBitText, lostBytes, repairUndeclared8bit } from './undeclaredCharset.mjs';
import { simpleBody } from './simpleBody.mjs';

// No attachment checksums: Promptly keeps an attachment's name, type and size, and fetches
// its content from the server when someone opens it.
const OPTIONS = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, checksumAlgo: false };
const HEADERS = ['subject', 'references', 'date', 'to', 'from', 'cc', 'message-id', 'in-reply-to'];

/**
 * mailparser's simpleParser without keeping attachment content: each attachment is read
 * through (its decoded size counted) and dropped, so a 30 MB attachment is never held whole.
 * `source` is the raw bytes, or a stream of them (a large message read from its file).
 */
function readMail(source) {
  return new Promise((resolve, reject) => {
    const mail = { attachments: [] };
    let settled = false;
    const settle = (error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(mail);
    };
    const parser = new MailParser(OPTIONS);
    parser.on('error', settle);
    parser.on('headers', (headers) => {
      mail.headerLines = parser.headerLines;
      for (const key of HEADERS)
        if (headers.has(key)) mail[key.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = headers.get(key);
    });
    parser.on('data', (data) => {
      if (data.type === 'text') {
        mail.text = data.text;
        mail.html = data.html;
        return;
      }
      const { content } = data;
      mail.attachments.push(data);
      content.on('data', () => undefined);
      content.once('end', () => data.release());
    });
    parser.once('end', () => settle(null));
    if (Buffer.isBuffer(source)) feed(parser, source);
    else {
      source.once('error', settle);
      source.pipe(parser);
    }
  });
}

/** Every piece of a parsed message a person reads: text, HTML, subject, names, file names. */
function shownTexts(mail) {
  const names = [mail.from, mail.to, mail.cc]
    .flat()
    .flatMap((object) => object?.value ?? [])
    .flatMap((entry) => [entry.name, ...(entry.group ?? []).map((member) => member.name)]);
  return [
    mail.text ?? '',
    typeof mail.html === 'string' ? mail.html : '',
    mail.subject ?? '',
    ...names,
    ...mail.attachments.map((a) => a.filename ?? ''),
  ];
}

/**
 * The Date header as written, in ms, or null when it is missing or unparseable. mailparser
 * itself puts the current time in place of a date it cannot read, which would file the
 * message at the moment it was parsed, differently on every replica.
 */
function writtenDate(mail) {
  const line = mail.headerLines.find((l) => l.key === 'date');
  if (line === undefined) return null;
  const value = line.line
    .slice(line.line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
  const time = value === '' ? NaN : new Date(value).getTime();
  return Number.isFinite(time) ? time : null;
}

/** Bytes handed to the parser at a time: large messages are split as they stream, not all at once. */
const SLICE = 64 * 1024;

/** Writes `raw` in slices, waiting whenever the parser asks to (its buffers stay small). */
function feed(parser, raw) {
  let at = 0;
  const more = () => {
    while (at < raw.length) {
      const slice = raw.subarray(at, at + SLICE);
      at += slice.length;
      if (!parser.write(slice)) {
        parser.once('drain', more);
        return;
      }
    }
    parser.end();
  };
  more();
}

const KEPT = 'It is kept as received: Show original, or Save as .eml to open it in another mail program.';

/** Why mailparser gave up on a message, in words for the person reading the thread. */
function unreadableReason(error) {
  const text = error instanceof Error ? error.message : String(error);
  // The limits of mailparser's MIME splitter (it stops rather than use unbounded memory).
  if (/child nodes exceeded/i.test(text))
    return `It has more than 1,000 parts, or parts nested inside each other that deep, and Promptly reads no further. ${KEPT}`;
  if (/header size .* exceeded/i.test(text))
    return `A header block in it is larger than 1 MB, and Promptly reads no further. ${KEPT}`;
  return `Its structure could not be read (${text}). ${KEPT}`;
}

/** Parses raw RFC 5322 bytes into a MailShape; throws, saying why in words, when mailparser cannot read them. */
export async function parseToShape(raw) {
  return shapeOf(await readReadable(raw, raw));
}

/** `read`'s reading of `source` (the message, or a lighter copy of it), repaired when `raw`'s undeclared 8-bit text was lost. */
async function readReadable(raw, source, read = readMail) {
  let mail;
  try {
    mail = await read(source);
  } catch (error) {
    throw new Error(unreadableReason(error));
  }
  // Rare: undeclared 8-bit text that is not UTF-8 came out as U+FFFD; read it as windows-1252.
  if (lostBytes(raw, shownTexts(mail))) {
    const repaired = repairUndeclared8bit(raw);
    if (repaired) mail = await readMail(repaired);
  }
  return mail;
}

/**
 * Where a message's top header block ends: after the line end before its first empty line
 * (RFC 5322 §2.1), 0 when it starts with one, or its length when it has none.
 */
export function headerBlockEnd(raw) {
  if (raw[0] === 0x0a || (raw[0] === 0x0d && raw[1] === 0x0a)) return 0;
  const crlf = raw.indexOf('\n\r\n');
  // Only up to the first CRLF gap (whose line feed may end a bare gap: "\n\n\r\n"): a message
  // of CRLF lines has no bare gap to scan its whole body for.
  const lf = (crlf < 0 ? raw : raw.subarray(0, crlf + 1)).indexOf('\n\n');
  const gap = lf >= 0 ? lf : crlf;
  return gap < 0 ? raw.length : gap + 1;
}

/** The fields of a header block (latin1 text) whose lower-case name `wanted` accepts, each with its folded lines as written. */
function fieldsNamed(block, wanted) {
  let keep = false;
  let kept = '';
  for (let at = 0; at < block.length;) {
    const next = block.indexOf('\n', at) + 1 || block.length;
    const first = block.charCodeAt(at);
    if (first !== 0x20 && first !== 0x09) {
      const colon = block.indexOf(':', at);
      keep = colon > at && colon < next && wanted(block.slice(at, colon).trimEnd().toLowerCase());
    }
    if (keep) kept += block.slice(at, next);
    at = next;
  }
  return kept;
}

/**
 * The fields of `source`'s header block whose lower-case names are in `names`, as a server's
 * BODY[HEADER.FIELDS (...)] gives them (RFC 3501 §6.4.5): each with its folded lines, in
 * order, then the empty line.
 */
export function headerFields(source, names) {
  const block = source.toString('latin1', 0, headerBlockEnd(source));
  return Buffer.from(`${fieldsNamed(block, (name) => names.has(name))}\r\n`, 'latin1');
}

/** A header block longer than this is parsed whole by the body phase. */
const BODY_HEAD_LIMIT = 64 * 1024;
const shapesBody = (name) => /^(?:content-[^:\s]*|mime-version)$/.test(name);

/**
 * The message with only the top-level header fields that shape its body: MIME-Version and
 * Content-* (RFC 2045 §3), each with its folded lines and line ends as written. The body phase
 * takes every other field from the envelope, and mailparser parsing addresses, dates and
 * Received lines was about a third of the worker's time (issue 16).
 */
export function bodyOnly(raw) {
  const end = headerBlockEnd(raw);
  if (end === 0 || end === raw.length || end > BODY_HEAD_LIMIT) return raw;
  const kept = fieldsNamed(raw.toString('latin1', 0, end), shapesBody);
  return Buffer.concat([Buffer.from(kept, 'latin1'), raw.subarray(end)]);
}

/**
 * Parses a message from a stream of its raw bytes (a large message read from its file), so
 * it is never held whole. Throws, saying why in words, when mailparser cannot read it.
 */
export async function parseStreamToShape(stream) {
  try {
    return shapeOf(await readMail(stream));
  } catch (error) {
    throw new Error(unreadableReason(error));
  }
}

/** The plain data Promptly keeps from mailparser's result. */
function shapeOf(mail) {
  return {
    messageId: mail.messageId ?? '',
    references: Array.isArray(mail.references) ? mail.references.join(' ') : (mail.references ?? ''),
    inReplyTo: mail.inReplyTo ?? '',
    subject: mail.subject ?? '',
    from: mail.from ? [mail.from].flat() : [],
    to: mail.to ? [mail.to].flat() : [],
    cc: mail.cc ? [mail.cc].flat() : [],
    date: writtenDate(mail),
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      size: a.size,
      cid: a.cid ?? null,
      contentDisposition: a.contentDisposition ?? null,
    })),
  };
}

const SNIPPET_LENGTH = 160;

/** The lines of `text` as split(/\r?\n/) gives them, one at a time: the snippet reads only the first few. */
function* linesOf(text) {
  let at = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', at)) {
    yield text.slice(at, text[end - 1] === '\r' ? end - 1 : end);
    at = end + 1;
  }
  yield text.slice(at);
}

/** Text for the list row: quoted lines and signatures are dropped, whitespace collapsed. */
export function snippetOf(text) {
  let flat = '';
  for (const line of linesOf(text.slice(0, 4000))) {
    if (/^\s*>/.test(line)) continue;
    if (/^-- ?$/.test(line)) break;
    if (line.startsWith('On ') && /^On .+wrote:\s*$/.test(line)) break;
    flat = `${flat} ${line}`.replace(/\s+/g, ' ').trimStart();
    if (flat.trimEnd().length > SNIPPET_LENGTH) break; // later lines only add past the cut
  }
  flat = flat.trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}

/** The note on a message whose multipart structure could not be followed. */
export const BROKEN_MULTIPART =
  'The message says it has several parts, but its part boundary never appears; Promptly shows its body as plain text.';

/**
 * The readable text of a multipart message whose declared boundary is missing from its body
 * (RFC 2046 §5.1.1): the body without delimiter lines and part headers, or null when the
 * message is not multipart or has no body.
 */
export function brokenMultipartText(raw) {
  const source = raw.toString('latin1');
  const gap = /\r?\n\r?\n/.exec(source);
  if (!gap) return null;
  const head = source.slice(0, gap.index).replace(/\r?\n[ \t]+/g, ' ');
  if (!/^content-type:\s*multipart\//im.test(head)) return null;
  const body = raw.subarray(gap.index + gap[0].length);
  const text = eightBitText(body)
    .split(/\r?\n/)
    .filter(
      (line) => !/^--\S+$/.test(line.trim()) && !/^content-(?:type|transfer-encoding|disposition|id):/i.test(line),
    )
    .join('\n')
    .trim();
  return text === '' ? null : text;
}

/** What the store keeps of a parsed message's body: text, HTML, snippet and attachment list. */
export function bodyOf(mail, raw) {
  // mailparser derives text from HTML-only mail itself. A multipart whose boundary never
  // appears parses to nothing: its body, as text, is better than an empty message.
  const empty = mail.text.trim() === '' && mail.html === null && mail.attachments.length === 0;
  const broken = empty ? brokenMultipartText(raw) : null;
  const text = broken ?? mail.text.trim();
  return {
    text,
    html: mail.html,
    snippet: snippetOf(text),
    problem: broken === null ? null : BROKEN_MULTIPART,
    hasAttachments: mail.attachments.some((a) => a.contentDisposition !== 'inline' || !a.cid),
    attachments: mail.attachments.map((a, i) => ({
      part: String(i),
      filename: a.filename,
      contentType: a.contentType || 'application/octet-stream',
      size: a.size,
      contentId: a.cid,
      inline: a.contentDisposition === 'inline' && !!a.cid,
    })),
  };
}

/** A body cut down by bodyOnly: the simplest shapes are read directly (simpleBody.mjs), anything else by mailparser. */
const readBody = (source) => simpleBody(source) ?? readMail(source);

/** Parses raw bytes into the body the store keeps (see bodyOf); throws like parseToShape. */
export async function parseBody(raw) {
  return bodyOf(shapeOf(await readReadable(raw, bodyOnly(raw), readBody)), raw);
}

/** parseBody's outcome, never thrown: the body, or why it could not be read. */
export async function bodyOutcome(raw) {
  try {
    return { ok: true, body: await parseBody(raw) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
