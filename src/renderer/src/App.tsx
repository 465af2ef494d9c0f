import { useEffect } from 'react';
import { api } from './api';
import { bindTriageKeys } from './keys';
import { useTriage } from './stores/threads';
import { ThreadList } from './features/threads/ThreadList';
import { ThreadView } from './features/thread/ThreadView';

/** The triage window: a status bar, then the list or the open thread. */
export function App() {
  const { info, open, error, syncing, progress, load, refresh, sync, setProgress } = useTriage();

  useEffect(() => {
    void load();
    const offs = [
      api.on('threads.changed', () => void refresh()),
      api.on('sync.progress', (p) => setProgress(p.done >= p.total ? null : p)),
      bindTriageKeys(window),
    ];
    return () => offs.forEach((off) => off());
  }, [load, refresh, setProgress]);

  return (
    <div className="app">
      <header className="status-bar">
        <span className="brand">Promptly</span>
        <span className="mailbox">{info?.mode === 'demo' ? 'Demo mailbox' : (info?.account?.address ?? '')}</span>
        {progress && (
          <span className="progress" role="status">
            Syncing {progress.folder}: {progress.done}/{progress.total}
          </span>
        )}
        {info?.mode !== 'demo' && (
          <button type="button" onClick={() => void sync()} disabled={syncing}>
            {syncing ? 'Syncing…' : 'Sync'}
          </button>
        )}
      </header>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <main>{open ? <ThreadView /> : <ThreadList />}</main>
    </div>
  );
}
