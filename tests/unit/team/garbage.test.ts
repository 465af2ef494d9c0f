import { describe, expect, it } from 'vitest';
import { decodeTeamEventSource, teamLogEntryFromSource } from '../../../src/main/mail/teamLogMessage';
import { encodeTeamEventMessage } from '../../../src/main/team/eventMessage';
import { applyEvent, fold } from '../../../src/main/team/fold';
import { emptyTeamState } from '../../../src/main/team/state';
import { findTeamThread } from '../../../src/main/team/threads';
import { teamEventSchema } from '../../../src/shared/teamEvents';
import { teamEvent, testId } from './eventFactory';

const alice = 'alice@acme.example';
const claim = teamEvent('claim', { actor: alice });

/** Log entries nobody should be able to break the fold with. */
const garbage: Array<[string, unknown]> = [
  ['null', null],
  ['a string', 'claim it'],
  ['an array', [claim]],
  ['a number', 42],
  ['wrong version', { ...claim, id: testId(9001), v: 2 }],
  ['version as string', { ...claim, id: testId(9002), v: '1' }],
  ['unknown type', { ...claim, id: testId(9003), type: 'teleport' }],
  ['missing thread', { ...claim, id: testId(9004), thread: undefined }],
  ['thread on a team-wide event', teamEvent('profile', { actor: alice, thread: 'x@y', payload: { name: 'A' } })],
  ['thread with a line break', { ...claim, id: testId(9005), thread: 'a@b\r\nX: y' }],
  ['actor is not an address', { ...claim, id: testId(9006), actor: 'Robert"); DROP TABLE' }],
  ['base is a number', { ...claim, id: testId(9007), base: 17 }],
  ['id is not a uuid', { ...claim, id: '../../etc/passwd' }],
  ['at is NaN-like', { ...claim, id: testId(9008), at: 'yesterday' }],
  ['huge note', teamEvent('note', { actor: alice, payload: { text: 'x'.repeat(200_000), mentions: [] } })],
  ['payload missing', { ...claim, id: testId(9009), payload: undefined }],
  [
    'policy with __proto__',
    JSON.parse(
      `{"v":1,"id":"${testId(9010)}","type":"policy.change","thread":null,"actor":"${alice}","base":null,"at":1,"known":[],"payload":{"policy":{"__proto__":{"admin":true}}}}`,
    ),
  ],
  ['deeply nested policy', teamEvent('policy.change', { actor: alice, payload: { policy: deep(5_000) } })],
];

function deep(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('garbage in the team log', () => {
  it.each(garbage)('ignores %s with a reason and keeps folding', (_name, event) => {
    const state = fold([
      { uid: 1, event },
      { uid: 2, event: claim },
    ]);
    expect(state.log[0]?.outcome.status).toBe('ignored');
    expect(state.log[0]?.outcome).toHaveProperty('reason', expect.any(String));
    expect(findTeamThread(state, ['order-1042@shop.example'])?.owner).toBe(alice);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('keeps forged extra fields out of the state', () => {
    const forged = {
      ...claim,
      outcome: { status: 'applied' },
      uid: 1,
      owner: 'mallory@evil.example',
      payload: { to: 'x' },
    };
    const state = fold([{ uid: 3, event: forged }]);
    expect(JSON.stringify(state)).not.toContain('mallory');
    expect(teamEventSchema.parse(forged)).not.toHaveProperty('owner');
  });

  it('applies keys that look like Object.prototype members as ordinary threads', () => {
    const state = emptyTeamState();
    for (const [uid, thread] of ['__proto__', 'constructor', 'toString'].entries()) {
      applyEvent(state, { uid: uid + 1, event: teamEvent('claim', { actor: alice, thread }) });
    }
    expect(Object.keys(state.threads)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(findTeamThread(state, ['hasOwnProperty'])).toBeNull();
    expect(JSON.parse(JSON.stringify(state)).threads.__proto__.owner).toBe(alice);
    expect(({} as Record<string, unknown>).owner).toBeUndefined();
  });

  const messages: Array<[string, string | Uint8Array]> = [
    ['empty', ''],
    ['binary', new Uint8Array([0, 255, 13, 10, 13, 10, 0xc3, 0x28])],
    ['over 64 KB', `Subject: x\r\n\r\n${'a'.repeat(70_000)}`],
    ['no body', 'From: a@b\r\nSubject: x'],
    ['multipart without boundary', 'Content-Type: multipart/mixed\r\n\r\n--x\r\n\r\n--x--'],
    ['JSON part that is not JSON', 'Content-Type: application/json\r\n\r\n{"v":1,'],
    ['JSON nested 100k deep', `Content-Type: application/json\r\n\r\n${'['.repeat(60_000)}`],
    ['base64 garbage', 'Content-Type: application/json\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!'],
    [
      'quoted-printable junk',
      'Content-Type: application/json\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=',
    ],
    ['JSON that is no event, 400 multiparts deep', nestedMultipart(400, '{"v":1}')],
  ];

  it.each(messages)('decodes %s to a reason, never a throw', async (_name, raw) => {
    const decoded = await decodeTeamEventSource(raw);
    expect(decoded.ok).toBe(false);
    expect(fold([await teamLogEntryFromSource(1, raw)]).log[0]?.outcome.status).toBe('ignored');
  });

  it('reads an event at any depth, as mailparser does, and still checks it', async () => {
    expect(await decodeTeamEventSource(nestedMultipart(10, JSON.stringify(claim)))).toEqual({ ok: true, event: claim });
  });

  it('rejects a genuine event padded past 64 KB', async () => {
    const raw = encodeTeamEventMessage(teamEventSchema.parse(claim)).toString('utf8');
    const padded = raw.replace('\r\n\r\n', `\r\nX-Pad: ${'p'.repeat(66_000)}\r\n\r\n`);
    expect(await decodeTeamEventSource(padded)).toMatchObject({ ok: false, code: 'too-large' });
  });
});

function nestedMultipart(levels: number, json: string): string {
  let body = `Content-Type: application/json\r\n\r\n${json}`;
  for (let i = 0; i < levels; i++) {
    body = `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
  }
  return body;
}
