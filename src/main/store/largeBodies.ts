import type { Db } from './db';
import type { ParsedMessage } from '../../shared/types';
import { saveBody } from './repos/messages';
import { saveAttachments } from './repos/attachments';
import { markUnreadableInFile, setSourceFile } from './repos/sourceFiles';
import { refreshThread } from './repos/threads';

/**
 * Fills in the body of a large message whose original is kept in `file` (relative to the data
 * folder), in one transaction: the text and attachment list are stored, the original is not;
 * a problem reading it (its text cut) is noted on the message.
 * An unreadable one is marked so, its original still in the file. Returns the thread touched.
 */
export function storeLargeBody(
  db: Db,
  messageRowId: number,
  file: string,
  parsed: ParsedMessage | { error: string },
): number | null {
  return db.transaction((): number | null => {
    if ('error' in parsed) return markUnreadableInFile(db, messageRowId, parsed.error, file);
    const threadId = saveBody(db, messageRowId, {
      ok: true,
      text: parsed.text,
      html: parsed.html,
      snippet: parsed.snippet,
      hasAttachments: parsed.hasAttachments,
      problem: null,
    });
    setSourceFile(db, messageRowId, file, parsed.problem ?? null);
    saveAttachments(db, messageRowId, parsed.attachments);
    if (threadId !== null) refreshThread(db, threadId);
    return threadId;
  })();
}
