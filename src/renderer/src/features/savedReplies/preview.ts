import { TEMPLATE_VARIABLES, type TemplateVariable } from '../../../../shared/outbox';

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
  customerName: string;
  ownerName: string;
  subject: string;
  promiseAt: number;
}

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

/** The text with the sample's values filled in; an unknown variable is named so it can be fixed. */
export function previewText(body: string, sample: PreviewSample): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const values: Record<TemplateVariable, string> = {
    'customer.firstName': sample.customerName.split(/\s+/)[0] ?? '',
    'customer.name': sample.customerName,
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
