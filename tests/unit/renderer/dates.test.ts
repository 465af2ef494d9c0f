// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { dateTimeText, nearTimeText, timeText } from '../../../src/renderer/src/dates';

/** Pretends the person's language settings are `langs`. */
function speak(langs: string[]): void {
  Object.defineProperty(window.navigator, 'languages', { value: langs, configurable: true });
}

afterEach(() => speak(['en-US']));

describe('dates as the person reads them', () => {
  const at = new Date(2026, 11, 1, 17, 5, 42).getTime(); // Tue 1 Dec 2026, 17:05:42 local time

  it('follows the person’s languages, with no seconds', () => {
    speak(['de-DE']);
    expect(timeText(at)).toBe('17:05');
    expect(dateTimeText(at, at)).toBe('Di., 1. Dez., 17:05');
    speak(['en-GB']);
    expect(dateTimeText(at, at)).toBe('Tue 1 Dec, 17:05');
    speak(['en-US']);
    expect(timeText(at)).toBe('05:05 PM');
    expect(dateTimeText(at, at)).not.toMatch(/:42/);
  });

  it('adds the year only when it is not this year’s, and says near times briefly', () => {
    speak(['en-GB']);
    expect(dateTimeText(at, new Date(2027, 0, 5).getTime())).toBe('Tue, 1 Dec 2026, 17:05');
    expect(nearTimeText(at, new Date(2026, 11, 1, 9).getTime())).toBe('17:05');
    expect(nearTimeText(at, new Date(2026, 10, 28, 9).getTime())).toBe('Tue 17:05');
    expect(nearTimeText(at, new Date(2026, 10, 10, 9).getTime())).toBe('1 Dec 17:05');
  });
});
