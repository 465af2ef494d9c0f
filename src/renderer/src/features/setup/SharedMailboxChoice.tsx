/** Whether the person signs in as the shared mailbox itself or as themselves with access to it. */
export interface MailboxChoice {
  delegated: boolean;
  /** The person's own address, when `delegated`. */
  signInAs: string;
}

interface Props {
  value: MailboxChoice;
  onChange: (value: MailboxChoice) => void;
}

/**
 * "Which mailbox does the team share?": the one the person signs in as (the default), or a
 * shared mailbox they open with their own account (Microsoft 365 delegated access), in which
 * case the IMAP and SMTP login is the shared address and the sign-in is theirs.
 */
export function SharedMailboxChoice({ value, onChange }: Props) {
  return (
    <fieldset className="oauth-mailbox">
      <legend>Which mailbox does the team share?</legend>
      <label className="choice">
        <input
          type="radio"
          name="oauth-mailbox"
          checked={!value.delegated}
          onChange={() => onChange({ ...value, delegated: false })}
        />
        The address above: I sign in as it
      </label>
      <label className="choice">
        <input
          type="radio"
          name="oauth-mailbox"
          checked={value.delegated}
          onChange={() => onChange({ ...value, delegated: true })}
        />
        The address above is a shared mailbox I open with my own account (Microsoft 365)
      </label>
      {value.delegated && (
        <label className="field">
          <span>Your own address (you sign in with it)</span>
          <input
            type="email"
            value={value.signInAs}
            autoComplete="email"
            placeholder="you@example.com"
            onChange={(e) => onChange({ ...value, signInAs: e.target.value })}
          />
        </label>
      )}
    </fieldset>
  );
}
