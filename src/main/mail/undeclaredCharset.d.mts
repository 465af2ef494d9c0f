/** The message with undeclared non-UTF-8 text parts labelled windows-1252, or null when none needed it. */
export function labelUndeclaredCharsets(raw: Buffer): Buffer | null;
/** True when parsed text holds U+FFFD that the raw message does not contain itself. */
export function lostBytes(raw: Buffer, texts: ReadonlyArray<string | null>): boolean;
