// The body of a message that is one plain-text part, read without mailparser's streams.
// Much mail is this shape (four in five messages of bench:sync's mailbox), and mailparser's
// splitter, decoders and their garbage were most of the parse worker's time (issue 16). Anything else,
// or anything unusual about this shape, is left to mailparser: the result must be the one it
// gives (tests/unit/mail/plain-text.test.ts compares the two).
import libbase64 from 'libbase64';
import libqp from 'libqp';

// Only the fields bodyOnly keeps, each at most once, in their plainest forms.
const FIELD = /^(content-type|content-transfer-encoding|mime-version)[ \t]*:([^]*)$/i;
const TYPE =
  /^[ \t]*text\/plain[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:utf-?8|us-?ascii|"(?:utf-?8|us-?ascii)")[ \t]*)?;?[ \t]*$/i;
const ENCODING = /^[ \t]*(7bit|8bit|binary|quoted-printable|base64)?[ \t]*$/i;
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

/** The decoded bytes of `body` in `encoding`, or null when base64 is not plainly written. */
function decode(body, encoding) {
  if (encoding === 'quoted-printable') return libqp.decode(body);
  if (encoding !== 'base64') return body;
  const text = body.toString('latin1').replace(/[\r\n]/g, '');
  return BASE64.test(text) ? libbase64.decode(text) : null;
}

/**
 * The message as mailparser's reading of it (text, no HTML, no attachments) when `source`
 * (a message cut down by bodyOnly) is a single text/plain part in UTF-8 or US-ASCII, neither
 * flowed nor an attachment; otherwise null.
 */
export function plainTextMail(source) {
  const head = source.toString('latin1', 0, Math.min(source.length, 4096));
  const gap = /\r?\n\r?\n/.exec(head);
  if (!gap || gap.index === 0) return null;
  const fields = fieldsOf(head.slice(0, gap.index));
  if (fields === null) return null;
  const type = fields.get('content-type');
  const encoding = fields.get('content-transfer-encoding');
  if (type !== undefined && !TYPE.test(type)) return null;
  if (encoding !== undefined && !ENCODING.test(encoding)) return null;
  const bytes = decode(source.subarray(gap.index + gap[0].length), (encoding ?? '').trim().toLowerCase());
  if (bytes === null) return null;
  const text = bytes.toString().replace(/\r?\n/g, '\n');
  return { attachments: [], headerLines: [], text: text === '' ? undefined : text, html: undefined };
}
