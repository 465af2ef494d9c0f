import { create } from 'zustand';

/** Saves the choice in the service; loaded lazily so pages without the engine (test fixtures) still load. */
function persist(args: { messageId: number } | { sender: string }): void {
  void import('../api').then(({ api }) => api['images.allow'](args)).catch(() => undefined);
}

/**
 * Which messages and senders may load remote images. The choice is saved by the service
 * (`images.allow`, which the desktop's request filter also reads); this store shows it at
 * once, before the next `thread.get` carries `imagesAllowed`.
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
    persist({ messageId: id });
  },
  allowSender(address) {
    set((s) => ({ senders: { ...s.senders, [address.toLowerCase()]: true } }));
    persist({ sender: address.toLowerCase() });
  },
}));

/** Whether remote images may load for this message from this sender. */
export function imagesAllowed(state: ImagePermissionState, messageId: number, sender: string): boolean {
  return state.messages[messageId] === true || state.senders[sender.toLowerCase()] === true;
}
