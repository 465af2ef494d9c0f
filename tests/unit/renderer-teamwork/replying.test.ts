import { describe, expect, it } from 'vitest';
import { replyingText } from '../../../src/renderer/src/features/teamwork/Replying';

describe('who is replying, in words', () => {
  it('names one, two or three teammates in the order they started', () => {
    expect(replyingText([])).toBe('');
    expect(replyingText(['Bob'])).toBe('Bob is replying');
    expect(replyingText(['Bob', 'Carol'])).toBe('Bob and Carol are replying');
    expect(replyingText(['Bob', 'Carol', 'Dan'])).toBe('Bob, Carol and Dan are replying');
  });
});
