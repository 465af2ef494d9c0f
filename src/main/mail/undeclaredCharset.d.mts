/** Undeclared 8-bit bytes as mail clients read them: UTF-8 when valid, else windows-1252. */
export function eightBitText(bytes: Uint8Array): string;
/**
 * The message with non-UTF-8 8-bit header fields rewritten as UTF-8 (from windows-1252) and
 * undeclared non-UTF-8 text parts labelled windows-1252, or null when nothing needed it.
 */
export function repairUndeclared8bit(raw: Buffer): Buffer | null;
/** True when parsed text holds U+FFFD that the raw message does not contain itself. */
export function lostBytes(raw: Buffer, texts: ReadonlyArray<string | null>): boolean;
