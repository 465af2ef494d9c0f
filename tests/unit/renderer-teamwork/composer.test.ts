// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement as h, Fragment } from 'react';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Draft, SendRequest, Template } from '../../../src/shared/outbox';
import { PromptlyError } from '../../../src/shared/errors';
import { queuedReply } from './fixtures';

const api = vi.hoisted(() => ({
  'reply.draft': vi.fn(),
  'templates.list': vi.fn(),
  'reply.send': vi.fn(),
  'reply.courtesy': vi.fn(),
  'outbox.undo': vi.fn(),
  'presence.set': vi.fn(async () => undefined),
  on: vi.fn(() => () => undefined),
}));
vi.mock('../../../src/renderer/src/api', () => ({ api }));

const { Composer, ComposerHost } = await import('../../../src/renderer/src/features/teamwork/Composer');
const { useComposer } = await import('../../../src/renderer/src/features/teamwork/composerStore');
const { TeamToasts } = await import('../../../src/renderer/src/features/teamwork/TeamToasts');
const { useTeamToasts } = await import('../../../src/renderer/src/features/teamwork/stores');

const DRAFT: Draft = {
  defaultPromiseAt: Date.UTC(2026, 10, 24, 23, 59),
  threadId: 7,
  threadKey: '<t7@x>',
  kind: 'reply',
  parentId: 31,
  to: [{ name: 'Ivan', address: 'ivan@shop.example' }],
  cc: [],
  subject: 'Re: Where is my order?',
  quote: { text: 'On Monday Ivan wrote:\n> Where is it?', html: '' },
  signature: '-- \nAlice at Acme',
  keptAttachments: [],
  openedAt: 5000,
};
const COURTESY: Template = {
  id: 'courtesy',
  name: 'Courtesy reply',
  subject: null,
  body: 'Thanks, I will get back to you by {{promise.date}}.',
  builtIn: true,
  updatedBy: null,
  updatedAt: null,
  pending: false,
};

beforeEach(() => {
  api['reply.draft'].mockResolvedValue(DRAFT);
  api['templates.list'].mockResolvedValue([COURTESY]);
  api['reply.send'].mockResolvedValue({ ok: true, item: queuedReply({ id: 11, undoUntil: Date.now() + 10_000 }) });
  api['reply.courtesy'].mockResolvedValue({ ok: true, item: queuedReply({ id: 12, courtesy: true }) });
  useComposer.setState({ session: null });
  useTeamToasts.setState({ toasts: [] });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function opened(kind: 'reply' | 'courtesy' = 'reply') {
  const onClose = vi.fn();
  render(h(Composer, { threadId: 7, kind, onClose }));
  const to = (await screen.findByLabelText('To')) as HTMLInputElement;
  const body = screen.getByLabelText('Message') as HTMLTextAreaElement;
  await waitFor(() => expect(document.activeElement).toBe(body));
  return { onClose, to, body, user: userEvent.setup() };
}

describe('the composer', () => {
  it('opens from reply.draft and sends with Cmd+Enter, passing openedAt', async () => {
    const { onClose, to, user } = await opened();
    expect(to.value).toBe('Ivan <ivan@shop.example>');
    expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe('Re: Where is my order?');
    await user.keyboard('Thanks!{Meta>}{Enter}{/Meta}');
    expect(api['reply.draft']).toHaveBeenCalledWith({ threadId: 7, kind: 'reply', parentId: undefined });
    expect(api['reply.send']).toHaveBeenCalledTimes(1);
    expect(api['reply.send']).toHaveBeenCalledWith(
      expect.objectContaining({
        threadId: 7,
        kind: 'reply',
        parentId: 31,
        to: ['Ivan <ivan@shop.example>'],
        cc: [],
        text: 'Thanks!',
        openedAt: 5000,
        force: false,
      }),
    );
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // Teammates were told a reply was being written.
    expect(api['presence.set']).toHaveBeenCalledWith({ threadId: 7, replying: true });
  });

  it('asks before sending over a teammate’s reply, and Send anyway forces it', async () => {
    api['reply.send'].mockResolvedValueOnce({
      ok: false,
      collision: { by: 'Bob', at: 1, messageId: 'b@x', message: 'Bob replied 3 minutes ago. Send anyway?' },
    });
    const { onClose, user } = await opened();
    await user.keyboard('Done.{Control>}{Enter}{/Control}');
    const prompt = await screen.findByRole('alertdialog', { name: 'A teammate already replied' });
    expect(prompt.textContent).toContain('Bob replied 3 minutes ago. Send anyway?');
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Send anyway' }));
    expect(api['reply.send']).toHaveBeenCalledTimes(2);
    expect(api['reply.send']).toHaveBeenLastCalledWith(expect.objectContaining({ force: true, openedAt: 5000 }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('Cancel on the collision prompt sends nothing more', async () => {
    api['reply.send'].mockResolvedValueOnce({
      ok: false,
      collision: { by: 'Bob', at: 1, messageId: 'b@x', message: 'Bob replied 3 minutes ago. Send anyway?' },
    });
    const { user } = await opened();
    await user.keyboard('Done.{Control>}{Enter}{/Control}');
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api['reply.send']).toHaveBeenCalledTimes(1);
  });

  it('shows field errors next to their fields', async () => {
    api['reply.send'].mockRejectedValueOnce(
      new PromptlyError({
        code: 'invalid-address',
        message: '"bob@" is not a valid mail address.',
        fields: { 'to.0': '"bob@" is not a valid mail address.' },
      }),
    );
    const { to, user, onClose } = await opened();
    await user.clear(to);
    await user.type(to, 'bob@');
    await user.click(screen.getByLabelText('Message'));
    await user.keyboard('Hi{Control>}{Enter}{/Control}');
    const error = await screen.findByText('"bob@" is not a valid mail address.');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(to.getAttribute('aria-describedby')).toBe(error.id);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('offers Undo after queueing, and Undo reopens the composer with what was written', async () => {
    const request: SendRequest = {
      threadId: 7,
      kind: 'reply',
      parentId: 31,
      to: ['ivan@shop.example'],
      cc: ['ops@acme.example'],
      bcc: [],
      subject: 'Re: Where is my order?',
      text: 'It ships today.',
      attachments: [],
      courtesy: false,
      force: false,
      openedAt: 5000,
    };
    api['outbox.undo'].mockResolvedValue({ item: queuedReply({ id: 11, state: 'cancelled' }), request });
    useComposer.getState().open(7, 'reply');
    render(h(Fragment, null, h(ComposerHost, { threadId: 7 }), h(TeamToasts)));
    const body = (await screen.findByLabelText('Message')) as HTMLTextAreaElement;
    const user = userEvent.setup();
    await user.click(body);
    await user.keyboard('It ships today.{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByLabelText('Message')).toBeNull());
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(api['outbox.undo']).toHaveBeenCalledWith({ id: 11 });
    const restored = (await screen.findByLabelText('Message')) as HTMLTextAreaElement;
    await waitFor(() => expect(restored.value).toBe('It ships today.'));
    expect((screen.getByLabelText('Cc') as HTMLInputElement).value).toBe('ops@acme.example');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('courtesy mode starts from the courtesy text and sends through reply.courtesy', async () => {
    const { body, user, onClose } = await opened('courtesy');
    expect(body.value).toBe(COURTESY.body);
    // The promise field shows the default (end of the next business day) from the draft.
    // The promise shows the default (end of the next business day) from the draft, the app's way
    // (jsdom's languages are en-US): a day and a 12-hour time.
    const promise = screen.getByRole('group', { name: 'Promise an answer by' });
    expect((within(promise).getByLabelText('Day') as HTMLInputElement).value).toMatch(/^\d{2}\/\d{2}\/2026$/);
    expect((within(promise).getByLabelText('Time') as HTMLInputElement).value).toMatch(/^\d{2}:\d{2} [AP]M$/);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(api['reply.send']).not.toHaveBeenCalled();
    expect(api['reply.courtesy']).toHaveBeenCalledWith({
      threadId: 7,
      promiseAt: DRAFT.defaultPromiseAt,
      openedAt: 5000,
      force: false,
      text: COURTESY.body,
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('Esc closes an untouched composer but asks before discarding typed text', async () => {
    const first = await opened();
    await first.user.keyboard('{Escape}');
    expect(first.onClose).toHaveBeenCalledTimes(1);
    cleanup();
    const second = await opened();
    await second.user.keyboard('Half a thought{Escape}');
    expect(second.onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog', { name: 'Discard this reply?' })).toBeTruthy();
    await second.user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(second.onClose).toHaveBeenCalledTimes(1);
  });

  it('send later passes the chosen day and time, typed the app’s way, as sendAt', async () => {
    const { user } = await opened();
    await user.keyboard('Later.');
    await user.click(screen.getByRole('button', { name: 'Send later…' }));
    const when = screen.getByRole('group', { name: 'Send at' });
    await user.type(within(when).getByLabelText('Day'), '01/02/2030');
    await user.type(within(when).getByLabelText('Time'), '9:30 am');
    await user.click(screen.getByRole('button', { name: /Schedule/ }));
    expect(api['reply.send']).toHaveBeenCalledWith(
      expect.objectContaining({ sendAt: new Date(2030, 0, 2, 9, 30).getTime() }),
    );
  });

  it('a time that cannot be read is named, with an example, and nothing is sent', async () => {
    const { user } = await opened();
    await user.keyboard('Later.');
    await user.click(screen.getByRole('button', { name: 'Send later…' }));
    const when = screen.getByRole('group', { name: 'Send at' });
    await user.type(within(when).getByLabelText('Day'), '01/02/2030');
    await user.type(within(when).getByLabelText('Time'), '9:3o');
    expect(within(when).getByLabelText('Time').getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: /Schedule/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Write the day and time to send it, for example \d{2}\/\d{2}\/\d{4} at 05:00 PM\.$/,
    );
    expect(api['reply.send']).not.toHaveBeenCalled();
    // Put right, the problem goes.
    await user.clear(within(when).getByLabelText('Time'));
    await user.type(within(when).getByLabelText('Time'), '9:30 am');
    expect(screen.queryByRole('alert')).toBeNull();

    cleanup();
    const courtesy = await opened('courtesy');
    const promise = screen.getByRole('group', { name: 'Promise an answer by' });
    await courtesy.user.clear(within(promise).getByLabelText('Day'));
    await courtesy.user.keyboard('{Control>}{Enter}{/Control}');
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Write the day and time you promise an answer by, for example /,
    );
    expect(api['reply.courtesy']).not.toHaveBeenCalled();
  });
});
