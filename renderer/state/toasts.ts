// Transient notices at the bottom of the window. An action (Undo, Open) is optional; errors stay
// until dismissed, everything else fades after a few seconds — but not while the pointer or focus
// is on the stack (someone reading or reaching for Undo): those fade a moment after it leaves.
import { create } from 'zustand';

export interface Toast {
  id: number;
  tone: 'info' | 'success' | 'error';
  title: string;
  detail?: string;
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>, timeoutMs?: number): number;
  dismiss(id: number): void;
  /** The pointer or keyboard focus is on the stack: nothing fades until it leaves. */
  hold(held: boolean): void;
}

const AFTER_HOLD_MS = 2000;
let held = false;
/** Toasts whose time ran out while held. */
const expired = new Set<number>();

let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(toast, timeoutMs) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    const timeout = timeoutMs ?? (toast.tone === 'error' ? 0 : 5000);
    if (timeout > 0)
      setTimeout(() => {
        if (held) expired.add(id);
        else get().dismiss(id);
      }, timeout);
    return id;
  },
  dismiss(id) {
    expired.delete(id);
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
  hold(next) {
    held = next;
    if (next) return;
    const due = [...expired];
    expired.clear();
    if (due.length === 0) return;
    setTimeout(() => {
      for (const id of due) {
        if (held) expired.add(id);
        else get().dismiss(id);
      }
    }, AFTER_HOLD_MS);
  },
}));
