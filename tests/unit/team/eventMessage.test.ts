import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { decodeTeamEventSource, teamLogEntryFromSource } from '../../../src/main/mail/teamLogMessage';
import {
  TEAM_EVENT_MEDIA_TYPE,
  TeamEventTooLargeError,
  encodeTeamEventMessage,
  teamEventMessageId,
} from '../../../src/main/team/eventMessage';
import { fold } from '../../../src/main/team/fold';
import { teamEventSchema, type TeamEvent } from '../../../src/shared/teamEvents';
import { teamEvent } from './eventFactory';

const alice = 'alice@acme.example';

function valid(type: Parameters<typeof teamEvent>[0], fields: Parameters<typeof teamEvent>[1]): TeamEvent {
  return teamEventSchema.parse(teamEvent(type, fields));
}

describe('encoding an event as a message', () => {
  const claim = valid('claim', { actor: alice, at: Date.UTC(2026, 2, 3, 9, 30) });

  it('reads like a mail in a mail client and carries the JSON as an attachment', async () => {
    const raw = encodeTeamEventMessage(claim, { threadSubject: 'Order 1042 missing', actorName: 'Alice Example' });
    const mail = await simpleParser(raw);
    expect(mail.from?.value[0]).toEqual({ address: alice, name: 'Alice Example' });
    expect(mail.subject).toBe('[Promptly] alice@acme.example claimed “Order 1042 missing”');
    expect(mail.messageId).toBe(teamEventMessageId(claim.id));
    expect(mail.date?.getTime()).toBe(claim.at);
    expect(mail.text).toContain('alice@acme.example claimed “Order 1042 missing”.');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.contentType).toBe(TEAM_EVENT_MEDIA_TYPE);
    expect(JSON.parse(mail.attachments[0]?.content.toString('utf8') ?? '')).toEqual(claim);
  });

  it('writes CRLF only and keeps every line within 998 octets', () => {
    const note = valid('note', {
      actor: alice,
      payload: { text: `${'long line '.repeat(900)}\nsecond\rthird`, mentions: [] },
    });
    const text = encodeTeamEventMessage(note).toString('utf8');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).not.toMatch(/\r(?!\n)/);
    expect(Math.max(...text.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(998);
  });

  it('cannot be made to inject headers through the subject or the display name', async () => {
    const raw = encodeTeamEventMessage(claim, {
      threadSubject: 'Hi\r\nBcc: victim@example.com\r\n\r\nbody',
      actorName: 'Eve\r\nX-Injected: yes',
    }).toString('utf8');
    const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^Bcc:/im);
    expect(headerBlock).not.toMatch(/^X-Injected:/im);
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(await decodeTeamEventSource(raw)).toEqual({ ok: true, event: claim });
  });

  it('round-trips every kind of event, including non-ASCII text', async () => {
    const events = [
      valid('note', {
        actor: alice,
        payload: { text: 'Grüße — 你好 "quoted" \\ --=_x', mentions: ['bob@acme.example'] },
      }),
      valid('handoff.offer', { actor: alice, base: claim.id, payload: { to: 'bob@acme.example', message: 'bitte' } }),
      valid('policy.change', { actor: alice, payload: { policy: { hours: [9, 17], tz: 'Europe/Berlin' } } }),
      valid('profile', { actor: alice, payload: { name: 'Zoë Ölmann' } }),
    ];
    for (const event of events) {
      expect(await decodeTeamEventSource(encodeTeamEventMessage(event, { actorName: 'Zoë' }))).toEqual({
        ok: true,
        event,
      });
    }
  });

  it('refuses to write an event over 64 KB and an invalid event', () => {
    const known = Array.from({ length: 50 }, (_, i) => `${'m'.repeat(290)}${i}@x`);
    const big = valid('note', { actor: alice, known, payload: { text: '漢'.repeat(10_000), mentions: [] } });
    expect(() => encodeTeamEventMessage(big)).toThrow(TeamEventTooLargeError);
    expect(() => encodeTeamEventMessage({ ...claim, actor: 'not an address' })).toThrow();
  });

  it('fits the largest plausible note (10,000 characters of accented text) in one message', async () => {
    const note = valid('note', { actor: alice, payload: { text: 'é'.repeat(10_000), mentions: [] } });
    expect(await decodeTeamEventSource(encodeTeamEventMessage(note))).toEqual({ ok: true, event: note });
  });
});

describe('decoding a message', () => {
  const claim = valid('claim', { actor: alice });
  const raw = encodeTeamEventMessage(claim).toString('utf8');

  it('reads LF-only copies and a bare JSON message', async () => {
    expect(await decodeTeamEventSource(raw.replaceAll('\r\n', '\n'))).toEqual({ ok: true, event: claim });
    const bare = `From: ${alice}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(claim)}\r\n`;
    expect(await decodeTeamEventSource(bare)).toEqual({ ok: true, event: claim });
  });

  it('rejects headers that contradict the JSON', async () => {
    const forgedFrom = raw.replace(`From: ${alice}`, 'From: bob@acme.example');
    expect(await decodeTeamEventSource(forgedFrom)).toMatchObject({ ok: false, code: 'forged' });
    const forgedId = raw.replace(teamEventMessageId(claim.id), '<other@promptly.team>');
    expect(await decodeTeamEventSource(forgedId)).toMatchObject({ ok: false, code: 'forged' });
  });

  it('turns undecodable messages into ignored log entries', async () => {
    const entry = await teamLogEntryFromSource(5, 'Subject: hello\r\n\r\njust a person writing here\r\n');
    expect(entry).toEqual({ uid: 5, event: null, problem: 'not-a-team-event: no team event JSON part' });
    expect(fold([entry]).log[0]?.outcome).toEqual({
      status: 'ignored',
      reason: 'undecodable: not-a-team-event: no team event JSON part',
    });
  });
});
