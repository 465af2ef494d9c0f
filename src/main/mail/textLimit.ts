import { PassThrough, pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { Joiner, Splitter } from '@zone-eu/mailsplit';

/**
 * The most of one text part (as encoded in the message) that Promptly reads. A message can be
 * hundreds of MB of text; the parser holds a text part whole, so longer text is cut here and
 * the rest stays in the original.
 */
export const TEXT_PART_LIMIT = 4 * 1024 * 1024;

/** What a person reads on a message whose text was cut. */
export function textCutNote(limit: number): string {
  const mb = Math.round(limit / (1024 * 1024));
  return `Its text is longer than Promptly shows: only the first ${mb} MB of it is here. Show original or Save as .eml has all of it.`;
}

interface Chunk {
  type: 'node' | 'data' | 'body';
  value?: Buffer;
  contentType?: string | false;
  disposition?: string | false;
}

/** A text part the parser would show (not a text file attached). */
function isShownText(node: Chunk): boolean {
  const type = node.contentType || 'text/plain';
  return (type === 'text/plain' || type === 'text/html') && (!node.disposition || node.disposition === 'inline');
}

/** Drops the body bytes of shown text parts beyond `limit`; the MIME structure stays whole. */
class TextCut extends Transform {
  cut = false;
  private counting = false;
  private seen = 0;

  constructor(private readonly limit: number) {
    super({ objectMode: true });
  }

  override _transform(chunk: Chunk, _encoding: BufferEncoding, done: TransformCallback): void {
    if (chunk.type === 'node') {
      this.counting = isShownText(chunk);
      this.seen = 0;
    } else if (chunk.type === 'body' && this.counting && chunk.value) {
      const room = this.limit - this.seen;
      this.seen += chunk.value.length;
      if (room <= 0) {
        this.cut = true;
        return done();
      }
      if (chunk.value.length > room) {
        this.cut = true;
        chunk.value = chunk.value.subarray(0, room);
      }
    }
    done(null, chunk);
  }
}

/**
 * The message from `source` with every shown text part cut to `limit` bytes, and whether any
 * was cut (known once the stream has ended).
 */
export function withTextCut(source: Readable, limit = TEXT_PART_LIMIT): { stream: Readable; wasCut: () => boolean } {
  const cut = new TextCut(limit);
  const stream = new PassThrough();
  // An error anywhere destroys `stream` with it, so the parser reading it hears of it.
  pipeline(source, new Splitter(), cut, new Joiner(), stream, () => undefined);
  return { stream, wasCut: () => cut.cut };
}
