import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The shell of the app's modal dialogs (the pickers, the shortcut help): it closes on a click
 * outside, keeps its keys from the app's shortcuts (`data-keys-off`), and gives the focus back
 * on closing to what had it when it opened.
 */
export function ModalDialog({
  label,
  className,
  onClose,
  onKeyDown,
  children,
}: {
  label: string;
  className: string;
  onClose(): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  children: ReactNode;
}) {
  // Read while rendering: by the time effects run, the dialog's own field already has the focus.
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => before?.focus?.(), [before]);
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        className={`dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
        data-keys-off
      >
        {children}
      </div>
    </div>
  );
}
