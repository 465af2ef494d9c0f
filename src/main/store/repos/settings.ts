import type { Db } from '../db';
import { prepared } from '../statements';

/** Reads a local setting (JSON), or the fallback when unset or unreadable. */
export function getSetting<T>(db: Db, key: string, fallback: T): T {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

/** Writes a local setting as JSON. */
export function setSetting(db: Db, key: string, value: unknown): void {
  prepared(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
