import { create } from 'zustand';

/**
 * Which messages and senders may load remote images. Kept only for this session: the
 * "always for this sender" choice belongs in the service (requested: `senders.allowImages`),
 * so no truth is stored in the renderer.
 */
interface ImagePermissionState {
  messages: Record<number, true>;
  senders: Record<string, true>;
  allowMessage(id: number): void;
  allowSender(address: string): void;
}

/** The image permission store. */
export const useImagePermissions = create<ImagePermissionState>((set) => ({
  messages: {},
  senders: {},
  allowMessage(id) {
    set((s) => ({ messages: { ...s.messages, [id]: true } }));
  },
  allowSender(address) {
    set((s) => ({ senders: { ...s.senders, [address.toLowerCase()]: true } }));
  },
}));

/** Whether remote images may load for this message from this sender. */
export function imagesAllowed(state: ImagePermissionState, messageId: number, sender: string): boolean {
  return state.messages[messageId] === true || state.senders[sender.toLowerCase()] === true;
}
