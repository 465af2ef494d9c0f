/**
 * A mail world whose servers accept OAuth2: the authorization server from
 * ./mailworld-oauth-provider.ts, a private Dovecot with an oauth2 passdb that validates
 * XOAUTH2/OAUTHBEARER tokens by introspection, and the SMTP relay accepting XOAUTH2 checked
 * the same way. Passwords keep working beside tokens (LMTP delivery needs only the userdb).
 * Started inside a test file: the authorization server runs in the test's own process.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { artifactPath } from './browser';
import { startAuthServer, type AuthServer } from './mailworld-oauth-provider';
import { delegationPassdb, grantAccess, mayOpen, withRoomForNode } from './mailworld-oauth-delegation';
import { startMailWorld, type MailWorld } from './mailworld';

export { PUBLIC_CLIENT_ID } from './mailworld-oauth-provider';

/** The mail world plus the authorization server its servers trust. */
export interface OAuthMailWorld {
  mail: MailWorld;
  auth: AuthServer;
  /** An admin gives `person` access to the shared `mailbox` (IMAP and SMTP, with their own token). */
  grantAccess(mailbox: string, person: string): void;
  /** Drops every IMAP connection of this user (doveadm kick), as a server restart would. */
  kick(user: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Adds the oauth2 passdb and then the delegated-access one (both before passwd-file) and the
 * token mechanisms to Dovecot's config.
 */
function withOAuthPassdb(config: string, argsFile: string, delegated: string): string {
  return config
    .replace('auth_mechanisms = plain login', 'auth_mechanisms = plain login xoauth2 oauthbearer')
    .replace(
      'passdb {',
      `passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = ${argsFile}\n}\n${delegated}passdb {`,
    );
}

/** Starts the authorization server, then Dovecot and the SMTP relay trusting it. */
export async function startOAuthMailWorld(opts: { accessTokenTtl?: number } = {}): Promise<OAuthMailWorld> {
  const auth = await startAuthServer(opts);
  const signsIn = async (user: string, token: string): Promise<boolean> => {
    const answer = await auth.introspect(token);
    const person = answer.username?.toLowerCase() ?? '';
    return answer.active && (person === user.toLowerCase() || mayOpen(worldDir, user, person));
  };
  let argsFile = '';
  let worldDir = '';
  const mail = await startMailWorld({
    adjustDovecot: (config) => {
      // The world's directory is the base_dir's parent; the args file sits beside dovecot.conf.
      const dir = path.dirname(/base_dir = (.+)/.exec(config)?.[1] ?? '.');
      worldDir = dir;
      argsFile = path.join(dir, 'dovecot-oauth2.conf.ext');
      writeFileSync(
        argsFile,
        [
          `introspection_url = ${auth.introspectionUrl}`,
          'introspection_mode = post',
          'username_attribute = username',
          'active_attribute = active',
          'active_value = true',
          '',
        ].join('\n'),
      );
      return withRoomForNode(withOAuthPassdb(config, argsFile, delegationPassdb(dir, auth.introspectionUrl)));
    },
    tokenSignsIn: signsIn,
  }).catch(async (err: unknown) => {
    await auth.close();
    throw err;
  });
  return {
    mail,
    auth,
    grantAccess: (mailbox, person) => grantAccess(worldDir, mailbox, person),
    kick: async (user) => {
      await promisify(execFile)('doveadm', ['-c', path.join(mail.dir, 'dovecot.conf'), 'kick', user]).catch(
        (error: { code?: number }) => {
          // EX_NOUSER (67/68): no session of that user was open at this moment; nothing to drop.
          if (error.code !== 67 && error.code !== 68) throw error;
        },
      );
    },
    stop: async () => {
      await mail.stop();
      await auth.close();
    },
  };
}

/**
 * An `openUrl` for the sign-in flow that plays the person in the system browser: opens the
 * provider's page in Chromium, signs in as `login` and gives consent, landing on the app's
 * loopback page. Resolves when that page has loaded.
 */
export function browserSignIn(
  browser: Browser,
  login: string,
  opts: { shots?: string } = {},
): (url: string) => Promise<void> {
  return async (url) => {
    // A context of its own: no session cookie from an earlier sign-in skips the login page.
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(url);
      await page.fill('input[name=login]', login);
      await page.fill('input[name=password]', 'any password');
      if (opts.shots) await page.screenshot({ path: artifactPath(`${opts.shots}-1-login.png`) });
      await page.click('button[type=submit]');
      await page.waitForSelector('button:has-text("Continue")');
      if (opts.shots) await page.screenshot({ path: artifactPath(`${opts.shots}-2-consent.png`) });
      await page.click('button:has-text("Continue")');
      await page.waitForSelector('text=You can close this tab');
      if (opts.shots) await page.screenshot({ path: artifactPath(`${opts.shots}-3-back.png`) });
    } finally {
      await context.close();
    }
  };
}
