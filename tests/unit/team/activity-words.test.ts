import { describe, expect, it } from 'vitest';
import { activityWords, promiseOutcomeEntries } from '../../../src/main/service/activityWords';

const DAY = 86_400_000;
const facts = { who: 'Alice Moreno', to: 'Bob Stone', customer: 'Gareth Hughes', at: null };

describe('activity in words', () => {
  it('says who promised whom an answer, leaving the date to the reader', () => {
    expect(activityWords('promise', { ...facts, at: 5 * DAY })).toEqual({
      text: 'Alice Moreno promised Gareth Hughes an answer',
      when: { word: 'by', at: 5 * DAY },
      promise: 'made',
    });
  });

  it('names people and the customer, never addresses or thread keys', () => {
    expect(activityWords('assign', facts).text).toBe('Alice Moreno assigned it to Bob Stone');
    expect(activityWords('waiting', facts).text).toBe('Alice Moreno marked it waiting on Gareth Hughes');
    expect(activityWords('snooze', { ...facts, at: DAY })).toEqual({
      text: 'Alice Moreno snoozed it',
      when: { word: 'until', at: DAY },
    });
    expect(activityWords('waiting', { ...facts, customer: '' }).text).toBe(
      'Alice Moreno marked it waiting on the customer',
    );
  });
});

describe('promise endings in the timeline', () => {
  const promise = { madeAt: 0, promisedAt: 2 * DAY };

  it('a reply in time keeps the promise', () => {
    const [entry] = promiseOutcomeEntries([{ ...promise, endedAt: DAY, by: 'reply' }], 'Gareth', 3 * DAY);
    expect(entry).toMatchObject({ at: DAY, promise: 'kept', text: 'Promise kept: Gareth got the answer in time' });
  });

  it('a late reply, or none once the date passed, breaks it at the promised time', () => {
    const late = promiseOutcomeEntries([{ ...promise, endedAt: 3 * DAY, by: 'reply' }], 'Gareth', 4 * DAY);
    expect(late).toEqual([
      expect.objectContaining({ at: 2 * DAY, promise: 'broken', when: { word: 'by', at: 2 * DAY } }),
    ]);
    const open = promiseOutcomeEntries([{ ...promise, endedAt: null, by: null }], 'Gareth', 2 * DAY + 1);
    expect(open.map((e) => e.promise)).toEqual(['broken']);
  });

  it('an open promise before its date, or one replaced by a new date, has no ending yet', () => {
    expect(promiseOutcomeEntries([{ ...promise, endedAt: null, by: null }], 'Gareth', DAY)).toEqual([]);
    expect(promiseOutcomeEntries([{ ...promise, endedAt: DAY, by: 'superseded' }], 'Gareth', 3 * DAY)).toEqual([]);
  });
});
