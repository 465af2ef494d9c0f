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

  it('no answer once the date passed breaks it at the promised time', () => {
    const open = promiseOutcomeEntries([{ ...promise, endedAt: null, by: null }], 'Gareth', 2 * DAY + 1);
    expect(open).toEqual([
      {
        at: 2 * DAY,
        actor: '',
        text: 'Promise broken: Gareth had no answer',
        when: { word: 'by', at: 2 * DAY },
        outcome: 'applied',
        promise: 'broken',
      },
    ]);
  });

  it('a late answer is still a broken promise, dated when the answer came and saying it came late', () => {
    const late = promiseOutcomeEntries([{ ...promise, endedAt: 3 * DAY, by: 'reply' }], 'Gareth', 4 * DAY);
    expect(late).toEqual([
      expect.objectContaining({
        at: 3 * DAY,
        promise: 'broken',
        text: 'Promise broken: Gareth got the answer late; it was promised',
        when: { word: 'by', at: 2 * DAY },
      }),
    ]);
    const closedLate = promiseOutcomeEntries([{ ...promise, endedAt: 3 * DAY, by: 'close' }], '', 4 * DAY);
    expect(closedLate[0]?.text).toBe(
      'Promise broken: the customer was answered and the conversation closed late; it was promised',
    );
  });

  it('an open promise before its date, or one replaced by a new date, has no ending yet', () => {
    expect(promiseOutcomeEntries([{ ...promise, endedAt: null, by: null }], 'Gareth', DAY)).toEqual([]);
    expect(promiseOutcomeEntries([{ ...promise, endedAt: DAY, by: 'superseded' }], 'Gareth', 3 * DAY)).toEqual([]);
  });
});
