import { domainToASCII } from 'node:url';

/**
 * Checks on host names and ports that come from the network (autoconfig documents, SRV
 * records): they end up in a form and in connection attempts, so only plain DNS names pass.
 */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Whether `host` is a DNS name (or dotted IPv4 address) with at least two labels and no placeholders left. */
export function validHost(host: string): boolean {
  return HOST_NAME.test(host);
}

/** Whether `port` is a TCP port number. */
export function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** The domain of an address, lower-cased, international names in their DNS form (RFC 5891); null when it has none. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  const domain = at > 0 ? domainToASCII(address.slice(at + 1).trim()) : '';
  return validHost(domain) ? domain : null;
}
