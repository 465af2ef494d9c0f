import type { ListedThread } from '../../../../shared/types';
import { useNow } from './badges';
import { whenText } from './format';

/**
 * The open promise of a thread in words, under its subject: "We promised Gareth an answer by
 * Fri 4 Dec, 17:00", turning due soon and overdue like the row's chip. Nothing without a promise.
 */
export function PromiseLine({ thread }: { thread: ListedThread }) {
  const now = useNow();
  const due = thread.due;
  if (!due || due.reason !== 'promise') return null;
  const state = now >= due.dueAt ? 'overdue' : due.state;
  const customer = thread.from.name || thread.from.address || 'the customer';
  const when = whenText(due.dueAt);
  const text =
    state === 'overdue'
      ? `Promise overdue: we promised ${customer} an answer by ${when}`
      : `We promised ${customer} an answer by ${when}`;
  return (
    <p className={`tw-promise-line ${state}`} data-state={state} role="note">
      {text}
    </p>
  );
}
