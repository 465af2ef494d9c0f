import {
  customerFirstName,
  customerFullName,
  TEMPLATE_VARIABLES,
  type TemplateVariable,
} from '../../../../shared/outbox';
import type { ListedThread } from '../../../../shared/types';

/** What each variable stands for, in words for the picker. */
export const VARIABLE_WORDS: Record<TemplateVariable, string> = {
  'customer.firstName': 'Customer’s first name',
  'customer.name': 'Customer’s full name',
  'owner.name': 'Who owns the conversation',
  'promise.date': 'The promised reply date',
  'thread.subject': 'The conversation’s subject',
};

/** The sample a saved reply is previewed with in Settings (the composer uses the real thread). */
export interface PreviewSample {
  customer: { name: string; address: string };
  ownerName: string;
  subject: string;
  promiseAt: number;
}

/** The customer a saved reply is previewed with when no conversation is open. */
export const SAMPLE_CUSTOMER = 'Ivy Park';

/** The conversation a preview is written for: a list row, with its team part when known. */
export type PreviewThread = Pick<ListedThread, 'from' | 'subject'> & Partial<Pick<ListedThread, 'team' | 'due'>>;

/**
 * What the preview fills in: the customer, owner, subject and promise of the conversation
 * highlighted in the list (what that reply would really say), else a sample customer.
 */
export function previewSampleFor(open: PreviewThread | null, now: number): PreviewSample & { sample: boolean } {
  const tomorrow = now + 86_400_000;
  if (!open)
    return {
      customer: { name: SAMPLE_CUSTOMER, address: 'ivy@example.com' },
      ownerName: 'you',
      subject: 'Brake pads for order 1042',
      promiseAt: tomorrow,
      sample: true,
    };
  return {
    customer: { name: open.from.name, address: open.from.address },
    ownerName: open.team?.ownerName ?? 'you',
    subject: open.subject,
    promiseAt: open.due?.reason === 'promise' ? open.due.dueAt : tomorrow,
    sample: false,
  };
}

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

/** The text with the sample's values filled in; an unknown variable is named so it can be fixed. */
export function previewText(body: string, sample: PreviewSample): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const values: Record<TemplateVariable, string> = {
    'customer.firstName': customerFirstName(sample.customer),
    'customer.name': customerFullName(sample.customer),
    'owner.name': sample.ownerName,
    'promise.date': new Date(sample.promiseAt).toLocaleDateString('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    }),
    'thread.subject': sample.subject,
  };
  const text = body.replace(VARIABLE, (whole, name: string) => {
    if (KNOWN.has(name)) return values[name as TemplateVariable];
    unknown.push(name);
    return whole;
  });
  return { text, unknown };
}

/** Inserts `{{name}}` at the caret of a text, returning the new text and caret. */
export function insertVariable(
  text: string,
  start: number,
  end: number,
  name: TemplateVariable,
): { text: string; caret: number } {
  const token = `{{${name}}}`;
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}

/** An unfinished `{{…` just before the caret, and the variables it could become. */
export interface VariableCompletion {
  /** Where the `{{` starts. */
  start: number;
  matches: TemplateVariable[];
}

/**
 * The variables offered while typing: after `{{` (and any part of a name) with no `}}` yet,
 * those whose name contains what was typed, case ignored; null when the caret is not in one.
 */
export function variableCompletion(text: string, caret: number): VariableCompletion | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0) return null;
  const typed = before.slice(open + 2);
  if (!/^[\w.]*$/.test(typed)) return null;
  const wanted = typed.toLowerCase();
  const matches = TEMPLATE_VARIABLES.filter((v) => v.toLowerCase().includes(wanted));
  return matches.length > 0 ? { start: open, matches } : null;
}

/** Completes the unfinished variable before the caret with `name`. */
export function completeVariable(
  text: string,
  caret: number,
  completion: VariableCompletion,
  name: TemplateVariable,
): { text: string; caret: number } {
  return insertVariable(text, completion.start, caret, name);
}
