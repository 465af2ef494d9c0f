/**
 * mailparser's reading of a message cut down by bodyOnly, when it is one plain-text part, or
 * multipart/alternative of a plain-text and an HTML part, in UTF-8 or US-ASCII; else null.
 */
export function simpleBody(
  source: Buffer,
): { attachments: []; headerLines: []; text: string | undefined; html: string | undefined } | null;
