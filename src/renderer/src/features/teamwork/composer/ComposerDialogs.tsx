import type { Collision } from '../../../../../shared/outbox';

/** Asks before sending over a teammate's reply. */
export function CollisionPrompt({
  collision,
  onSendAnyway,
  onCancel,
}: {
  collision: Collision;
  onSendAnyway(): void;
  onCancel(): void;
}) {
  return (
    <div className="tw-collision" role="alertdialog" aria-label="A teammate already replied">
      <p>{collision.message}</p>
      <div className="tw-buttons">
        <button type="button" className="primary" autoFocus onClick={onSendAnyway}>
          Send anyway
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Asks before throwing away what was typed. */
export function DiscardPrompt({ onDiscard, onKeep }: { onDiscard(): void; onKeep(): void }) {
  return (
    <div className="tw-collision" role="alertdialog" aria-label="Discard this reply?">
      <p>Discard this reply? What you wrote will be lost.</p>
      <div className="tw-buttons">
        <button type="button" autoFocus onClick={onDiscard}>
          Discard
        </button>
        <button type="button" onClick={onKeep}>
          Keep writing
        </button>
      </div>
    </div>
  );
}
