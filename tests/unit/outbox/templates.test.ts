import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  defaultPromiseAt,
  formatPromiseDate,
  promiseForDate,
  renderTemplate,
  teamTemplates,
  courtesyTemplate,
} from '../../../src/main/outbox/templates';
import { DEFAULT_POLICY, type Policy } from '../../../src/shared/policy';

const ctx = {
  customer: { name: 'Doe, Jane', address: 'jane@x.example' },
  ownerName: 'Alice',
  threadSubject: 'Broken wheel',
  promiseAt: Date.UTC(2026, 2, 12, 16, 0),
  timeZone: 'Europe/Berlin',
};

const nineToFive = { start: '09:00', end: '17:00' };
const weekdays: Policy = {
  ...DEFAULT_POLICY,
  timeZone: 'Europe/Berlin',
  holidays: ['2026-03-16'],
  businessHours: {
    mon: [nineToFive],
    tue: [nineToFive],
    wed: [nineToFive],
    thu: [nineToFive],
    fri: [nineToFive],
    sat: [],
    sun: [],
  },
};

describe('templates', () => {
  it('renders every variable', () => {
    const out = renderTemplate(
      'Hi {{customer.firstName}} ({{ customer.name }}), {{owner.name}} on "{{thread.subject}}" by {{promise.date}}.',
      ctx,
    );
    expect(out.text).toBe('Hi Jane (Doe, Jane), Alice on "Broken wheel" by Thursday 12 March.');
    expect([...out.used]).toContain('promise.date');
  });

  it('an unknown variable is an error, never literal braces', () => {
    expect(() => renderTemplate('Hi {{customer.nick}}', ctx)).toThrow(
      expect.objectContaining({ code: 'template-variable', message: expect.stringContaining('{{customer.nick}}') }),
    );
  });

  it('the courtesy template is built in unless the team saved its own', () => {
    expect(courtesyTemplate(teamTemplates({})).builtIn).toBe(true);
    const own = teamTemplates({
      t: {
        templateId: 'courtesy',
        name: 'Courtesy reply',
        subject: null,
        body: 'Back by {{promise.date}}!',
        updatedBy: 'a@x.example',
        updatedAt: 0,
        uid: 1,
      },
    });
    expect(courtesyTemplate(own).body).toBe('Back by {{promise.date}}!');
  });

  it('the default promise is the end of the next business day in the team zone', () => {
    const friday = DateTime.fromISO('2026-03-13T15:00', { zone: 'Europe/Berlin' }).toMillis();
    // Monday 16 March is a holiday: Tuesday 17:00 Berlin.
    expect(DateTime.fromMillis(defaultPromiseAt(friday, weekdays), { zone: 'Europe/Berlin' }).toISO()).toBe(
      '2026-03-17T17:00:00.000+01:00',
    );
    // Without business hours: tomorrow, 17:00 local (within working hours, not at midnight).
    const tuesday = DateTime.fromISO('2026-03-10T22:30', { zone: 'America/New_York' }).toMillis();
    const promise = defaultPromiseAt(tuesday, { ...DEFAULT_POLICY, timeZone: 'America/New_York' });
    expect(DateTime.fromMillis(promise, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      '2026-03-11 17:00',
    );
    expect(formatPromiseDate(promise, 'America/New_York')).toBe('Wednesday 11 March');
  });

  it("a typed promise date ends with that day's business hours", () => {
    expect(
      DateTime.fromMillis(promiseForDate('2026-03-18', weekdays), { zone: 'Europe/Berlin' }).toFormat('HH:mm'),
    ).toBe('17:00');
    expect(() => promiseForDate('next week', weekdays)).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
});
