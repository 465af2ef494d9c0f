import { useEffect, useRef, useState } from 'react';
import { snoozeChoices } from './act';
import { moveOut } from './triage';
import { handlePickerKey } from '../../keymap/pickerKeys';
import { fromLocalInput, toLocalInput, whenText } from './format';
import { DateTimeField } from '../../components/DateTimeField';
import { dateTimeExample } from '../../localFormats';
import { ModalDialog } from '../../components/ModalDialog';
import './teamwork.css';

/**
 * `h`: snooze until later today, tomorrow morning, next week, or a chosen time. The thread
 * comes back then with a fresh reminder; a customer reply ends the snooze early.
 */
export function SnoozePicker({
  threadId,
  threadIds = [threadId],
  onClose,
  now = Date.now(),
}: {
  threadId: number;
  /** Every thread to snooze (the marked rows); default: just `threadId`. */
  threadIds?: number[];
  onClose(): void;
  now?: number;
}) {
  const choices = snoozeChoices(now);
  const [custom, setCustom] = useState(toLocalInput(now + 86_400_000));
  const [problem, setProblem] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => first.current?.focus(), []);

  async function snooze(until: number | null) {
    if (until === null) {
      setProblem(`Write the day and time, ${dateTimeExample(now)}.`);
      return;
    }
    if (until <= now) {
      setProblem('Choose a time in the future.');
      return;
    }
    if (await moveOut(threadIds, { type: 'snooze', until })) onClose();
  }

  return (
    <ModalDialog
      className="tw-picker"
      label="Snooze conversation"
      onClose={onClose}
      onKeyDown={(e) => {
        // The choices are buttons: the highlight is the focus, and it follows the keys like every picker's.
        const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.tw-snooze button')];
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
        // In the custom time field the keys edit the time; only Esc is the picker's.
        const inField = at < 0 && document.activeElement instanceof HTMLInputElement;
        handlePickerKey(
          e,
          { index: at, count: inField ? 0 : buttons.length },
          {
            close: onClose,
            move: (i) => buttons[i]?.focus(),
            choose: (i) => void snooze(choices[i]?.until ?? null),
          },
        );
      }}
    >
      <h2>{threadIds.length > 1 ? `Snooze ${threadIds.length} conversations until…` : 'Snooze until…'}</h2>
      <div className="tw-snooze">
        {choices.map((c, i) => (
          <button key={c.id} ref={i === 0 ? first : undefined} type="button" onClick={() => void snooze(c.until)}>
            {c.label} <span className="muted">{whenText(c.until)}</span>
          </button>
        ))}
      </div>
      <form
        className="tw-row dt-row"
        onSubmit={(e) => {
          e.preventDefault();
          void snooze(fromLocalInput(custom));
        }}
      >
        <DateTimeField label="Or until" value={custom} onChange={setCustom} now={now} invalid={problem !== null} />
        <button type="submit">Snooze</button>
      </form>
      {problem && (
        <p role="alert" className="tw-error">
          {problem}
        </p>
      )}
    </ModalDialog>
  );
}
