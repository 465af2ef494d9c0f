import { api } from '../../api';

/** Where a message's files are: its attachments by MIME part, and the original as received. */
interface PartRef {
  messageId: number;
  part: string;
}

/** An inline image's bytes as a data URL, fetched on demand. */
export const inlineAttachment = (ref: PartRef) => api['attachment.inline'](ref);
/** Opens an attachment with the system's app for it (after the risk check). */
export const openAttachment = (ref: PartRef) => api['attachment.open'](ref);
/** Shows a downloaded attachment in the file manager. */
export const revealAttachment = (ref: PartRef) => api['attachment.reveal'](ref);
/** Saves an attachment where the person chooses. */
export const saveAttachment = (ref: PartRef) => api['attachment.save'](ref);
/** A message's original source, for a message Promptly could not read. */
export const originalMessage = (messageId: number) => api['message.original']({ messageId });
/** Saves the original as an .eml file where the person chooses. */
export const saveMessageEml = (messageId: number) => api['message.saveEml']({ messageId });
