import { useSync } from '../../stores/sync';
import { connectionText } from './connectionWords';
import { useApp } from './appStore';

/** "12 s left" / "3 min left" for the first sync's estimate. */
function timeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  return seconds < 60 ? ` · ${Math.ceil(seconds)} s left` : ` · ${Math.ceil(seconds / 60)} min left`;
}

/** The first sync while "who are you" is asked: count, rate and time left, or the connection state. */
export function FirstSync() {
  const progress = useSync((s) => s.progress);
  const connection = useApp((s) => s.connection);
  const text = progress
    ? `Fetching ${progress.folder}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}` +
      (progress.rate > 0 ? ` · ${Math.round(progress.rate).toLocaleString()}/s` : '') +
      timeLeft(progress.etaSeconds)
    : connectionText(connection, Date.now());
  if (!text) return null;
  return (
    <p className="first-sync" role="status" aria-label="First sync">
      {progress && <progress max={progress.total} value={progress.done} />}
      {text}
    </p>
  );
}
