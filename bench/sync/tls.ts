/**
 * TLS for the benchmark's Dovecot: a self-signed certificate for 127.0.0.1 and an IMAPS
 * listener next to the plain one, so the same mailbox is synced over both in one run.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../tests/support/mailworld-dovecot';
import { run } from './deliver';

/** Where the certificate lives and the IMAPS port Dovecot will listen on. */
export interface BenchTls {
  certFile: string;
  keyFile: string;
  imapsPort: number;
  /** Rewrites the mail world's Dovecot configuration: ssl on, IMAPS on `imapsPort`. */
  adjust: (config: string) => string;
}

/** Creates the certificate (openssl, RSA 2048, valid for IP 127.0.0.1) under `dir`. */
export async function setUpTls(dir: string): Promise<BenchTls> {
  mkdirSync(dir, { recursive: true });
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  const imapsPort = await freePort();
  const adjust = (config: string): string =>
    config
      .replace(/^ssl = no$/m, `ssl = yes\nssl_cert = <${certFile}\nssl_key = <${keyFile}`)
      .replace(
        /inet_listener imaps \{\n\s*port = 0\n\s*\}/,
        `inet_listener imaps {\n    address = 127.0.0.1\n    port = ${imapsPort}\n    ssl = yes\n  }`,
      );
  return { certFile, keyFile, imapsPort, adjust };
}
