import { useEffect, useState } from 'react';
import type { AttachmentInfo, MessageView } from '../../../../shared/types';
import { inlineAttachment, openAttachment, revealAttachment, saveAttachment } from './messageFiles';
import { errorText } from '../../callErrors';
import { PromptlyError } from '../../../../shared/errors';

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
        inlineAttachment({ messageId: message.id, part: a.part }).then(
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

type AttachmentAction = 'open' | 'save' | 'reveal';

/**
 * The message's attachments: open with the default app, save, or show in the folder
 * (downloaded on demand). One that could run code is never opened: it offers only Save and
 * Show in folder, under a warning naming its real type.
 */
export function Attachments({ message }: { message: MessageView }) {
  const [status, setStatus] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<Record<string, string>>({});
  const files = (message.attachments ?? []).filter((a) => !a.inline);
  if (files.length === 0) return null;
  const run = async (a: AttachmentInfo, how: AttachmentAction) => {
    setStatus(`Fetching ${a.filename || 'the attachment'}…`);
    try {
      if (how === 'open') {
        const r = await openAttachment({ messageId: message.id, part: a.part });
        setStatus(r.opened ? null : `Downloaded to ${r.path}`);
      } else if (how === 'reveal') {
        const r = await revealAttachment({ messageId: message.id, part: a.part });
        setStatus(r.shown ? null : `Downloaded to ${r.path}`);
      } else {
        const r = await saveAttachment({ messageId: message.id, part: a.part });
        setStatus(r.savedTo ? `Saved to ${r.savedTo}` : `Downloaded to ${r.path}`);
      }
    } catch (error) {
      if (error instanceof PromptlyError && error.code === 'dangerous-attachment') {
        setBlocked((b) => ({ ...b, [a.part]: error.message }));
        setStatus(null);
      } else setStatus(errorText(error));
    }
  };
  return (
    <div className="attachments" aria-label="Attachments">
      <ul>
        {files.map((a) => {
          const risk = a.risk ?? blocked[a.part] ?? null;
          const name = a.filename || 'attachment';
          return (
            <li key={a.part} className={risk ? 'risky' : undefined}>
              <span className="attachment-name">{a.filename || '(unnamed)'}</span>{' '}
              <span className="muted">
                {a.contentType}, {size(a.size)}
              </span>{' '}
              {!risk && (
                <button type="button" onClick={() => void run(a, 'open')} aria-label={`Open ${name}`}>
                  Open
                </button>
              )}{' '}
              <button type="button" onClick={() => void run(a, 'save')} aria-label={`Save ${name}`}>
                Save…
              </button>{' '}
              {risk && (
                <button type="button" onClick={() => void run(a, 'reveal')} aria-label={`Show ${name} in folder`}>
                  Show in folder
                </button>
              )}
              {risk && (
                <p className="attachment-warning" role="alert">
                  {risk}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
