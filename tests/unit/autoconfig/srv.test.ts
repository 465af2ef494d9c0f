import { describe, expect, it } from 'vitest';
import { discoverBySrv } from '../../../src/main/mail/autoconfig/srv';
import type { DiscoveryDns, SrvRecord } from '../../../src/main/mail/autoconfig/net';

/** Fixed SRV answers: the choice among records is what is under test here (the DNS side is in the integration tests). */
function answers(records: Record<string, SrvRecord[]>): DiscoveryDns {
  return {
    resolveMx: async () => [],
    resolveSrv: async (name) => records[name] ?? [],
    resolveHost: async () => null,
  };
}

const signal = new AbortController().signal;
const srv = (name: string, port: number, priority = 0, weight = 0): SrvRecord => ({ name, port, priority, weight });

describe('RFC 6186 SRV records', () => {
  it('takes the lowest priority across _imaps and _imap, implicit TLS on a tie', async () => {
    const found = await discoverBySrv(
      'shop.test',
      'a@shop.test',
      answers({
        '_imaps._tcp.shop.test': [srv('imaps.shop.test', 993, 10)],
        '_imap._tcp.shop.test': [srv('imap.shop.test', 143, 5)],
        '_submissions._tcp.shop.test': [srv('smtps.shop.test', 465, 0)],
        '_submission._tcp.shop.test': [srv('smtp.shop.test', 587, 0)],
      }),
      signal,
    );
    expect(found?.settings).toEqual({
      imapHost: 'imap.shop.test',
      imapPort: 143,
      imapTls: 'starttls',
      smtpHost: 'smtps.shop.test',
      smtpPort: 465,
      smtpTls: 'tls',
      user: 'a@shop.test',
      auth: 'password',
    });
    expect(found?.detail).toContain('_imap._tcp.shop.test → imap.shop.test:143');
  });

  it('treats a target of "." as "not offered" and prefers the heavier weight', async () => {
    const found = await discoverBySrv(
      'shop.test',
      'a@shop.test',
      answers({
        '_imaps._tcp.shop.test': [srv('.', 0)],
        '_imap._tcp.shop.test': [srv('light.shop.test', 143, 1, 1), srv('heavy.shop.test', 143, 1, 50)],
        '_submission._tcp.shop.test': [srv('smtp.shop.test', 587)],
      }),
      signal,
    );
    expect(found?.settings).toMatchObject({ imapHost: 'heavy.shop.test', smtpHost: 'smtp.shop.test' });
  });

  it('is null without records and says which half is missing', async () => {
    expect(await discoverBySrv('shop.test', 'a@shop.test', answers({}), signal)).toBeNull();
    await expect(
      discoverBySrv(
        'shop.test',
        'a@shop.test',
        answers({ '_imaps._tcp.shop.test': [srv('imap.shop.test', 993)] }),
        signal,
      ),
    ).rejects.toThrow('only an IMAP record (_imaps._tcp.shop.test), no submission record');
  });
});
