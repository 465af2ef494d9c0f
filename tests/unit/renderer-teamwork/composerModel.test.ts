import { describe, expect, it } from 'vitest';
import { sendRequestSchema, type Draft, type Template } from '../../../src/shared/outbox';
import {
  addressText,
  composerReducer,
  hasUnsavedText,
  INITIAL_MODEL,
  openingForm,
} from '../../../src/renderer/src/features/teamwork/composer/model';

const DRAFT: Draft = {
  defaultPromiseAt: new Date(2026, 10, 24, 17, 0).getTime(),
  threadId: 7,
  threadKey: '<t7@x>',
  kind: 'reply',
  parentId: 31,
  to: [{ name: 'Lee, Ann', address: 'ann@shop.example' }],
  cc: [{ name: '', address: 'ops@shop.example' }],
  subject: 'Re: Order',
  quote: { text: '', html: '' },
  signature: '',
  keptAttachments: [],
  openedAt: 5000,
};
const COURTESY: Template = {
  id: 'courtesy',
  name: 'Courtesy reply',
  subject: null,
  body: 'By {{promise.date}}.',
  builtIn: true,
  updatedBy: null,
  updatedAt: null,
  pending: false,
};

describe('the composer state model', () => {
  it('quotes a name with a comma so the address list still splits', () => {
    expect(addressText(DRAFT.to[0]!)).toBe('"Lee, Ann" <ann@shop.example>');
    expect(addressText(DRAFT.cc[0]!)).toBe('ops@shop.example');
  });

  it('opens a reply with the draft’s addresses and an empty, unchanged text', () => {
    const form = openingForm(DRAFT, [COURTESY], 'reply', null);
    expect(form).toMatchObject({ to: '"Lee, Ann" <ann@shop.example>', cc: 'ops@shop.example', text: '', promise: '' });
    expect(hasUnsavedText(form)).toBe(false);
  });

  it('opens a courtesy reply from the courtesy text and the default promise, which count as unchanged', () => {
    const form = openingForm(DRAFT, [COURTESY], 'courtesy', null);
    expect(form.text).toBe('By {{promise.date}}.');
    expect(form.promise).toBe('2026-11-24T17:00');
    expect(hasUnsavedText(form)).toBe(false);
  });

  it('reopens after undo with exactly what was written, which counts as unsaved', () => {
    const restored = sendRequestSchema.parse({
      threadId: 7,
      to: ['ann@shop.example'],
      cc: [],
      subject: 'Edited',
      text: 'Typed',
      openedAt: 4000,
      courtesy: true,
      promiseAt: new Date(2026, 10, 25, 9, 30).getTime(),
    });
    const form = openingForm(DRAFT, [COURTESY], 'courtesy', restored);
    expect(form).toMatchObject({
      to: 'ann@shop.example',
      subject: 'Edited',
      text: 'Typed',
      promise: '2026-11-25T09:30',
    });
    expect(hasUnsavedText(form)).toBe(true);
  });

  it('clears field problems when sending starts and keeps busy until settled', () => {
    const failed = composerReducer(INITIAL_MODEL, { type: 'failed', fields: { to: 'Bad' }, problem: null });
    const sending = composerReducer(failed, { type: 'sending' });
    expect(sending).toMatchObject({ busy: true, fields: {}, problem: null });
    expect(composerReducer(sending, { type: 'settled' }).busy).toBe(false);
  });

  it('edits one field and leaves the rest', () => {
    const loaded = composerReducer(INITIAL_MODEL, {
      type: 'loaded',
      draft: DRAFT,
      templates: [],
      form: openingForm(DRAFT, [], 'reply', null),
    });
    const edited = composerReducer(loaded, { type: 'edit', field: 'text', value: 'Hello' });
    expect(edited.form.text).toBe('Hello');
    expect(edited.form.to).toBe(loaded.form.to);
    expect(hasUnsavedText(edited.form)).toBe(true);
  });
});
