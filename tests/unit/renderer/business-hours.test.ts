import { describe, expect, it } from 'vitest';
import {
  addStretch,
  draftOf,
  hoursOf,
  hoursProblems,
  openDay,
  type DraftHours,
} from '../../../src/renderer/src/features/settings/businessHours';
import { clockText } from '../../../src/renderer/src/localFormats';
import { businessHoursSchema } from '../../../src/shared/policy';

const us = (t: string) => clockText(t, ['en-US']);

describe('business hours as Settings edits them', () => {
  it('starts from the saved hours, or Monday to Friday 09:00–17:00, and saves the same shape', () => {
    const fresh = draftOf(null);
    expect(fresh.mon).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(fresh.sat).toEqual([]);
    const saved = businessHoursSchema.parse({
      mon: [
        { start: '13:30', end: '17:00' },
        { start: '09:00', end: '12:30' },
      ],
      sat: [{ start: '10:00', end: '24:00' }],
    });
    const round = hoursOf(draftOf(saved));
    expect(round.mon).toEqual([
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(round.sat).toEqual([{ start: '10:00', end: '24:00' }]);
    expect(businessHoursSchema.parse(round)).toEqual(round);
  });

  it('an opened day copies the nearest open day before it; a further stretch follows the last', () => {
    const draft: DraftHours = { ...draftOf(null), fri: [{ start: '08:00', end: '14:00' }] };
    expect(openDay(draft, 'sat')).toEqual([{ start: '08:00', end: '14:00' }]);
    expect(openDay({ ...draftOf(null), mon: [], tue: [], wed: [], thu: [], fri: [] }, 'sun')).toEqual([
      { start: '09:00', end: '17:00' },
    ]);
    expect(addStretch([{ start: '09:00', end: '12:00' }])).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '15:00' },
    ]);
    expect(addStretch([{ start: '18:00', end: '22:30' }])[1]).toEqual({ start: '23:00', end: '24:00' });
  });

  it('says what is wrong next to the day, in the person’s time format', () => {
    const draft: DraftHours = {
      ...draftOf(null),
      mon: [{ start: '09:00', end: '08:00' }],
      tue: [{ start: null, end: '17:00' }],
      wed: [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '14:00' },
      ],
      thu: [{ start: '09:00', end: null }],
    };
    expect(hoursProblems(draft, us, '05:30 PM')).toEqual({
      'businessHours.mon':
        'Monday: it closes at 08:00 AM, before it opens at 09:00 AM. The closing time must be after the opening time.',
      'businessHours.tue': 'Tuesday: the opening time is not a time. Write it like 05:30 PM.',
      'businessHours.wed': 'Wednesday: 12:00 PM–02:00 PM overlaps 09:00 AM–01:00 PM.',
      'businessHours.thu': 'Thursday: the closing time is not a time. Write it like 05:30 PM.',
    });
    const closed = Object.fromEntries(Object.keys(draftOf(null)).map((d) => [d, []])) as unknown as DraftHours;
    expect(hoursProblems(closed, us, '05:30 PM')).toEqual({
      businessHours: 'Open at least one day, or turn business hours off.',
    });
    expect(hoursProblems(draftOf(null), us, '05:30 PM')).toEqual({});
  });
});
