// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement as h } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { PromiseLine } from '../../../src/renderer/src/features/teamwork/PromiseLine';
import { whenText } from '../../../src/renderer/src/features/teamwork/format';
import { listItem } from './fixtures';

afterEach(cleanup);

describe('PromiseLine', () => {
  it('says in words whom the team promised an answer, and by when', () => {
    const dueAt = Date.now() + 3 * 86_400_000;
    render(h(PromiseLine, { thread: listItem({ due: { dueAt, reason: 'promise', state: 'calm' } }) }));
    const line = screen.getByRole('note');
    expect(line.textContent).toBe(`We promised Ivan an answer by ${whenText(dueAt)}`);
    expect(line.getAttribute('data-state')).toBe('calm');
  });

  it('turns overdue once the promised time has passed', () => {
    const dueAt = Date.now() - 60_000;
    render(h(PromiseLine, { thread: listItem({ due: { dueAt, reason: 'promise', state: 'calm' } }) }));
    expect(screen.getByRole('note').textContent).toMatch(/^Promise overdue: we promised Ivan an answer by /);
    expect(screen.getByRole('note').getAttribute('data-state')).toBe('overdue');
  });

  it('shows nothing for a thread without a promise', () => {
    const { container } = render(
      h(PromiseLine, { thread: listItem({ due: { dueAt: 0, reason: 'first-response', state: 'calm' } }) }),
    );
    expect(container.textContent).toBe('');
  });
});
