import { useEffect } from 'react';
import { useToasts } from '../../stores/toasts';

const LIFETIME_MS = 8000;

/**
 * Toasts from the service. Actions (accept a handoff, retry a send) need their calls in the
 * contract; until then a toast offers only "Dismiss".
 */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  useEffect(() => {
    if (toasts.length === 0) return;
    const timers = toasts
      .filter((t) => t.kind === 'info' || t.kind === 'sent')
      .map((t) => setTimeout(() => dismiss(t.id), LIFETIME_MS));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  return (
    <div className="toasts" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'info' ? 'status' : 'alert'}>
          <span>{t.message}</span>
          <button type="button" onClick={() => dismiss(t.id)} aria-label={`Dismiss: ${t.message}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
