import http from 'node:http';
import type net from 'node:net';

/** A one-shot listener for the provider's redirect back to the app. */
export interface RedirectReceiver {
  redirectUri: string;
  /** The full URL the browser was sent back to (with `code` or `error`, and `state`). */
  result: Promise<URL>;
  close(): void;
}

const PAGE = (title: string, text: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font:16px system-ui;margin:4em auto;max-width:32em"><h1>${title}</h1><p>${text}</p></body>`;

/**
 * Listens on 127.0.0.1 on a port the system picks (RFC 8252 7.3, loopback redirect). Only a
 * request carrying `code` or `error` counts; anything else (a favicon) gets a 404.
 */
export async function receiveRedirect(host: 'localhost' | '127.0.0.1'): Promise<RedirectReceiver> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const redirectUri = `http://${host}:${port}/`;
  let reject: (error: Error) => void = () => undefined;
  const result = new Promise<URL>((resolve, fail) => {
    reject = fail;
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== '/' || (!url.searchParams.has('code') && !url.searchParams.has('error'))) {
        res.writeHead(404).end();
        return;
      }
      const ok = url.searchParams.has('code');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      res.end(
        ok
          ? PAGE('Signed in', 'Promptly has what it needs. You can close this tab and go back to Promptly.')
          : PAGE('Not signed in', 'The sign-in did not finish. Go back to Promptly to see why and try again.'),
      );
      resolve(url);
      server.close();
    });
  });
  result.catch(() => undefined);
  return {
    redirectUri,
    result,
    close: () => {
      reject(new Error('closed'));
      server.closeAllConnections();
      server.close();
    },
  };
}
