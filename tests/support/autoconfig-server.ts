import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Endpoint } from './mailworld';

/** A Thunderbird-style autoconfig document (config-v1.1) pointing at the test world's servers. */
export function autoconfigXml(domain: string, imap: Endpoint, smtp: Endpoint): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>Test mail for ${domain}</displayName>
    <incomingServer type="imap">
      <hostname>${imap.host}</hostname>
      <port>${imap.port}</port>
      <socketType>plain</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>${smtp.host}</hostname>
      <port>${smtp.port}</port>
      <socketType>plain</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </outgoingServer>
  </emailProvider>
</clientConfig>
`;
}

/** Serves `xml` at /mail/config-v1.1.xml on a loopback port, as autoconfig.DOMAIN would. */
export async function startAutoconfigServer(
  xml: string,
): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if ((req.url ?? '').startsWith('/mail/config-v1.1.xml')) {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(xml);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mail/config-v1.1.xml`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
