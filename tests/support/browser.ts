import { chromium, type Browser } from 'playwright-core';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CHROMIUM = process.env.PROMPTLY_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with the flags this closed network needs. `locale` (a POSIX name
 * such as de_DE.UTF-8) is the locale the browser itself runs in, as on a computer set up in that
 * language: Chromium on Linux takes it from LANG/LANGUAGE, and its native date and time inputs
 * follow it. It needs that language's pack (Debian: chromium-l10n).
 */
export async function launchChromium(options: { locale?: string } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `UI tests need Chromium at ${CHROMIUM}: on Debian/Ubuntu run \`sudo apt-get install chromium\`, or set PROMPTLY_CHROMIUM to a Chromium binary.`,
    );
  }
  const { locale } = options;
  const language = locale?.slice(0, 2);
  // Debian's /usr/bin/chromium is a script starting /usr/lib/chromium/chromium; other builds keep them side by side.
  const packs = [dirname(realpathSync(CHROMIUM)), '/usr/lib/chromium'].map((dir) => join(dir, 'locales'));
  if (language && language !== 'en' && !packs.some((dir) => existsSync(join(dir, `${language}.pak`))))
    throw new Error(
      `This test runs Chromium in ${locale}, which needs Chromium's language packs: on Debian run \`sudo apt-get install chromium-l10n\`.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...(locale
      ? { env: { ...process.env, LANG: locale, LANGUAGE: locale.split('.')[0] ?? locale, LC_ALL: locale } }
      : {}),
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
