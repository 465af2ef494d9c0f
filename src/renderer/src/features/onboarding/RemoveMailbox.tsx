import { useState } from 'react';
import type { AccountView } from '../../../../shared/types';
import { errorText } from '../../callErrors';
import { removeMailbox } from './mailboxStore';

/** Asks before removing the mailbox, saying plainly what stays on the server and what goes. */
export function RemoveMailbox({ account, onCancel }: { account: AccountView; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function remove() {
    setBusy(true);
    setProblem(null);
    try {
      await removeMailbox();
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  }
  return (
    <div className="remove-mailbox" role="alertdialog" aria-labelledby="remove-title" aria-describedby="remove-what">
      <h3 id="remove-title">Remove {account.address} from this computer?</h3>
      <div id="remove-what">
        <p>
          <strong>Kept:</strong> all mail, ownership, notes and promises on the mail server. Your teammates keep working
          as before, and you can connect this mailbox again later.
        </p>
        <p>
          <strong>Deleted on this computer:</strong> the local copy of the mail, the saved password, who you are, and
          replies in the Outbox that were not sent yet.
        </p>
      </div>
      {problem && (
        <p className="tw-error" role="alert">
          {problem}
        </p>
      )}
      <div className="tw-buttons">
        <button type="button" onClick={onCancel} autoFocus disabled={busy}>
          Keep the mailbox
        </button>
        <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
          {busy ? 'Removing…' : 'Remove from this computer'}
        </button>
      </div>
    </div>
  );
}
