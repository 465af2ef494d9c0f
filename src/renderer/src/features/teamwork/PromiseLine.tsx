import type { ListedThread } from '../../../../shared/types';
import { useNow } from './badges';
import { whenText } from './format';

/**
 * The open promise of a thread in words, under its subject: "We promised Gareth an answer by
 * Fri 4 Dec, 17:00", turning due soon and overdue like the row's chip. It stays while the
 * promise is owed, also after the customer writes again and their new message comes due first.
 */
export function PromiseLine({ thread, promisedAt }: { thread: ListedThread; promisedAt: number | null }) {
  const now = useNow();
  const due = thread.due;
  const at = due?.reason === 'promise' ? due.dueAt : promisedAt;
  if (at === null || at === undefined || thread.team.status === 'closed') return null;
  const state = now >= at ? 'overdue' : due?.reason === 'promise' ? due.state : 'calm';
  const customer = thread.from.name || thread.from.address || 'the customer';
  const when = whenText(at);
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
