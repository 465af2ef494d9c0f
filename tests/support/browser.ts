import { chromium, type Browser } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = process.env.PROMPTLY_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `UI tests need Chromium at ${CHROMIUM}: on Debian/Ubuntu run \`sudo apt-get install chromium\`, or set PROMPTLY_CHROMIUM to a Chromium binary.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Where screenshots go (kept as CI artifacts). */
export function artifactPath(name: string): string {
  const dir = join(process.cwd(), 'reports', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
