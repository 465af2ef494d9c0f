import type { Db } from '../store/db';
import { messageSender } from '../store/repos/messages';
import { getSetting, setSetting } from '../store/repos/settings';

/** Senders and messages whose remote images the person allowed. */
export interface AllowedImages {
  senders: string[];
  messages: number[];
}

const KEY = 'images.allowed';

/** The person's remote-image choices (one setting, read only here). */
export function allowedImages(db: Db): AllowedImages {
  return getSetting<AllowedImages>(db, KEY, { senders: [], messages: [] });
}

/** Records "show images" for one message or for everything from a sender. */
export function allowImages(db: Db, choice: { messageId?: number; sender?: string }): AllowedImages {
  const allowed = allowedImages(db);
  if (choice.sender && !allowed.senders.includes(choice.sender)) allowed.senders.push(choice.sender);
  if (choice.messageId && !allowed.messages.includes(choice.messageId)) allowed.messages.push(choice.messageId);
  setSetting(db, KEY, allowed);
  return allowed;
}

/** Whether remote images of this message may load (its own choice or its sender's). */
export function imagesAllowedFor(allowed: AllowedImages, messageRowId: number, sender: string | null): boolean {
  return allowed.messages.includes(messageRowId) || (sender !== null && allowed.senders.includes(sender));
}

/** The shell's request filter asks this before letting a message's remote content load. */
export function allowsRemoteContent(db: Db, messageRowId: number): boolean {
  return imagesAllowedFor(allowedImages(db), messageRowId, messageSender(db, messageRowId));
}
