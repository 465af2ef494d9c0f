import { describe, expect, it } from 'vitest';
import { receiveRedirect } from '../../../src/main/auth/loopback';

describe('the loopback redirect receiver (RFC 8252 7.3)', () => {
  it('listens on 127.0.0.1 on a free port and resolves with the redirect carrying the code', async () => {
    const receiver = await receiveRedirect('127.0.0.1');
    expect(receiver.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const favicon = await fetch(new URL('/favicon.ico', receiver.redirectUri));
    expect(favicon.status).toBe(404);
    const page = await fetch(`${receiver.redirectUri}?code=abc&state=xyz`);
    expect(await page.text()).toMatch(/You can close this tab/);
    const url = await receiver.result;
    expect(url.searchParams.get('code')).toBe('abc');
    expect(url.searchParams.get('state')).toBe('xyz');
    receiver.close();
  });

  it('names localhost for providers that register it, still listening on 127.0.0.1', async () => {
    const receiver = await receiveRedirect('localhost');
    expect(receiver.redirectUri).toMatch(/^http:\/\/localhost:\d+\/$/);
    const port = new URL(receiver.redirectUri).port;
    const page = await fetch(`http://127.0.0.1:${port}/?error=access_denied&state=s`);
    expect(await page.text()).toMatch(/did not finish/);
    expect((await receiver.result).searchParams.get('error')).toBe('access_denied');
    receiver.close();
  });

  it('stops waiting when closed', async () => {
    const receiver = await receiveRedirect('127.0.0.1');
    receiver.close();
    await expect(receiver.result).rejects.toThrow('closed');
  });
});
