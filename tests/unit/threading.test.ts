import { describe, expect, it } from 'vitest';
import { linkedMessageIds, normalizeMessageId, parseReferences, threadKeyOf } from '../../src/main/policy/threading';

describe('threading rules', () => {
  it('normalizes Message-IDs and rejects junk', () => {
    expect(normalizeMessageId(' <abc@x.example> ')).toBe('abc@x.example');
    expect(normalizeMessageId('<>')).toBeNull();
    expect(normalizeMessageId('no-at-sign')).toBeNull();
  });

  it('parses References with folding, duplicates and junk between ids', () => {
    expect(parseReferences('<a@x>\r\n <b@x> garbage <a@x> <c@x>')).toEqual(['a@x', 'b@x', 'c@x']);
    expect(parseReferences('')).toEqual([]);
  });

  it('keys a thread by its root: References first, then In-Reply-To, then itself', () => {
    expect(threadKeyOf({ messageId: 'm@x', inReplyTo: 'p@x', references: ['r@x', 'p@x'] })).toBe('r@x');
    expect(threadKeyOf({ messageId: 'm@x', inReplyTo: 'p@x', references: [] })).toBe('p@x');
    expect(threadKeyOf({ messageId: 'm@x', inReplyTo: null, references: [] })).toBe('m@x');
  });

  it('links a message to itself and all its ancestors', () => {
    expect(linkedMessageIds({ messageId: 'm@x', inReplyTo: 'p@x', references: ['r@x'] }).sort()).toEqual([
      'm@x',
      'p@x',
      'r@x',
    ]);
  });
});

describe('newestFirstChunks', () => {
  it('puts the newest UIDs first, in a smaller first chunk', async () => {
    const { newestFirstChunks, toSequenceSet } = await import('../../src/main/mail/imap/uidSet');
    const chunks = newestFirstChunks([1, 2, 3, 4, 5, 6, 7], 3, 2);
    expect(chunks).toEqual([
      [7, 6],
      [5, 4, 3],
      [2, 1],
    ]);
    expect(toSequenceSet([5, 1, 2, 3, 9])).toBe('1:3,5,9');
  });
});
