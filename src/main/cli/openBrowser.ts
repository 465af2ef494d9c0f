import { spawn } from 'node:child_process';

/** The platform's "open this page" program and its arguments. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/**
 * Opens an http(s) page in the system browser where one can be started; on a server without
 * one nothing happens, and the person follows the printed link instead.
 */
export function openBrowser(url: string): void {
  if (!/^https?:\/\//i.test(url)) return;
  const [command, args] = opener(url);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the URL is already printed.
  }
}
