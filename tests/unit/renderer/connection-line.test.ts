import { describe, expect, it } from 'vitest';
import { connectionText } from '../../../src/renderer/src/features/onboarding/connectionWords';

const live = { state: 'live' } as const;

describe('the connection line', () => {
  it('promises mail by itself only when the server pushes it', () => {
    expect(connectionText(live, 0, { push: 'notify', pollSeconds: 30 })).toBe('Connected, new mail arrives by itself');
    expect(connectionText(live, 0, { push: 'idle', pollSeconds: 30 })).toBe('Connected, new mail arrives by itself');
  });

  it('says how often it checks when the server offers no push', () => {
    expect(connectionText(live, 0, { push: 'poll', pollSeconds: 30 })).toBe(
      'Connected, checking for new mail every 30 s',
    );
    expect(connectionText(live, 0, { push: 'poll', pollSeconds: 300 })).toBe(
      'Connected, checking for new mail every 5 min',
    );
  });

  it('counts down to the next attempt while retrying', () => {
    const retrying = {
      state: 'retrying',
      message: 'The server did not answer.',
      nextAttemptAt: 12_500,
      attempt: 2,
    } as const;
    expect(connectionText(retrying, 0)).toBe(
      'Not connected: The server did not answer. Trying again in 13 s (attempt 2).',
    );
  });
});
