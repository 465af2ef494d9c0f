import { dayText } from '../../dates';

/** Compact age for list rows: "now", "5m", "3h", "2d", or a date for older mail. */
export function ageLabel(then: number, now: number): string {
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 14) return `${days}d`;
  return dayText(then);
}
