// Undeclared 8-bit text: a text part with no charset (or "us-ascii") that carries 8-bit bytes.
// Mail clients read it as UTF-8 when the bytes are valid UTF-8 and as windows-1252 otherwise;
// mailparser reads it as UTF-8 and turns the rest into U+FFFD. This labels such parts
// windows-1252 before a second parse. Plain JavaScript: the parse worker loads it too.

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes) {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
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

function fixEntity(entity, depth) {
  const { head, gap, body } = split(entity);
  const contentType = headerValue(head, 'content-type');
  const type = (contentType ?? 'text/plain').split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/') && depth < 20) {
    const boundary = param(contentType ?? '', 'boundary');
    if (!boundary) return entity;
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
  if (!type.startsWith('text/')) return entity;
  const charset = (param(contentType ?? '', 'charset') ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (charset !== '' && charset !== 'usascii' && charset !== 'ascii') return entity;
  const encoding = (headerValue(head, 'content-transfer-encoding') ?? '').toLowerCase();
  if (isUtf8(decodeBody(body, encoding))) return entity;
  return labelled(head, contentType) + gap + body;
}

/**
 * The message with every undeclared text part that is not valid UTF-8 labelled
 * windows-1252, or null when no part needed it.
 */
export function labelUndeclaredCharsets(raw) {
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
