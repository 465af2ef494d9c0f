import { IdentityForm, QuietHoursForm } from './IdentityForms';
import { PolicyForm } from './PolicyForm';
import { MailboxSettings } from '../onboarding/MailboxSettings';
import { SavedRepliesSettings } from '../savedReplies/SavedRepliesSettings';
import './teamwork.css';

/** The settings screen: the mailbox, who am I, quiet hours, the team policy and saved replies. */
export function TeamSettings() {
  return (
    <section className="tw-settings-page" aria-label="Team settings" id="team-settings" tabIndex={-1}>
      <h1>Settings</h1>
      <MailboxSettings />
      <IdentityForm />
      <QuietHoursForm />
      <PolicyForm />
      <SavedRepliesSettings />
    </section>
  );
}
