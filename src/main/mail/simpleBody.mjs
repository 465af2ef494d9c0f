// The body of a message in one of the two plainest shapes, read without mailparser's streams:
// one plain-text part (four in five messages of bench:sync's mailbox), or multipart/alternative
// with a plain-text part and an HTML part (what Gmail, Outlook and Apple Mail send). mailparser's
// splitter, decoders and their garbage were most of the parse worker's time (issue 16). Anything
// else, or anything unusual about these shapes, is left to mailparser: the result must be the
// one it gives (tests/unit/mail/simple-body.test.ts compares the two).
import libbase64 from 'libbase64';
import libqp from 'libqp';

// Only the fields bodyOnly keeps, each at most once, in their plainest forms.
const FIELD = /^(content-type|content-transfer-encoding|mime-version)[ \t]*:([^]*)$/i;
const textType = (subtype) =>
  new RegExp(
    `^[ \\t]*text\\/${subtype}[ \\t]*(?:;[ \\t]*charset[ \\t]*=[ \\t]*(?:utf-?8|us-?ascii|"(?:utf-?8|us-?ascii)")[ \\t]*)?;?[ \\t]*$`,
    'i',
  );
const PLAIN = textType('plain');
const HTML = textType('html');
const ENCODING = /^[ \t]*(7bit|8bit|binary|quoted-printable|base64)?[ \t]*$/i;
// A boundary of RFC 2046 §5.1.1's characters, bar the space; quoted when it holds a tspecial.
const ALTERNATIVE =
  /^[ \t]*multipart\/alternative[ \t]*;[ \t]*boundary[ \t]*=[ \t]*(?:"([A-Za-z0-9'()+_,./:=?-]{1,70})"|([A-Za-z0-9'+_.-]{1,70}))[ \t]*;?[ \t]*$/i;
const IDENTITY = /^[ \t]*(7bit|8bit|binary)?[ \t]*$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The fields of a header block, unfolded, or null when a line is not a plain field or its continuation. */
function fieldsOf(block) {
  const fields = new Map();
  let name = null;
  for (const line of block.split(/\r?\n/)) {
    if (line[0] === ' ' || line[0] === '\t') {
      if (name === null) return null;
      fields.set(name, fields.get(name) + line);
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) return null;
    name = field[1].toLowerCase();
    if (fields.has(name)) return null;
    fields.set(name, field[2]);
  }
  return fields;
}

/** A header block (latin1 text) cut at its first empty line: its fields and where its content starts. */
function headOf(text) {
  const gap = /\r?\n\r?\n/.exec(text);
  if (!gap || gap.index === 0) return null;
  const fields = fieldsOf(text.slice(0, gap.index));
  return fields && { fields, start: gap.index + gap[0].length };
}

/** The decoded bytes of `body` in `encoding`, or null when base64 is not plainly written. */
function decode(body, encoding) {
  if (encoding === 'quoted-printable') return libqp.decode(body);
  if (encoding !== 'base64') return body;
  const text = body.toString('latin1').replace(/[\r\n]/g, '');
  return BASE64.test(text) ? libbase64.decode(text) : null;
}

/** A text part's content as mailparser reads it ('' when empty), or null when its fields are unusual. */
function textOf(fields, content, type) {
  const declared = fields.get('content-type');
  const encoding = fields.get('content-transfer-encoding');
  if (!type.test(declared ?? 'text/plain')) return null;
  if (encoding !== undefined && !ENCODING.test(encoding)) return null;
  const bytes = decode(content, (encoding ?? '').trim().toLowerCase());
  return bytes === null ? null : bytes.toString().replaceAll('\r\n', '\n');
}

/** The lines of `body` (latin1 text) that start with `delimiter`: where each starts and what it says. */
function delimiterLines(body, delimiter) {
  const lines = [];
  for (let at = body.indexOf(delimiter); at >= 0; at = body.indexOf(delimiter, at + 1)) {
    if (at > 0 && body[at - 1] !== '\n') continue;
    const end = body.indexOf('\n', at);
    const line = body.slice(at, end < 0 ? body.length : end).replace(/\r$/, '');
    lines.push({ at, next: end < 0 ? body.length : end + 1, line });
  }
  return lines;
}

/**
 * The plain-text and HTML parts of a multipart/alternative body, exactly
 * `--b`, text/plain, `--b`, text/html, `--b--`, with no other line starting `--b`; or null.
 * The line end before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
 */
function alternativeOf(source, start, boundary) {
  const body = source.toString('latin1', start);
  const delimiter = `--${boundary}`;
  const lines = delimiterLines(body, delimiter);
  const said = lines.map((l) => l.line).join('\n');
  if (said !== `${delimiter}\n${delimiter}\n${delimiter}--`) return null;
  const texts = [];
  for (const [i, type] of [PLAIN, HTML].entries()) {
    const from = lines[i].next;
    const to = lines[i + 1].at - (body[lines[i + 1].at - 2] === '\r' ? 2 : 1);
    if (to < from) return null;
    const head = headOf(body.slice(from, to));
    if (head === null || head.fields.has('mime-version') || !head.fields.has('content-type')) return null;
    const text = textOf(head.fields, source.subarray(start + from + head.start, start + to), type);
    if (text === null) return null;
    texts.push(text);
  }
  const [text, html] = texts;
  return { attachments: [], headerLines: [], text: text || undefined, html: html || undefined };
}

/**
 * The message as mailparser reads it (text, HTML, no attachments) when `source` (a message
 * cut down by bodyOnly) is one text/plain part, or multipart/alternative of text/plain and
 * text/html, each in UTF-8 or US-ASCII, neither flowed nor an attachment; otherwise null.
 */
export function simpleBody(source) {
  const top = headOf(source.toString('latin1', 0, Math.min(source.length, 4096)));
  if (top === null) return null;
  const alternative = ALTERNATIVE.exec(top.fields.get('content-type') ?? '');
  if (alternative) {
    if (!IDENTITY.test(top.fields.get('content-transfer-encoding') ?? '')) return null;
    return alternativeOf(source, top.start, alternative[1] ?? alternative[2]);
  }
  const text = textOf(top.fields, source.subarray(top.start), PLAIN);
  return text === null ? null : { attachments: [], headerLines: [], text: text || undefined, html: undefined };
}
