/**
 * Saved replies: the built-in courtesy reply, variable rendering and the default promise date.
 * Pure: the team's templates and policy come in as values, `now` as a parameter.
 */
import { DateTime } from 'luxon';
import type { Policy } from '../../shared/policy';
import {
  customerFirstName,
  customerFullName,
  TEMPLATE_VARIABLES,
  type Template,
  type TemplateVariable,
} from '../../shared/outbox';
import type { SavedReplyTemplate } from '../../shared/teamEvents';
import { calendarForPolicy } from '../policy/calendar';
import { AppError } from '../appError';

/** The id of the built-in courtesy reply; a team template with this id replaces it. */
export const COURTESY_TEMPLATE_ID = 'courtesy';

/** The courtesy reply a new team starts with (docs/PRODUCT.md, "Courtesy reply"). */
export const BUILT_IN_COURTESY: Template = {
  id: COURTESY_TEMPLATE_ID,
  name: 'Courtesy reply',
  subject: null,
  body: "Hi {{customer.firstName}},\n\nThanks for your message. I'm looking into it and will get back to you by {{promise.date}}.",
  builtIn: true,
  updatedBy: null,
  updatedAt: null,
  pending: false,
};

/**
 * The team's templates for the composer: the log's saved replies by name, with the built-in
 * courtesy reply unless the team saved its own version (under the id or the name "Courtesy reply").
 */
export function teamTemplates(saved: Record<string, SavedReplyTemplate & { pending?: boolean }>): Template[] {
  const list = Object.values(saved).map((t) => ({
    id: t.templateId,
    name: t.name,
    subject: t.subject,
    body: t.body,
    builtIn: false,
    updatedBy: t.updatedBy,
    updatedAt: t.updatedAt,
    pending: t.pending ?? false,
  }));
  const own = list.some((t) => t.id === COURTESY_TEMPLATE_ID || t.name.toLowerCase() === 'courtesy reply');
  return [...(own ? [] : [BUILT_IN_COURTESY]), ...list].sort((a, b) => a.name.localeCompare(b.name));
}

/** Finds a template by id, or by name ignoring case. */
export function findTemplate(templates: readonly Template[], idOrName: string): Template | null {
  const wanted = idOrName.trim().toLowerCase();
  return templates.find((t) => t.id === idOrName) ?? templates.find((t) => t.name.toLowerCase() === wanted) ?? null;
}

/** The courtesy template currently in force (the team's edit, else the built-in). */
export function courtesyTemplate(templates: readonly Template[]): Template {
  return (
    templates.find((t) => t.id === COURTESY_TEMPLATE_ID) ??
    templates.find((t) => t.name.toLowerCase() === 'courtesy reply') ??
    BUILT_IN_COURTESY
  );
}

/** Values for template variables; `promiseAt` is formatted in `timeZone`. */
export interface TemplateContext {
  customer: { name: string; address: string };
  ownerName: string;
  threadSubject: string;
  promiseAt: number;
  timeZone: string;
  locale?: string;
}

/** A rendered text and which variables it used (a used {{promise.date}} makes a promise). */
export interface Rendered {
  text: string;
  used: ReadonlySet<TemplateVariable>;
}

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

/** "Thursday 12 March" in the team's zone: the day a promise is due. */
export function formatPromiseDate(at: number, timeZone: string, locale = 'en-GB'): string {
  return DateTime.fromMillis(at, { zone: timeZone })
    .setLocale(locale)
    .toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
}

function valueOf(variable: TemplateVariable, ctx: TemplateContext): string {
  switch (variable) {
    case 'customer.firstName':
      return customerFirstName(ctx.customer);
    case 'customer.name':
      return customerFullName(ctx.customer);
    case 'owner.name':
      return ctx.ownerName;
    case 'promise.date':
      return formatPromiseDate(ctx.promiseAt, ctx.timeZone, ctx.locale);
    case 'thread.subject':
      return ctx.threadSubject;
  }
}

/** The `{{…}}` names in `text` that are not template variables. */
export function unknownVariables(text: string): string[] {
  const names = [...text.matchAll(VARIABLE)].map((m) => (m[1] ?? '').trim());
  return [...new Set(names.filter((n) => !KNOWN.has(n)))];
}

/**
 * Fills in `{{variable}}`s. An unknown variable is an error before anything is sent, so a
 * customer never sees literal braces.
 */
export function renderTemplate(text: string, ctx: TemplateContext): Rendered {
  const unknown = unknownVariables(text);
  if (unknown.length > 0) {
    const list = unknown.map((n) => `{{${n}}}`).join(', ');
    const message = `The reply uses ${list}, which Promptly does not know. Use one of: ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}.`;
    throw new AppError('template-variable', message, { text: message });
  }
  const used = new Set<TemplateVariable>();
  const rendered = text.replace(VARIABLE, (_match, name: string) => {
    const variable = name.trim() as TemplateVariable;
    used.add(variable);
    return valueOf(variable, ctx);
  });
  return { text: rendered, used };
}

/** When a promised day ends for a team without business hours (local time). */
const WORKDAY_END_HOUR = 17;

/** How many days ahead the default promise looks for a business day before giving up. */
const MAX_DAYS = 400;

/**
 * The default promise of a courtesy reply: the end of the next business day after `now`, per
 * the team calendar (business hours, holidays, zone). Without business hours every day that is
 * not a holiday counts, and the promise is that day's 17:00 local time: an answer promised
 * within working hours, not at midnight.
 */
export function defaultPromiseAt(now: number, policy: Pick<Policy, 'businessHours' | 'holidays' | 'timeZone'>): number {
  const calendar = calendarForPolicy(policy);
  const holidays = new Set(policy.holidays);
  let day = DateTime.fromMillis(now, { zone: policy.timeZone }).startOf('day').plus({ days: 1 });
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    if (holidays.has(day.toISODate() ?? '')) continue;
    if (policy.businessHours === null) return day.set({ hour: WORKDAY_END_HOUR }).toMillis();
    const promise = endOfBusinessDay(day, calendar);
    if (promise !== null) return promise;
  }
  return day.toMillis();
}

/** The end of a given local day's business time, or null when it has none. */
export function endOfBusinessDay(day: DateTime, calendar: ReturnType<typeof calendarForPolicy>): number | null {
  const start = day.startOf('day').toMillis();
  const end = day.startOf('day').plus({ days: 1 }).toMillis();
  const open = calendar.msBetween(start, end);
  if (open <= 0) return null;
  const close = calendar.addMinutes(start, open / 60_000);
  // A day open until midnight is promised for that day, not the next one.
  return close >= end ? end - 60_000 : close;
}

/** A promise for a date the person typed (YYYY-MM-DD): the end of that day's business time. */
export function promiseForDate(date: string, policy: Pick<Policy, 'businessHours' | 'holidays' | 'timeZone'>): number {
  const day = DateTime.fromISO(date, { zone: policy.timeZone });
  if (!day.isValid) throw new AppError('invalid-date', `"${date}" is not a date. Write it as YYYY-MM-DD.`);
  return endOfBusinessDay(day, calendarForPolicy(policy)) ?? day.endOf('day').startOf('minute').toMillis();
}
