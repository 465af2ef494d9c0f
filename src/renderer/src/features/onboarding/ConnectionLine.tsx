import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../../../shared/connection';
import { SignedOutLine } from './SignedOutLine';
import { useApp } from './appStore';

/** Seconds until `at`, for "next try in 12 s"; never below zero. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The connection state in words. */
export function connectionText(c: ConnectionState, now: number): string {
  switch (c.state) {
    case 'none':
      return '';
    case 'connecting':
      return 'Signing in and fetching mail…';
    case 'live':
      return 'Connected, new mail arrives by itself';
    case 'retrying':
      return `Not connected: ${c.message} Trying again in ${secondsUntil(c.nextAttemptAt, now)} s (attempt ${c.attempt}).`;
    case 'signed-out':
      return c.message;
  }
}

/** The connection state, ticking down to the next attempt while retrying. */
export function ConnectionLine() {
  const connection = useApp((s) => s.connection);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (connection.state !== 'retrying') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [connection.state]);
  if (connection.state === 'signed-out') return <SignedOutLine message={connection.message} />;
  const text = connectionText(connection, now);
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
