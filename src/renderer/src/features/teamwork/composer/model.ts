import type { Collision, Draft, DraftAddress, SendRequest, Template } from '../../../../../shared/outbox';
import type { ComposerKind } from '../composerStore';
import { dateTimeExample } from '../../../localFormats';
import { fromLocalInput, toLocalInput } from '../format';

/** The saved reply a courtesy reply starts from (the service's built-in id). */
const COURTESY_TEMPLATE = 'courtesy';

/** What the person types, as the inputs show it. */
export interface ComposerForm {
  to: string;
  cc: string;
  subject: string;
  text: string;
  /** The text the composer opened with: Esc closes without asking while nothing changed. */
  initialText: string;
  /** The promise date of a courtesy reply, a local "2026-12-24T17:00"; '' while not readable. */
  promise: string;
  /** "Send later" time, a local "2026-12-24T17:00" ('' while not readable); null sends now. */
  later: string | null;
}

/** The one state model of the composer: the draft, the form, and where sending stands. */
export interface ComposerModel {
  draft: Draft | null;
  templates: Template[];
  form: ComposerForm;
  /** Problems the service named per field (`to`, `cc`, `subject`, `text`, `promiseAt`, `sendAt`). */
  fields: Record<string, string>;
  problem: string | null;
  collision: Collision | null;
  discarding: boolean;
  busy: boolean;
}

/** The fields a person can type into. */
export type EditableField = Exclude<keyof ComposerForm, 'initialText'>;

/** Everything that changes the composer's state. */
export type ComposerEvent =
  | { type: 'loaded'; draft: Draft; templates: Template[]; form: ComposerForm }
  | { type: 'templates'; templates: Template[] }
  | { type: 'edit'; field: EditableField; value: string | null }
  | { type: 'sending' }
  | { type: 'collided'; collision: Collision }
  | { type: 'failed'; fields: Record<string, string>; problem: string | null }
  | { type: 'settled' }
  | { type: 'dismiss-collision' }
  | { type: 'discarding'; asking: boolean };

const EMPTY_FORM: ComposerForm = { to: '', cc: '', subject: '', text: '', initialText: '', promise: '', later: null };

/** The state before the draft arrives. */
export const INITIAL_MODEL: ComposerModel = {
  draft: null,
  templates: [],
  form: EMPTY_FORM,
  fields: {},
  problem: null,
  collision: null,
  discarding: false,
  busy: false,
};

/** One address as a person edits it: `Ann Lee <ann@x.example>`. */
export function addressText(a: DraftAddress): string {
  if (!a.name) return a.address;
  const name = /[,;"<>]/.test(a.name) ? `"${a.name.replace(/"/g, '')}"` : a.name;
  return `${name} <${a.address}>`;
}

/**
 * The form a composer opens with: what undo gave back if anything, else the draft's addresses,
 * with a courtesy reply starting from the courtesy saved reply and the default promise date.
 */
export function openingForm(
  draft: Draft,
  templates: readonly Template[],
  kind: ComposerKind,
  restored: SendRequest | null,
): ComposerForm {
  const courtesy = kind === 'courtesy';
  const start = restored?.text ?? (courtesy ? (templates.find((x) => x.id === COURTESY_TEMPLATE)?.body ?? '') : '');
  const promiseAt = restored?.promiseAt ?? (courtesy ? draft.defaultPromiseAt : null);
  return {
    to: restored ? restored.to.join(', ') : draft.to.map(addressText).join(', '),
    cc: restored ? restored.cc.join(', ') : draft.cc.map(addressText).join(', '),
    subject: restored?.subject ?? draft.subject,
    text: start,
    initialText: restored ? '' : start,
    promise: promiseAt ? toLocalInput(promiseAt) : '',
    later: null,
  };
}

/** True when Esc should ask before throwing the text away. */
export function hasUnsavedText(form: ComposerForm): boolean {
  return form.text.trim() !== form.initialText.trim();
}

/** Which problem of the service's each time field answers for. */
const TIME_PROBLEMS: Partial<Record<EditableField, string>> = { promise: 'promiseAt', later: 'sendAt' };

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** The composer's state after one event. */
export function composerReducer(state: ComposerModel, event: ComposerEvent): ComposerModel {
  switch (event.type) {
    case 'loaded':
      return { ...state, draft: event.draft, templates: event.templates, form: event.form };
    case 'templates':
      return { ...state, templates: event.templates };
    case 'edit': {
      // A time being put right no longer shows the problem it had (other fields keep theirs until sent).
      const problem = TIME_PROBLEMS[event.field];
      const fields = problem ? withoutKey(state.fields, problem) : state.fields;
      return { ...state, fields, form: { ...state.form, [event.field]: event.value } };
    }
    case 'sending':
      return { ...state, busy: true, fields: {}, problem: null };
    case 'collided':
      return { ...state, collision: event.collision };
    case 'failed':
      return { ...state, fields: event.fields, problem: event.problem };
    case 'settled':
      return { ...state, busy: false };
    case 'dismiss-collision':
      return { ...state, collision: null };
    case 'discarding':
      return { ...state, discarding: event.asking };
  }
}

/**
 * The composer's times that cannot be read (a day or time typed half-way, or cleared), each
 * named with an example in the person's format: sending then would drop the promise or send
 * at once, so nothing is sent until they are put right.
 */
export function unreadableTimes(form: ComposerForm, kind: ComposerKind, now: number): Record<string, string> {
  const problems: Record<string, string> = {};
  const example = () => dateTimeExample(now);
  if (kind === 'courtesy' && fromLocalInput(form.promise) === null)
    problems.promiseAt = `Write the day and time you promise an answer by, ${example()}.`;
  if (kind !== 'courtesy' && form.later !== null && fromLocalInput(form.later) === null)
    problems.sendAt = `Write the day and time to send it, ${example()}.`;
  return problems;
}
