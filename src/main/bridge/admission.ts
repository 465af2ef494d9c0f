import type { IncomingMessage } from 'node:http';

/** Whether a handshake may open a bridge connection, and with which credential. */
export type Admission = { ok: true; by: 'token' | 'session' } | { ok: false; status: 401 | 403; reason: string };

/** What the bridge knows when it judges a handshake. */
export interface AdmissionRules {
  port: number;
  /** Exact origins (`http://127.0.0.1:5173`) a browser page may connect from; default: any loopback page. */
  allowedOrigins?: string[];
  /** Checks (and uses up) a printed single-use token. */
  tokenValid(given: string): boolean;
  /** Checks a session secret handed out for an earlier token. */
  sessionValid(given: string): boolean;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function loopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Judges a WebSocket handshake. The Host must name this loopback port, so a page on
 * another name that resolves to 127.0.0.1 (DNS rebinding) is refused. A browser always
 * sends Origin (RFC 6455 §4.1): it must be an allowed one, so no web page can drive the
 * engine even if it learned a secret. Programs without Origin still need the credential.
 */
export function admission(request: IncomingMessage, rules: AdmissionRules): Admission {
  const host = (request.headers.host ?? '').toLowerCase();
  if (!LOOPBACK_HOSTS.some((name) => host === `${name}:${rules.port}`))
    return { ok: false, status: 403, reason: 'The bridge answers only on its loopback address' };
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const allowed = rules.allowedOrigins ? rules.allowedOrigins.includes(origin) : loopbackOrigin(origin);
    if (!allowed) return { ok: false, status: 403, reason: 'This page may not use the bridge' };
  }
  const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
  const session = query.get('session');
  if (session !== null && rules.sessionValid(session)) return { ok: true, by: 'session' };
  const token = query.get('token');
  if (token !== null && rules.tokenValid(token)) return { ok: true, by: 'token' };
  return { ok: false, status: 401, reason: 'A valid bridge token is required' };
}
