import { nearTimeText } from '../../dates';
import type { DueSoonWindow } from '../../../../shared/policy';
import type { View } from '../../../../shared/team';

/** A span of minutes in words for a view header: "4 h", "90 min", "1 day". */
export function windowText(minutes: number): string {
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 24 || hours % 24 !== 0) return `${hours} h`;
  const days = hours / 24;
  return days === 1 ? '1 day' : `${days} days`;
}

/** The Due soon window in words: "in the next 4 h", "by the end of the business day (17:00)". */
export function windowWords(window: DueSoonWindow, now: number): string {
  return window.kind === 'lead'
    ? `in the next ${windowText(window.minutes)}`
    : `by the end of the business day (${nearTimeText(window.until, now)})`;
}

/** What a view holds, said above its rows; null for views whose name says it all. */
export function viewHeader(view: View, window: DueSoonWindow | null, now = Date.now()): string | null {
  if (view === 'due')
    return window === null
      ? 'Replies and promises coming due soon.'
      : `Replies and promises due ${windowWords(window, now)} (set the window in Team settings).`;
  if (view === 'overdue') return 'Customers waiting past their reply time or a promised date.';
  if (view === 'promised') return 'Answers we promised customers, the earliest promised date first.';
  if (view === 'waiting') return 'We answered; the next move is the customer’s.';
  return null;
}

/** What an empty view says: why it is empty, and what to do next. */
export function emptyViewText(view: View, window: DueSoonWindow | null, now = Date.now()): string {
  switch (view) {
    case 'mine':
      return 'Nothing is yours right now. Take a conversation with a, or look in Unassigned (g u).';
    case 'unassigned':
      return 'Every conversation has an owner.';
    case 'due':
      return window === null ? 'Nothing is coming due.' : `Nothing is due ${windowWords(window, now)}.`;
    case 'overdue':
      return 'Nothing is overdue: every customer has had an answer on time.';
    case 'promised':
      return 'No open promises: every answer we promised has been given. A courtesy reply (c) promises one.';
    case 'waiting':
      return 'No conversation is waiting on a customer.';
    case 'closed':
      return 'No closed conversations yet. Close one with e when it is done.';
    case 'all':
      return 'No conversations yet. Mail appears here as it syncs.';
  }
}
