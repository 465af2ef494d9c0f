// Undeclared 8-bit text: a text part with no charset (or "us-ascii") that carries 8-bit bytes,
// and header fields with raw 8-bit bytes instead of RFC 2047 encoded words. Mail clients read
// both as UTF-8 when the bytes are valid UTF-8 (RFC 6532 allows UTF-8 in header fields) and as
// windows-1252 otherwise; mailparser reads them as UTF-8 and turns the rest into U+FFFD. This
// rewrites such header fields as UTF-8 and labels such parts windows-1252 before a second parse.
// Plain JavaScript: the parse worker loads it too.
import iconv from 'iconv-lite';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes) {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Undeclared 8-bit bytes as mail clients read them: UTF-8 when they are valid UTF-8, else
 * windows-1252. (Node 20's TextDecoder reads "windows-1252" as Latin-1, turning “ ” € into
 * control characters, so iconv-lite decodes it.)
 */
export function eightBitText(bytes) {
  try {
    return UTF8.decode(bytes);
  } catch {
    return iconv.decode(bytes, 'windows-1252');
  }
}

/** The header block (latin1, lines unfolded) and the body of one MIME entity (RFC 2045). */
function split(entity) {
  const match = /\r?\n\r?\n/.exec(entity);
  if (!match) return { head: entity, gap: '', body: '' };
  return { head: entity.slice(0, match.index), gap: match[0], body: entity.slice(match.index + match[0].length) };
}

function headerValue(head, name) {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line === undefined ? null : line.slice(name.length + 1).trim();
}

function param(value, name) {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(value);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

function decodeBody(body, encoding) {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
  return Buffer.from(body, 'latin1');
}

/** Replaces (or adds) the Content-Type header with the same value labelled windows-1252. */
function labelled(head, contentType) {
  const value = `${(contentType ?? 'text/plain').replace(/;\s*charset\s*=\s*("[^"]*"|[^;\s]*)/i, '')}; charset=windows-1252`;
  const lines = head.split(/(\r?\n)/);
  const out = [];
  let skipping = false;
  let replaced = false;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const eol = lines[i + 1] ?? '';
    if (skipping && /^[ \t]/.test(line)) continue;
    skipping = false;
    if (line.toLowerCase().startsWith('content-type:')) {
      out.push(`Content-Type: ${value}${eol}`);
      skipping = true;
      replaced = true;
      continue;
    }
    out.push(line + eol);
  }
  return replaced ? out.join('') : `Content-Type: ${value}\r\n${head}`;
}

/**
 * The header block (a latin1 string of raw bytes) with every field whose 8-bit bytes are not
 * UTF-8 re-encoded from windows-1252 to UTF-8; fields are judged one by one, continuation lines
 * included, since each may come from a different program.
 */
function transcodeHead(head) {
  if (!/[\x80-\xff]/.test(head)) return head;
  return head
    .split(/(\r?\n(?![ \t]))/)
    .map((field) => {
      if (!/[\x80-\xff]/.test(field)) return field;
      return Buffer.from(eightBitText(Buffer.from(field, 'latin1')), 'utf8').toString('latin1');
    })
    .join('');
}

function fixEntity(entity, depth) {
  const { head: written, gap, body } = split(entity);
  const head = transcodeHead(written);
  const contentType = headerValue(head, 'content-type');
  const type = (contentType ?? 'text/plain').split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/') && depth < 20) {
    const boundary = param(contentType ?? '', 'boundary');
    if (!boundary) return head + gap + body;
    const delimiter = `--${boundary}`;
    const pieces = body.split(new RegExp(`(^|\\r?\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // pieces: preamble, then (line break, part) pairs; the part after the last delimiter starts with "--".
    let rebuilt = pieces[0];
    for (let i = 1; i < pieces.length; i += 2) {
      const part = pieces[i + 1] ?? '';
      const isClose = part.startsWith('--');
      const m = /^[^\r\n]*\r?\n/.exec(part);
      const fixed = isClose || !m ? part : m[0] + fixEntity(part.slice(m[0].length), depth + 1);
      rebuilt += pieces[i] + delimiter + fixed;
    }
    return head + gap + rebuilt;
  }
  if (!type.startsWith('text/')) return head + gap + body;
  const charset = (param(contentType ?? '', 'charset') ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (charset !== '' && charset !== 'usascii' && charset !== 'ascii') return head + gap + body;
  const encoding = (headerValue(head, 'content-transfer-encoding') ?? '').toLowerCase();
  if (isUtf8(decodeBody(body, encoding))) return head + gap + body;
  return labelled(head, contentType) + gap + body;
}

/**
 * The message with every header field (of the message and of its parts) whose 8-bit bytes are
 * not UTF-8 rewritten as UTF-8 from windows-1252, and every undeclared text part that is not
 * valid UTF-8 labelled windows-1252; or null when nothing needed it.
 */
export function repairUndeclared8bit(raw) {
  const before = raw.toString('latin1');
  const after = fixEntity(before, 0);
  return after === before ? null : Buffer.from(after, 'latin1');
}

/** True when mailparser replaced bytes (U+FFFD) that the raw message does not itself contain as UTF-8. */
export function lostBytes(raw, texts) {
  return (
    texts.some((t) => typeof t === 'string' && t.includes('\uFFFD')) && !raw.includes(Buffer.from([0xef, 0xbf, 0xbd]))
  );
}
