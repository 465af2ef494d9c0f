import type { AccountInput } from '../../shared/schemas';
import type { PromptlyService } from '../service/service';

/** The saved account with its password, for re-testing the connection. */
export async function accountInputFromStore(service: PromptlyService): Promise<AccountInput> {
  const account = service.requireAccount();
  const password = await service.secret(account.secretRef);
  if (password === null) throw new Error('the password for this mailbox is missing; run "account set" again.');
  const { id: _id, secretRef: _ref, ...settings } = account;
  return { ...settings, password };
}
