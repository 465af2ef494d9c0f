import { describe, expect, it } from 'vitest';
import { withPendingTemplates } from '../../../src/main/team/savedReplies';
import { teamEventSchema, type SavedReplyTemplate } from '../../../src/shared/teamEvents';
import { teamEvent, testId } from './eventFactory';

const folded: Record<string, SavedReplyTemplate> = {
  [testId(1)]: {
    templateId: testId(1),
    name: 'Refund',
    subject: null,
    body: 'Refunded.',
    updatedBy: 'bob@acme.example',
    updatedAt: 100,
    uid: 7,
  },
};

const upsert = (id: number, name: string, at: number) =>
  teamEventSchema.parse(
    teamEvent('template.upsert', {
      actor: 'alice@acme.example',
      at,
      payload: { templateId: testId(id), name, subject: null, body: `${name} text` },
    }),
  );

describe('saved replies with my changes not yet in the log', () => {
  it('keeps the folded ones, unmarked, when nothing is pending', () => {
    expect(withPendingTemplates(folded, [])).toEqual({ [testId(1)]: { ...folded[testId(1)], pending: false } });
  });

  it('applies pending saves and deletes in the order they were made, marked pending', () => {
    const remove = teamEventSchema.parse(
      teamEvent('template.delete', { actor: 'alice@acme.example', payload: { templateId: testId(1), name: 'Refund' } }),
    );
    const result = withPendingTemplates(folded, [upsert(2, 'Shipping', 200), remove, upsert(1, 'Refund again', 300)]);
    expect(Object.values(result).map((t) => [t.name, t.updatedBy, t.updatedAt, t.uid, t.pending])).toEqual([
      ['Shipping', 'alice@acme.example', 200, 0, true],
      ['Refund again', 'alice@acme.example', 300, 0, true],
    ]);
    expect(folded[testId(1)]?.name).toBe('Refund'); // the folded state is not touched
  });

  it('ignores pending events that are not about saved replies', () => {
    const note = teamEventSchema.parse(
      teamEvent('note', { actor: 'alice@acme.example', payload: { text: 'hi', mentions: [] } }),
    );
    expect(Object.keys(withPendingTemplates(folded, [note]))).toEqual([testId(1)]);
  });
});
