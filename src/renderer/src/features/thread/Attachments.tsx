import { useEffect, useState } from 'react';
import type { AttachmentInfo, MessageView } from '../../../../shared/types';
import { api } from '../../api';
import { errorText } from '../../stores/errorText';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Inline (cid:) images of a message as data URLs, fetched on demand through the engine's cache. */
export function useInlineImages(message: MessageView): Record<string, string> | undefined {
  const [images, setImages] = useState<Record<string, string> | undefined>(undefined);
  useEffect(() => {
    const inline = (message.attachments ?? []).filter(
      (a) => a.inline && a.contentId && a.contentType.startsWith('image/'),
    );
    if (!message.html || inline.length === 0) return;
    let live = true;
    void Promise.all(
      inline.map((a) =>
        api['attachment.inline']({ messageId: message.id, part: a.part }).then(
          (r) => [a.contentId ?? '', r.dataUrl] as const,
          () => null,
        ),
      ),
    ).then((pairs) => {
      if (live) setImages(Object.fromEntries(pairs.filter((p): p is readonly [string, string] => p !== null)));
    });
    return () => {
      live = false;
    };
  }, [message.id, message.html, message.attachments]);
  return images;
}

/** The message's attachments: open with the default app or save (downloaded on demand). */
export function Attachments({ message }: { message: MessageView }) {
  const [status, setStatus] = useState<string | null>(null);
  const files = (message.attachments ?? []).filter((a) => !a.inline);
  if (files.length === 0) return null;
  const run = async (a: AttachmentInfo, how: 'open' | 'save') => {
    setStatus(`Fetching ${a.filename || 'the attachment'}…`);
    try {
      if (how === 'open') {
        const r = await api['attachment.open']({ messageId: message.id, part: a.part });
        setStatus(r.opened ? null : `Downloaded to ${r.path}`);
      } else {
        const r = await api['attachment.save']({ messageId: message.id, part: a.part });
        setStatus(r.savedTo ? `Saved to ${r.savedTo}` : `Downloaded to ${r.path}`);
      }
    } catch (error) {
      setStatus(errorText(error));
    }
  };
  return (
    <div className="attachments" aria-label="Attachments">
      <ul>
        {files.map((a) => (
          <li key={a.part}>
            <span className="attachment-name">{a.filename || '(unnamed)'}</span>{' '}
            <span className="muted">
              {a.contentType}, {size(a.size)}
            </span>{' '}
            <button type="button" onClick={() => void run(a, 'open')} aria-label={`Open ${a.filename || 'attachment'}`}>
              Open
            </button>{' '}
            <button type="button" onClick={() => void run(a, 'save')} aria-label={`Save ${a.filename || 'attachment'}`}>
              Save…
            </button>
          </li>
        ))}
      </ul>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
