import type { CallInput } from '../../../../shared/contract';
import { api } from '../../api';

/** The team policy as last set in the team log (defaults where nobody set one). */
export function loadPolicy() {
  return api['policy.get']({});
}

/** Sets the team policy for everyone; teammates get it with their next sync. */
export function savePolicy(policy: CallInput<'policy.set'>) {
  return api['policy.set'](policy);
}

/** My quiet hours as saved on this computer; null when none are. */
export function loadQuietHours() {
  return api['quietHours.get']({});
}

/** Sets my quiet hours (this computer only), or turns them off with null. */
export function saveQuietHours(quietHours: CallInput<'quietHours.set'>['quietHours']) {
  return api['quietHours.set']({ quietHours });
}

/** The Due soon view's window right now (the team's choice, with business hours applied). */
export function loadDueSoonWindow() {
  return api['views.dueSoon']({});
}
