import { useMemo } from 'react';
import { buildSrcdoc, estimateFrameHeight, FRAME_SANDBOX } from '../../html/frame';
import { sanitizeMessageHtml } from '../../html/sanitize';
import { imagesAllowed, useImagePermissions } from '../../stores/images';

/** Props of one HTML body: the raw HTML, who sent it, and inline parts if known. */
export interface HtmlMessageProps {
  messageId: number;
  sender: string;
  html: string;
  inlineImages?: Record<string, string>;
  title: string;
  /** The person already allowed images for this message or sender (kept by the service). */
  initiallyAllowed?: boolean;
}

/**
 * An HTML body, sanitized and shown in a sandboxed, script-free frame with a strict CSP.
 * Remote images wait for "Load images" (this message) or "Always for this sender".
 */
export function HtmlMessage({
  messageId,
  sender,
  html,
  inlineImages,
  title,
  initiallyAllowed = false,
}: HtmlMessageProps) {
  const allowed = useImagePermissions((s) => initiallyAllowed || imagesAllowed(s, messageId, sender));
  const allowMessage = useImagePermissions((s) => s.allowMessage);
  const allowSender = useImagePermissions((s) => s.allowSender);
  const clean = useMemo(
    () => sanitizeMessageHtml(html, { allowRemoteImages: allowed, inlineImages }),
    [html, allowed, inlineImages],
  );
  const srcdoc = useMemo(() => buildSrcdoc(clean.html, allowed), [clean.html, allowed]);
  return (
    <div className="html-message">
      {clean.blockedImages > 0 && (
        <div className="images-bar" role="group" aria-label="Remote images">
          <span>
            {clean.blockedImages === 1 ? '1 remote image was' : `${clean.blockedImages} remote images were`} blocked to
            protect your privacy.
          </span>
          <button type="button" onClick={() => allowMessage(messageId)}>
            Load images
          </button>
          <button type="button" onClick={() => allowSender(sender)}>
            Always for {sender}
          </button>
        </div>
      )}
      <iframe
        className="message-frame"
        title={title}
        sandbox={FRAME_SANDBOX}
        referrerPolicy="no-referrer"
        srcDoc={srcdoc}
        style={{ height: estimateFrameHeight(clean.html) }}
      />
    </div>
  );
}
