/** mailparser's reading of a message cut down by bodyOnly, when it is one plain-text part in UTF-8 or US-ASCII; else null. */
export function plainTextMail(
  source: Buffer,
): { attachments: []; headerLines: []; text: string | undefined; html: undefined } | null;
