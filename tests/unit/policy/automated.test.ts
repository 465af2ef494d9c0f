import { describe, expect, it } from 'vitest';
import { isAutomatedMessage, type MailHeaders } from '../../../src/main/policy/deadlines';

const human = 'Ada Customer <ada@example.com>';

describe('automated mail detection', () => {
  it.each<[string, MailHeaders, string, string | undefined, boolean]>([
    ['plain human mail', { subject: 'Help' }, human, 'text/plain', false],
    ['Auto-Submitted: no is a human', { 'Auto-Submitted': 'no' }, human, undefined, false],
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }, human, undefined, true],
    [
      'Auto-Submitted with parameters',
      { 'auto-submitted': 'auto-generated; owner-email="x@y"' },
      human,
      undefined,
      true,
    ],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }, human, undefined, true],
    ['X-Autoreply: no is a human', { 'X-Autoreply': 'no' }, human, undefined, false],
    ['X-Autorespond', { 'X-Autorespond': 'Out of office' }, human, undefined, true],
    ['Precedence: bulk', { Precedence: 'bulk' }, human, undefined, true],
    ['Precedence: junk', { precedence: 'junk' }, human, undefined, true],
    ['Precedence: list', { precedence: 'List' }, human, undefined, true],
    ['Precedence: auto_reply', { precedence: 'auto_reply' }, human, undefined, true],
    ['Precedence: first-class is a human', { precedence: 'first-class' }, human, undefined, false],
    ['List-Id', { 'List-Id': '<news.example.com>' }, human, undefined, true],
    ['List-Unsubscribe', { 'List-Unsubscribe': '<mailto:u@example.com>' }, human, undefined, true],
    ['delivery status report', {}, human, 'multipart/report; report-type=delivery-status', true],
    [
      'report in the Content-Type header',
      { 'content-type': 'multipart/report; report-type=disposition-notification' },
      human,
      undefined,
      true,
    ],
    ['null return path (a bounce)', { 'Return-Path': '<>' }, human, undefined, true],
    ['MAILER-DAEMON', {}, 'Mail Delivery System <MAILER-DAEMON@mx.example.com>', undefined, true],
    ['postmaster', {}, 'postmaster@example.com', undefined, true],
    ['a person named postmaster-ish is still a human', {}, 'postmaster.jones@example.com', undefined, false],
    ['repeated headers as arrays', { Received: ['a', 'b'], precedence: ['normal', 'bulk'] }, human, undefined, true],
  ])('%s', (_name, headers, from, contentType, expected) => {
    expect(isAutomatedMessage(headers, from, contentType)).toBe(expected);
  });
});
