import { useEffect, useState } from 'react';
import type { LiveSyncStatus } from '../../../../shared/types';
import { followLiveSync } from '../../stores/liveSync';
import { connectionText } from './connectionWords';
import { SignedOutLine } from './SignedOutLine';
import { useApp } from './appStore';

/** The connection state, ticking down to the next attempt while retrying. */
export function ConnectionLine() {
  const connection = useApp((s) => s.connection);
  const [now, setNow] = useState(() => Date.now());
  const [push, setPush] = useState<LiveSyncStatus | null>(null);
  useEffect(() => followLiveSync(setPush), []);
  useEffect(() => {
    if (connection.state !== 'retrying') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [connection.state]);
  if (connection.state === 'signed-out') return <SignedOutLine message={connection.message} />;
  const text = connectionText(connection, now, push ?? undefined);
  if (!text) return null;
  return (
    <span className={`connection-line ${connection.state}`} role="status">
      {text}
      {connection.state === 'retrying' && (
        <>
          {' '}
          <button type="button" className="link" onClick={() => void useApp.getState().retryConnection()}>
            Try now
          </button>
        </>
      )}
    </span>
  );
}
