import type { CallInput } from '../../../../shared/contract';
import { api } from '../../api';
import { useApp } from './appStore';

/** The mailbox's settings as setup and Settings → Mailbox send them. */
type AccountInput = CallInput<'account.save'>;

/** The servers a provider publishes for an address (autoconfig, SRV, guesses). */
export function discoverSettings(address: string) {
  return api['account.discover']({ address });
}

/** Signs in to both servers with these settings without saving them. */
export function testAccount(input: AccountInput) {
  return api['account.test'](input);
}

/** Tests, then saves: settings the servers refuse are never half-saved. */
export function saveAccount(input: AccountInput) {
  return api['account.save'](input);
}

/** Keeps settings the servers could not confirm; the app keeps trying to connect. */
export function saveAccountLater(input: AccountInput) {
  return api['account.saveLater'](input);
}

/** Signs in again with the saved settings (Settings → Mailbox, "Test connection"). */
export function testSavedAccount() {
  return api['account.testSaved']({});
}

/** Forgets the mailbox on this computer, then shows what the app is now (setup). */
export async function removeMailbox(): Promise<void> {
  await api['account.remove']({});
  await useApp.getState().load();
}
