import { useEffect, useState } from 'react';
import type { MessageView, ThreadSummary } from '../../../../shared/types';
import { searchThreads } from '../../stores/search';
import { FOCUS } from '../../keymap/actions';
import { useOpenThread } from '../../stores/thread';
import { errorText } from '../../callErrors';
import { addressPieces, customersOf, organisationDomain } from './customer';
import { ageLabel } from '../threads/age';

interface History {
  person: ThreadSummary[];
  organisation: ThreadSummary[];
}

/**
 * The customer beside a conversation: who they are, their other threads, and others from
 * their organisation (same domain), from `threads.search` with `from:` queries.
 */
export function CustomerPanel({
  threadId,
  messages,
  teamAddress,
}: {
  threadId: number;
  messages: MessageView[];
  teamAddress: string | null;
}) {
  const customer = customersOf(messages, teamAddress)[0] ?? null;
  const domain = customer ? organisationDomain(customer.address) : null;
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = useOpenThread((s) => s.open);

  useEffect(() => {
    if (!customer) return;
    let live = true;
    const search = (query: string) => searchThreads(query, 50);
    Promise.all([search(`from:"${customer.address}"`), domain ? search(`from:${domain}`) : Promise.resolve([])])
      .then(([person, org]) => {
        if (!live) return;
        const mine = new Set(person.map((t) => t.id));
        setHistory({
          person: person.filter((t) => t.id !== threadId),
          organisation: org.filter((t) => t.id !== threadId && !mine.has(t.id)),
        });
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [customer?.address, domain, threadId]);

  if (!customer) return null;
  const now = Date.now();
  const list = (threads: ThreadSummary[], label: string) => (
    <ul aria-label={label}>
      {threads.slice(0, 8).map((t) => (
        <li key={t.id}>
          <button type="button" className="link" onClick={() => void open(t.id)}>
            {t.subject || '(no subject)'}
          </button>
          <span className="age">{ageLabel(t.lastMessageAt, now)}</span>
        </li>
      ))}
    </ul>
  );
  const repeat = history !== null && history.person.length > 0;
  return (
    <aside id={FOCUS.customer} className="customer-panel" aria-label="Customer" tabIndex={-1}>
      <h2>{customer.name || customer.address}</h2>
      <div className="address">
        {addressPieces(customer.address).map((piece, i) => (
          <span key={i}>
            {piece}
            <wbr />
          </span>
        ))}
      </div>
      {domain && <div className="org">Organisation: {domain}</div>}
      {repeat && (
        <div className="chip repeat" title="This customer wrote about other things too">
          Repeat contact · {history.person.length + 1} conversations
        </div>
      )}
      {error && <div className="inline-error">{error}</div>}
      {history && history.person.length > 0 && (
        <>
          <h3>Other conversations</h3>
          {list(history.person, 'Other conversations with this customer')}
        </>
      )}
      {history && history.organisation.length > 0 && (
        <>
          <h3>Others at {domain}</h3>
          {list(history.organisation, `Conversations with others at ${domain}`)}
        </>
      )}
      {history && history.person.length === 0 && history.organisation.length === 0 && (
        <p className="muted">First conversation with this customer.</p>
      )}
    </aside>
  );
}
