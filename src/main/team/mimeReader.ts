/**
 * Just enough MIME reading to find a team event's JSON part: header unfolding (RFC 5322 §2.2.3),
 * Content-Type parameters (RFC 2045 §5.1), multipart delimiters (RFC 2046 §5.1.1) and the
 * base64 / quoted-printable transfer encodings (RFC 2045 §6.7, §6.8). Input is at most 64 KB,
 * so plain string work is fine. Bodies of other parts are never decoded.
 */

const MAX_DEPTH = 3;

/** The header block and the body of a message or part. */
export function splitHeaderBlock(text: string): { headerText: string; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (match === null) return { headerText: text, body: '' };
  return { headerText: text.slice(0, match.index), body: text.slice(match.index + match[0].length) };
}

/** Unfolded headers by lower-case name; the first occurrence of a name wins. */
export function readHeaders(headerText: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of headerText.replace(/\r?\n[ \t]/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** A Content-Type value split into its lower-case media type and its parameters. */
export function parseContentType(value: string): { mediaType: string; params: Map<string, string> } {
  const semicolon = value.indexOf(';');
  const mediaType = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const params = new Map<string, string>();
  const rest = semicolon < 0 ? '' : value.slice(semicolon);
  for (const match of rest.matchAll(/;\s*([A-Za-z0-9_.*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]+)/g)) {
    const raw = match[2] ?? '';
    const unquoted = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    params.set((match[1] ?? '').toLowerCase(), unquoted);
  }
  return { mediaType, params };
}

/** The decoded text of the first part of type `mediaType` (or application/json), or null. */
export function findJsonPart(headers: Map<string, string>, body: string, mediaType: string, depth = 0): string | null {
  const { mediaType: type, params } = parseContentType(headers.get('content-type') ?? 'text/plain');
  if (type === mediaType || type === 'application/json') {
    return decodeTransfer(body, headers.get('content-transfer-encoding') ?? '7bit');
  }
  const boundary = params.get('boundary');
  if (!type.startsWith('multipart/') || boundary === undefined || boundary === '' || depth >= MAX_DEPTH) return null;
  for (const part of splitMultipart(body, boundary)) {
    const { headerText, body: partBody } = splitHeaderBlock(part);
    const found = findJsonPart(readHeaders(headerText), partBody, mediaType, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The parts between the delimiter lines of a multipart body; the preamble and epilogue are dropped. */
export function splitMultipart(body: string, boundary: string): string[] {
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === open || trimmed === close) {
      if (current !== null) parts.push(current.join('\r\n'));
      if (trimmed === close) return parts;
      current = [];
    } else if (current !== null) {
      current.push(line);
    }
  }
  return parts;
}

/** Decodes a part body to text (UTF-8). Unknown encodings are read as they are. */
export function decodeTransfer(body: string, encoding: string): string {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

/** RFC 2045 §6.7: trailing blanks and soft line breaks removed, `=XX` turned into bytes, then read as UTF-8. */
export function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/[ \t]+(?=\r?\n|$)/g, '').replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
