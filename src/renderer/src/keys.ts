import { tinykeys } from 'tinykeys';
import { useTriage } from './stores/threads';

function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Gmail-style triage keys: j/k move, Enter/o open, Esc/u back. Returns the unbind function. */
export function bindTriageKeys(target: Window): () => void {
  const guard = (action: () => void) => (event: KeyboardEvent) => {
    if (typing(event)) return;
    event.preventDefault();
    action();
  };
  const s = () => useTriage.getState();
  return tinykeys(target, {
    j: guard(() => (s().open ? undefined : s().move(1))),
    k: guard(() => (s().open ? undefined : s().move(-1))),
    Enter: guard(() => void s().openSelected()),
    o: guard(() => void s().openSelected()),
    Escape: guard(() => s().close()),
    u: guard(() => s().close()),
  });
}
