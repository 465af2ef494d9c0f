import { describe, expect, it } from 'vitest';
import { redirectTarget } from '../../../src/main/mail/autoconfig/http';

describe('redirects of an autoconfig fetch', () => {
  it('resolves relative locations and keeps HTTPS', () => {
    expect(redirectTarget('https://autoconfig.shop.test/mail/config-v1.1.xml', '/v2/config.xml')).toBe(
      'https://autoconfig.shop.test/v2/config.xml',
    );
    expect(redirectTarget('https://shop.test/a', 'https://mail.host.test/shop.test.xml')).toBe(
      'https://mail.host.test/shop.test.xml',
    );
    expect(redirectTarget('http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/b')).toBe('http://127.0.0.1:8080/b');
  });

  it('never leaves HTTPS for plain HTTP', () => {
    expect(() => redirectTarget('https://autoconfig.shop.test/mail/config-v1.1.xml', 'http://evil.test/x.xml')).toThrow(
      'redirected from HTTPS to HTTP (http://evil.test/x.xml)',
    );
  });
});
