import { describe, expect, it } from 'vitest';
import {
  completeVariable,
  previewSampleFor,
  previewText,
  variableCompletion,
} from '../../../src/renderer/src/features/savedReplies/preview';
import { listedThread, teamView } from './fixtures';

const NOW = Date.UTC(2026, 10, 30, 9, 0);

describe('saved reply preview', () => {
  it('reads as the open conversation’s customer would read it: their name, the owner, the subject, the promise', () => {
    const open = listedThread({
      from: { name: 'Gareth Lloyd', address: 'gareth@shop.example' },
      subject: 'Wheel wobbles',
      team: teamView({ ownerName: 'Alice Archer' }),
      due: { dueAt: Date.UTC(2026, 11, 4, 17, 0), reason: 'promise', state: 'calm' },
    });
    const sample = previewSampleFor(open, NOW);
    expect(sample.sample).toBe(false);
    const { text, unknown } = previewText(
      'Hi {{customer.firstName}}, {{owner.name}} has “{{thread.subject}}” and answers by {{promise.date}}.',
      sample,
    );
    expect(text).toBe('Hi Gareth, Alice Archer has “Wheel wobbles” and answers by Friday 4 December.');
    expect(unknown).toEqual([]);
  });

  it('uses the address or “there” when the customer gave no name, and a sample customer when nothing is highlighted', () => {
    const unnamed = previewSampleFor(listedThread({ from: { name: '', address: 'ivan@shop.example' } }), NOW);
    expect(previewText('Hi {{customer.name}}', unnamed).text).toBe('Hi ivan@shop.example');
    // The same words the customer gets when the reply is sent (one rule, src/shared/outbox.ts).
    expect(previewText('Hi {{customer.firstName}}', unnamed).text).toBe('Hi there');
    const lastFirst = previewSampleFor(listedThread({ from: { name: 'Lloyd, Gareth', address: 'g@x.example' } }), NOW);
    expect(previewText('Hi {{customer.firstName}}', lastFirst).text).toBe('Hi Gareth');
    const none = previewSampleFor(null, NOW);
    expect(none.sample).toBe(true);
    expect(previewText('Hi {{customer.firstName}}', none).text).toBe('Hi Ivy');
  });
});

describe('variables offered while typing', () => {
  it('offers the variables matching what follows an unfinished {{, and completes in place', () => {
    const text = 'Hi {{cust and more';
    const caret = 'Hi {{cust'.length;
    const completion = variableCompletion(text, caret);
    expect(completion).toEqual({ start: 3, matches: ['customer.firstName', 'customer.name'] });
    expect(completeVariable(text, caret, completion!, 'customer.firstName')).toEqual({
      text: 'Hi {{customer.firstName}} and more',
      caret: 'Hi {{customer.firstName}}'.length,
    });
    expect(variableCompletion('Hi {{OWN', 8)?.matches).toEqual(['owner.name']);
  });

  it('offers nothing outside an unfinished variable, or when nothing matches', () => {
    expect(variableCompletion('Hi there', 8)).toBeNull();
    expect(variableCompletion('Hi {{owner.name}} ok', 20)).toBeNull();
    expect(variableCompletion('Hi {{zzz', 8)).toBeNull();
  });
});
