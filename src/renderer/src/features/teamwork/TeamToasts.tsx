import { useEffect } from 'react';
import { useTeamToasts } from './stores';
import './teamwork.css';

/** How long a toast without an action or deadline stays (ms). */
const LIFETIME_MS = 8000;

/**
 * Toasts with actions: accept a handoff, retry or send again a failed reply, undo a reply in
 * its undo window. Each action is a contract call (`toast.action`) or a local one (Undo).
 */
export function TeamToasts() {
  const toasts = useTeamToasts((s) => s.toasts);
  const { dismiss, act } = useTeamToasts.getState();
  useEffect(() => {
    const timers = toasts.flatMap((t) => {
      const until = t.expiresAt ?? (t.action || t.kind === 'conflict' ? null : Date.now() + LIFETIME_MS);
      return until === null ? [] : [setTimeout(() => dismiss(t.id), Math.max(0, until - Date.now()))];
    });
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  return (
    <div className="toasts tw-toasts" role="region" aria-live="polite" aria-label="Team notifications">
      {toasts.map((t) => {
        const label = t.local?.label ?? t.action?.label;
        return (
          <div
            key={t.id}
            className={`toast ${t.kind}`}
            role={t.kind === 'info' || t.kind === 'sent' ? 'status' : 'alert'}
          >
            <span>{t.message}</span>
            {t.problem && <span className="tw-error"> {t.problem}</span>}
            {label && (
              <button type="button" className="primary" onClick={() => void act(t.id)}>
                {label}
              </button>
            )}
            <button type="button" onClick={() => dismiss(t.id)} aria-label={`Dismiss: ${t.message}`}>
              Dismiss
            </button>
          </div>
        );
      })}
    </div>
  );
}
