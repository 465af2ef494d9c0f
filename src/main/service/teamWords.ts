/**
 * What the team engine tells people, in words: a lost race and a handoff offered to me
 * (docs/ARCHITECTURE.md: the server's order decides, and losers are told). Pure.
 */
import type { Toast } from '../../shared/contract';
import type { TeamEvent } from '../../shared/teamEvents';

/** A teammate's display name by address. */
export type NameOf = (address: string) => string;

/** Why my action lost: who changed the thread first, when, and who owns it now. */
export function lostMessage(nameOf: NameOf, winner: string, at: number, ownerNow: string | null): string {
  const time = new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const who = nameOf(winner);
  return ownerNow
    ? `${who} had already changed this conversation at ${time}. ${nameOf(ownerNow)} owns it now.`
    : `${who} had already changed this conversation at ${time}. Nobody owns it now.`;
}

/**
 * The toast for a handoff a teammate offered me, with Accept when the conversation is here;
 * null for any other event (or my own offer).
 */
export function handoffOfferToast(
  event: Partial<TeamEvent> | null,
  me: string | undefined,
  localThread: number | undefined,
  nameOf: NameOf,
  id: string,
): Toast | null {
  if (!event || event.type !== 'handoff.offer' || !me || event.actor === me) return null;
  const payload = event.payload as { to?: string } | undefined;
  if (payload?.to !== me) return null;
  const toast: Toast = {
    id,
    kind: 'handoff',
    message: `${nameOf(event.actor ?? '')} offered you a conversation. It stays with them until you accept.`,
    threadKey: event.thread ?? null,
  };
  if (localThread !== undefined)
    toast.action = { label: 'Accept', call: 'thread.act', args: { id: localThread, action: { type: 'accept' } } };
  return toast;
}
