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
  it('puts the newest UIDs first, in a small first chunk, each next one as big as all before it', async () => {
    const { newestFirstChunks, toSequenceSet } = await import('../../src/main/mail/imap/uidSet');
    const chunks = newestFirstChunks([1, 2, 3, 4, 5, 6, 7], 3, 2);
    expect(chunks).toEqual([
      [7, 6],
      [5, 4],
      [3, 2, 1],
    ]);
    const uids = Array.from({ length: 5000 }, (_, i) => i + 1);
    expect(newestFirstChunks(uids, 1000, 250).map((c) => c.length)).toEqual([250, 250, 500, 1000, 1000, 1000, 1000]);
    expect(newestFirstChunks(uids, 1000, 250).flat()).toEqual([...uids].reverse());
    expect(newestFirstChunks([], 1000, 250)).toEqual([]);
    expect(toSequenceSet([5, 1, 2, 3, 9])).toBe('1:3,5,9');
  });

  it('reads the compact UID sets ESEARCH answers with', async () => {
    const { expandSequenceSet, toSequenceSet } = await import('../../src/main/mail/imap/uidSet');
    expect(expandSequenceSet('1:3,5,9:7')).toEqual([1, 2, 3, 5, 7, 8, 9]);
    expect(expandSequenceSet('42')).toEqual([42]);
    expect(expandSequenceSet('1:100000')).toHaveLength(100000);
    expect(toSequenceSet(expandSequenceSet('1:3,5,7:9'))).toBe('1:3,5,7:9');
    expect(() => expandSequenceSet('1:*')).toThrow(/unreadable UID set/);
  });
});
