// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { PromiseLine } from '../../../src/renderer/src/features/teamwork/PromiseLine';
import { whenText } from '../../../src/renderer/src/features/teamwork/format';
import { promiseSentence } from '../../../src/renderer/src/features/teamwork/PromisePreview';
import { listedThread } from './fixtures';

afterEach(cleanup);

describe('PromiseLine', () => {
  it('says in words whom the team promised an answer, and by when', () => {
    const dueAt = Date.now() + 3 * 86_400_000;
    render(
      h(PromiseLine, { thread: listedThread({ due: { dueAt, reason: 'promise', state: 'calm' } }), promisedAt: null }),
    );
    const line = screen.getByRole('note');
    expect(line.textContent).toBe(`We promised Ivan an answer by ${whenText(dueAt)}`);
    expect(line.getAttribute('data-state')).toBe('calm');
  });

  it('turns overdue once the promised time has passed', () => {
    const dueAt = Date.now() - 60_000;
    render(
      h(PromiseLine, { thread: listedThread({ due: { dueAt, reason: 'promise', state: 'calm' } }), promisedAt: null }),
    );
    expect(screen.getByRole('note').textContent).toMatch(/^Promise overdue: we promised Ivan an answer by /);
    expect(screen.getByRole('note').getAttribute('data-state')).toBe('overdue');
  });

  it('shows nothing for a thread without a promise', () => {
    const { container } = render(
      h(PromiseLine, {
        thread: listedThread({ due: { dueAt: 0, reason: 'first-response', state: 'calm' } }),
        promisedAt: null,
      }),
    );
    expect(container.textContent).toBe('');
  });

  it('keeps the promise in view after the customer writes again and their new message comes due first', () => {
    const promisedAt = Date.now() + 2 * 86_400_000;
    const clockDue = Date.now() + 3_600_000;
    render(
      h(PromiseLine, {
        thread: listedThread({ due: { dueAt: clockDue, reason: 'first-response', state: 'calm' } }),
        promisedAt,
      }),
    );
    expect(screen.getByRole('note').textContent).toBe(`We promised Ivan an answer by ${whenText(promisedAt)}`);
  });
});

describe('the courtesy reply preview', () => {
  it('fills the chosen promise date into the text, as the customer will read it', () => {
    const text = 'Hi {{customer.firstName}},\n\nI will get back to you by {{promise.date}}.';
    const filled = promiseSentence(text, '2026-12-01T17:00');
    const date = new Date(2026, 11, 1, 17).toLocaleDateString(undefined, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    });
    expect(filled).toBe(`Hi {{customer.firstName}},\n\nI will get back to you by ${date}.`);
    expect(promiseSentence(text, '2026-12-01T17:00')).toBe(filled);
  });

  it('shows nothing when the text names no promise date or no date is chosen', () => {
    expect(promiseSentence('Thanks!', '2026-12-01T17:00')).toBeNull();
    expect(promiseSentence('By {{promise.date}}', '')).toBeNull();
  });
});
