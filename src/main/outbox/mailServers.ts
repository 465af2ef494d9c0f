import type { ImapSettings } from '../mail/imap/connect';
import type { SmtpSettings } from '../mail/smtp/transport';
import type { Postman } from './delivery';
import { fileReply, foundInSent } from './filing';
import { submitMessage } from './send';

/**
 * The postman of a real mailbox: SMTP submission, then a copy APPENDed to Sent and \Answered on
 * the customer's message over IMAP. Settings are read at each step, so a changed password or a
 * refreshed token is picked up.
 */
export function mailServersPostman(smtp: () => Promise<SmtpSettings>, imap: () => Promise<ImapSettings>): Postman {
  return {
    submit: async (envelope, raw) => submitMessage(await smtp(), envelope, raw),
    file: async (reply) => fileReply(await imap(), reply),
    sentCheck: async () => {
      const settings = await imap();
      return (messageId) => foundInSent(settings, messageId);
    },
  };
}
