import { create } from 'zustand';
import type { Toast } from '../../../shared/contract';

/** Toasts on screen; the service sends them, the person dismisses them. */
interface ToastState {
  toasts: Toast[];
  push(toast: Toast): void;
  dismiss(id: string): void;
}

/** The toast store (newest last, at most five kept). */
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push(toast) {
    set((s) => ({ toasts: [...s.toasts.filter((t) => t.id !== toast.id), toast].slice(-5) }));
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));
