import type { LiveSyncSettings, LiveSyncStatus } from '../../shared/types';
import type { Explained } from '../mail/connectionErrors';
import { TOO_MANY_CONNECTIONS } from '../mail/connectionErrors';
import type { PushMode } from '../mail/imap/watch';
import type { Db } from '../store/db';
import { getSetting } from '../store/repos/settings';

/** The connection budget and check interval when nobody changed them (README "Connections"). */
export const DEFAULT_LIVE_SETTINGS: LiveSyncSettings = { maxConnections: 2, pollSeconds: 30 };

/** While the window is in front, checks come at least this often. */
export const FOCUSED_POLL_SECONDS = 10;

/** What live sync knows at one moment; {@link describeLive} turns it into words. */
export interface LiveFacts {
  running: boolean;
  /** The watching connection's push mode, or null while it has none. */
  push: PushMode | null;
  /** Why the watching connection is down, or why the last pass could not connect. */
  problem: Explained | null;
  settings: LiveSyncSettings;
  pollSeconds: number;
  connections: number;
  now: number;
}

/**
 * Says how this Promptly hears about changes and, when push is slow or missing, why and
 * how often it checks instead, in the words `status` and the sync panel show.
 */
export function describeLive(f: LiveFacts): LiveSyncStatus {
  const base = {
    pollSeconds: f.pollSeconds,
    backgroundPollSeconds: f.settings.pollSeconds,
    connections: f.connections,
    maxConnections: f.settings.maxConnections,
    updatedAt: f.now,
  };
  const every = `Promptly checks every ${f.pollSeconds} seconds instead of instantly.`;
  if (!f.running) return { ...base, push: 'off', note: null, reason: null };
  if (f.problem && (f.problem.code === 'too-many-connections' || f.problem.code === 'server-busy')) {
    const note =
      f.problem.code === 'too-many-connections'
        ? `${TOO_MANY_CONNECTIONS} ${every}`
        : `${f.problem.message} Until then, ${every.charAt(0).toLowerCase()}${every.slice(1)}`;
    return { ...base, push: f.push ?? 'poll', note, reason: f.problem.code };
  }
  if (f.push === 'notify') return { ...base, push: 'notify', note: null, reason: null };
  if (f.push === 'idle')
    return {
      ...base,
      push: 'idle',
      note: `The mail server pushes new mail in INBOX at once, but not in Sent or the team log (no NOTIFY): those are checked every ${f.pollSeconds} seconds.`,
      reason: 'idle-only',
    };
  if (f.push === 'poll')
    return {
      ...base,
      push: 'poll',
      note: `The mail server does not push changes (no IDLE). ${every}`,
      reason: 'no-push',
    };
  if (f.settings.maxConnections < 2)
    return {
      ...base,
      push: 'poll',
      note: `Promptly may use only one connection to the mail server (Settings), so it cannot wait for push. ${every}`,
      reason: 'setting',
    };
  return {
    ...base,
    push: 'poll',
    note: f.problem ? `${f.problem.message} ${every}` : null,
    reason: f.problem ? 'network' : null,
  };
}

/** The connection budget and check interval as saved (Settings, `sync --max-connections`). */
export function liveSettings(db: Db): LiveSyncSettings {
  return { ...DEFAULT_LIVE_SETTINGS, ...getSetting<Partial<LiveSyncSettings>>(db, 'sync.settings', {}) };
}

/**
 * The live-sync status the running engine last stored (it may be another process, such as
 * `sync`), or "off" with the saved settings when none ever ran.
 */
export function storedLiveStatus(db: Db, now: number): LiveSyncStatus {
  const settings = liveSettings(db);
  const off = describeLive({
    running: false,
    push: null,
    problem: null,
    settings,
    pollSeconds: settings.pollSeconds,
    connections: 0,
    now,
  });
  return getSetting<LiveSyncStatus>(db, 'sync.liveStatus', off);
}
