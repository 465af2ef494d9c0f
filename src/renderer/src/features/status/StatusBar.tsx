import type { AppInfo } from '../../../../shared/types';
import { useSync } from '../../stores/sync';
import { ConnectionLine } from '../onboarding/ConnectionLine';
import { LivePush } from './LivePush';

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  return `${Math.ceil(seconds / 60)} min left`;
}

/** The bottom line: mailbox, sync progress (count, rate, ETA), offline mark, and Sync. */
export function StatusBar({ info }: { info: AppInfo | null }) {
  const { progress, syncing, offline, lastError, syncNow } = useSync();
  const demo = info?.mode === 'demo';
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="mailbox">{demo ? 'Demo mailbox' : (info?.account?.address ?? '')}</span>
      {!demo && <ConnectionLine />}
      {!demo && info?.mode === 'account' && <LivePush />}
      {offline && (
        <span className="offline" role="status" title={lastError ?? undefined}>
          ● Offline — working from this computer; changes sync when the connection returns
        </span>
      )}
      {progress && (
        <span className="progress" role="status" aria-live="polite">
          <progress max={progress.total} value={progress.done} aria-label={`Syncing ${progress.folder}`} />
          Syncing {progress.folder}: {progress.done.toLocaleString()} of {progress.total.toLocaleString()}
          {progress.rate > 0 && ` · ${Math.round(progress.rate).toLocaleString()}/s`}
          {progress.etaSeconds !== null && ` · ${eta(progress.etaSeconds)}`}
        </span>
      )}
      {!offline && lastError && !progress && (
        <span className="inline-error" role="alert">
          {lastError}
        </span>
      )}
      <span className="spacer" />
      <span className="hint">
        <kbd>?</kbd> shortcuts · <kbd>Ctrl K</kbd> commands
      </span>
      {!demo && (
        <button type="button" onClick={() => void syncNow()} disabled={syncing} aria-label="Sync now (Shift S)">
          {syncing ? 'Syncing…' : 'Sync'}
        </button>
      )}
    </footer>
  );
}
