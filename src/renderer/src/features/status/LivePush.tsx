import { useEffect, useState } from 'react';
import type { LiveSyncStatus } from '../../../../shared/types';
import { followLiveSync, setWindowFocused } from '../../stores/liveSync';

/**
 * The sync panel's word on push: nothing while every folder pushes; otherwise how often
 * Promptly checks and why (no IDLE or NOTIFY, the account's connection limit, the setting).
 * It also tells live sync whether the window is in front, where checks come faster.
 */
export function LivePush() {
  const [live, setLive] = useState<LiveSyncStatus | null>(null);
  useEffect(() => {
    const off = followLiveSync(setLive);
    const onFocus = () => setWindowFocused(true);
    const onBlur = () => setWindowFocused(false);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    if (document.hasFocus()) onFocus();
    return () => {
      off();
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
  if (!live?.note || live.push === 'off') return null;
  const limited = live.reason === 'too-many-connections' || live.reason === 'server-busy';
  return (
    <span className={limited ? 'live-push limited' : 'live-push'} role="status" title={live.note}>
      {limited ? '◐' : '○'} {live.note}
    </span>
  );
}
