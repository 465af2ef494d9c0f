import { describe, expect, it } from 'vitest';
import { savedUidNext } from '../../../src/main/mail/imap/folderSync';

describe("a folder's saved position after a pass", () => {
  it("is the server's UIDNEXT when every message asked for came back", () => {
    expect(savedUidNext(22, [8, 9, 10, 21], new Set([8, 9, 10, 21]))).toBe(22);
    expect(savedUidNext(5, [], new Set())).toBe(5);
  });

  it('stops at the first message the server did not answer with, so the next pass asks again', () => {
    expect(savedUidNext(22, [17, 8, 9, 21], new Set([17, 21]))).toBe(8);
    expect(savedUidNext(22, [20, 21], new Set([20]))).toBe(21);
  });

  it('never moves beyond UIDNEXT for a UID the plan had no business asking', () => {
    expect(savedUidNext(10, [12], new Set())).toBe(10);
  });
});
