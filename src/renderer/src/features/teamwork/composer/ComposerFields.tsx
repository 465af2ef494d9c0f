import { DateTimeField } from '../../../components/DateTimeField';
import type { ComposerForm, EditableField } from './model';

/** Ids and error wiring shared by the composer's inputs. */
export interface FieldWiring {
  id(name: string): string;
  fields: Record<string, string>;
}

/** The service's problem with one field, announced and tied to its input. */
export function FieldError({ name, wiring }: { name: string; wiring: FieldWiring }) {
  const message = wiring.fields[name];
  if (!message) return null;
  return (
    <span id={wiring.id(`${name}-error`)} className="tw-error" role="alert">
      {message}
    </span>
  );
}

/** The aria attributes that tie an input to its problem, if it has one. */
export function invalidProps(name: string, wiring: FieldWiring) {
  const bad = Boolean(wiring.fields[name]);
  return {
    'aria-invalid': bad ? true : undefined,
    'aria-describedby': bad ? wiring.id(`${name}-error`) : undefined,
  };
}

const ADDRESS_FIELDS = [
  ['to', 'To'],
  ['cc', 'Cc'],
  ['subject', 'Subject'],
] as const;

/**
 * To, Cc and Subject (read-only for a courtesy reply, which answers the customer alone), and the
 * promise date of a courtesy reply.
 */
export function ComposerFields({
  form,
  courtesy,
  wiring,
  edit,
  now,
}: {
  form: ComposerForm;
  courtesy: boolean;
  wiring: FieldWiring;
  edit(field: EditableField, value: string): void;
  /** The day picker starts from the day this falls on. */
  now: number;
}) {
  const { id } = wiring;
  return (
    <>
      {ADDRESS_FIELDS.map(([name, label]) => (
        <FieldRow key={name} label={label} htmlFor={id(name)}>
          <input
            id={id(name)}
            value={form[name]}
            onChange={(e) => edit(name, e.target.value)}
            readOnly={courtesy}
            {...invalidProps(name, wiring)}
          />
          <FieldError name={name} wiring={wiring} />
        </FieldRow>
      ))}
      {courtesy && (
        <>
          <DateTimeField
            label="Promise an answer by"
            value={form.promise}
            onChange={(value) => edit('promise', value)}
            now={now}
            invalid={Boolean(wiring.fields.promiseAt)}
            describedBy={id('promise-hint')}
          />
          <span
            id={id('promise-hint')}
            className={wiring.fields.promiseAt ? 'tw-error' : 'muted tw-hint'}
            role={wiring.fields.promiseAt ? 'alert' : undefined}
          >
            {wiring.fields.promiseAt ?? 'Default: the end of the next business day, by the team’s calendar.'}
          </span>
        </>
      )}
    </>
  );
}

function FieldRow({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </>
  );
}
