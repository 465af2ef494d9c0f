import { dateTimeText, nearTimeText } from '../../dates';
import { PromptlyError } from '../../../../shared/errors';

/** Whole minutes, hours or days between two instants, worded for a countdown ("3 h", "20 min"). */
export function spanText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'less than 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** The due chip's words: "due in 3 h" before the deadline, "overdue 20 min" after it. */
export function dueText(dueAt: number, now: number): string {
  return dueAt > now ? `due in ${spanText(dueAt - now)}` : `overdue ${spanText(now - dueAt)}`;
}

/**
 * A promise chip's words: "Promised 17:00" today, "Promised Fri 17:00" within a week, else
 * "Promised 4 Dec 17:00"; in the person's own locale and time zone.
 */
export function promiseChipText(dueAt: number, now: number): string {
  return `Promised ${nearTimeText(dueAt, now)}`;
}

/** Up to two initials of a name, or of an address's local part when there is no name. */
export function initialsOf(name: string | null, address: string | null): string {
  const source = (name && name.trim()) || (address ?? '').split('@')[0] || '?';
  const words = source.split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [source];
  return letters
    .map((w) => (w ?? '').slice(0, words.length > 1 ? 1 : 2))
    .join('')
    .toUpperCase();
}

/** A short local date and time ("Tue 14 Jan, 09:00"). */
export function whenText(at: number): string {
  return dateTimeText(at);
}

/** A 0..1 share as a whole percentage, or null when there is nothing to judge. */
export function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** Field problems of a failed call keyed by their top-level field ("to.0" → "to"). */
export function fieldProblems(error: unknown): Record<string, string> {
  if (!(error instanceof PromptlyError) || !error.fields) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const key = path.split('.')[0] ?? path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/** Splits an address field as typed ("a@x, Bob <b@y>") into entries, keeping display names. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n](?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A local date-and-time value ("2026-12-24T17:30", what DateTimeField holds) for an instant. */
export function toLocalInput(at: number): string {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** The instant a local date-and-time value names, or null when empty or invalid. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const at = new Date(value).getTime();
  return Number.isNaN(at) ? null : at;
}
