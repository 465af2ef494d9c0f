import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { TlsMode } from '../../../shared/types';

/** A server to test: the name it is known by, the address to reach it at, and how. */
export interface ProbeTarget {
  protocol: 'imap' | 'smtp';
  host: string;
  address: string;
  port: number;
  tls: TlsMode;
}

/** Extra TLS options (tests trust their own certificate authority with `ca`). */
export type ProbeTls = Pick<ConnectionOptions, 'ca'>;

/** Reads from the socket until `complete` says the answer so far is whole. */
function readAnswer(socket: Socket, complete: (text: string) => boolean, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error: Error | null): void => {
      socket.off('data', onData).off('error', finish).off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      if (complete(text)) finish(null);
      else if (text.length > 16_384) finish(new Error('the server sent a greeting that never ends'));
    };
    const onClose = (): void => finish(new Error('the server closed the connection'));
    const onAbort = (): void => finish(new Error('abandoned'));
    socket.on('data', onData).on('error', finish).on('close', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const LINE = /\r?\n/;
/** An SMTP reply is whole once a line has a space (or nothing) after its code (RFC 5321 section 4.2). */
const SMTP_DONE = /(^|\n)\d{3}( [^\n]*)?\r?\n/;

/** Opens TCP, or TLS from the first byte, verifying the certificate against the host name. */
function open(target: ProbeTarget, signal: AbortSignal, tlsOptions: ProbeTls): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const done = (): void => signal.removeEventListener('abort', onAbort);
    const connected = (): void => {
      done();
      resolve(socket);
    };
    const socket =
      target.tls === 'tls'
        ? tlsConnect({ host: target.address, port: target.port, servername: target.host, ...tlsOptions }, connected)
        : tcpConnect({ host: target.address, port: target.port }, connected);
    const onAbort = (): void => {
      socket.destroy();
      reject(new Error('abandoned'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error) => {
      done();
      reject(error);
    });
  });
}

/** Upgrades a plain connection after STARTTLS, verifying the certificate; gives up when `signal` aborts. */
function upgrade(socket: Socket, host: string, signal: AbortSignal, tlsOptions: ProbeTls): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      secure.destroy();
      reject(new Error('abandoned'));
    };
    const secure = tlsConnect({ socket, servername: host, ...tlsOptions }, () => {
      signal.removeEventListener('abort', onAbort);
      resolve(secure);
    });
    secure.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Says hello the protocol's way and, for STARTTLS, checks the offer and upgrades. */
async function converse(socket: Socket, target: ProbeTarget, signal: AbortSignal, tlsOptions: ProbeTls) {
  const ask = (line: string, complete: (text: string) => boolean): Promise<string> => {
    const answer = readAnswer(socket, complete, signal);
    socket.write(`${line}\r\n`);
    return answer;
  };
  if (target.protocol === 'imap') {
    const greeting = await readAnswer(socket, (t) => LINE.test(t), signal);
    if (!/^\* (OK|PREAUTH)/i.test(greeting)) throw new Error(`no IMAP greeting (${greeting.trim().slice(0, 80)})`);
    if (target.tls !== 'starttls') return;
    const caps = await ask('p1 CAPABILITY', (t) => /(^|\n)p1 /i.test(t));
    if (!/\bSTARTTLS\b/i.test(caps)) throw new Error('the server offers no STARTTLS');
    const ok = await ask('p2 STARTTLS', (t) => /(^|\n)p2 /i.test(t));
    if (!/(^|\n)p2 OK/i.test(ok)) throw new Error(`STARTTLS refused (${ok.trim().slice(0, 80)})`);
  } else {
    const greeting = await readAnswer(socket, (t) => SMTP_DONE.test(t), signal);
    if (!/^220/.test(greeting)) throw new Error(`no SMTP greeting (${greeting.trim().slice(0, 80)})`);
    if (target.tls !== 'starttls') return;
    const ehlo = await ask('EHLO promptly.invalid', (t) => SMTP_DONE.test(t));
    if (!/^250[ -]STARTTLS\b/im.test(ehlo)) throw new Error('the server offers no STARTTLS');
    const ok = await ask('STARTTLS', (t) => SMTP_DONE.test(t));
    if (!/^220/.test(ok)) throw new Error(`STARTTLS refused (${ok.trim().slice(0, 80)})`);
  }
  (await upgrade(socket, target.host, signal, tlsOptions)).destroy();
}

/**
 * A real connection test of one guessed server: TCP (or TLS) to it, its greeting, and for
 * STARTTLS the upgrade with a verified certificate. Resolves when the server is usable for
 * that protocol and TLS mode; rejects with what went wrong. Never signs in.
 */
export async function probeServer(target: ProbeTarget, signal: AbortSignal, tlsOptions: ProbeTls = {}): Promise<void> {
  const socket = await open(target, signal, tlsOptions);
  socket.on('error', () => undefined); // failures surface through readAnswer
  const close = (): void => void socket.destroy();
  signal.addEventListener('abort', close, { once: true });
  try {
    await converse(socket, target, signal, tlsOptions);
  } finally {
    signal.removeEventListener('abort', close);
    socket.destroy();
  }
}
