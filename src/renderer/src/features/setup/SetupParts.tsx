import type { ConnectionReport } from '../../../../shared/types';
import type { DiscoveryResult } from '../../../../shared/discovery';
import { PRESETS } from './presets';
import { sourceText, UNREACHABLE_CODES } from './setupForm';

/** Where the settings came from, and a word when the provider prefers signing in through its page. */
export function DiscoveryNote({ found }: { found: DiscoveryResult | null }) {
  if (!found) return null;
  return (
    <>
      <p className={`discovery ${found.source === 'none' ? 'bad' : 'ok'}`} role="status">
        {sourceText(found)}
      </p>
      {found.settings.auth === 'oauth2' && (
        <p className="note">
          {found.settings.oauthProvider === 'google' ? 'Google' : 'Microsoft 365'} mailboxes usually sign in through the
          provider’s page in your browser. Where an app password is allowed, enter it above.
        </p>
      )}
    </>
  );
}

/** A list of known providers that fills in the servers, with the provider's own advice. */
export function ProviderPicker(props: {
  preset: string;
  found: DiscoveryResult | null;
  onChoose: (id: string) => void;
}) {
  const note = PRESETS.find((p) => p.id === props.preset)?.note;
  return (
    <>
      <label className="field">
        <span>Provider</span>
        <select value={props.preset} onChange={(e) => props.onChoose(e.target.value)}>
          <option value="">
            {props.found && props.found.source !== 'none' ? 'As found above' : 'Other (enter by hand)'}
          </option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {note && <p className="note">{note}</p>}
    </>
  );
}

/** Both servers failed or one did because it could not be reached (not because it said no). */
function unreachable(report: ConnectionReport): boolean {
  const failed = [report.imap, report.smtp].filter((s) => !s.ok);
  return failed.length > 0 && failed.every((s) => UNREACHABLE_CODES.has(s.code ?? ''));
}

/** What each server said; when nothing was saved, why, and "Save and connect later" if a server is only away. */
export function ConnectionReportView(props: { report: ConnectionReport | null; busy: boolean; onLater: () => void }) {
  const { report } = props;
  if (!report) return null;
  return (
    <>
      <ul className="connection-report" aria-label="Connection test" role="status">
        <li className={report.imap.ok ? 'ok' : 'bad'}>IMAP: {report.imap.message}</li>
        <li className={report.smtp.ok ? 'ok' : 'bad'}>SMTP: {report.smtp.message}</li>
      </ul>
      {!report.ok && !props.busy && (
        <div className="not-saved" role="alert">
          <p>
            <strong>Nothing was saved.</strong>{' '}
            {unreachable(report)
              ? 'The server could not be reached from here. If the settings are right, save them and Promptly keeps trying to connect.'
              : 'Fix what the test says and connect again.'}
          </p>
          {unreachable(report) && (
            <button type="button" onClick={props.onLater}>
              Save and connect later
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** Back; then Continue (look the settings up) or, with the servers shown, Test connection and Connect. */
export function SetupActions(props: {
  phase: 'address' | 'servers';
  busy: 'find' | 'test' | 'save' | 'later' | null;
  onBack?: () => void;
  onByHand: () => void;
  onTest: () => void;
}) {
  const { phase, busy } = props;
  return (
    <div className="actions">
      {props.onBack && (
        <button type="button" onClick={props.onBack} disabled={busy !== null}>
          Back
        </button>
      )}
      {phase === 'address' ? (
        <>
          <button type="button" onClick={props.onByHand} disabled={busy !== null}>
            Enter settings by hand
          </button>
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'find' ? 'Looking up settings…' : 'Continue'}
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={props.onTest} disabled={busy !== null}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'save' ? 'Connecting…' : 'Connect'}
          </button>
        </>
      )}
    </div>
  );
}
