/**
 * Delegated access in the OAuth mail world, as Microsoft 365 grants it for shared mailboxes:
 * a person signs in as themselves, and their token opens another mailbox when an admin gave
 * them access to it. Dovecot's oauth2 passdb cannot express this (it requires the token's
 * username to equal the login), so a checkpassword passdb after it introspects the same token
 * at the same authorization server and consults the world's delegation table. The SMTP relay
 * asks the same table.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Who may open which mailbox: mailbox address → addresses of the people with access. */
type Delegations = Record<string, string[]>;

/** The table file in the world's directory, read by the checkpassword program on every login. */
export function delegationFile(dir: string): string {
  return path.join(dir, 'delegations.json');
}

/** Mailboxes `person` may open besides their own, per the table. */
export function mayOpen(dir: string, mailbox: string, person: string): boolean {
  const table = JSON.parse(readFileSync(delegationFile(dir), 'utf8')) as Delegations;
  return (table[mailbox.toLowerCase()] ?? []).includes(person.toLowerCase());
}

/** An admin gives `person` access to `mailbox` (Microsoft 365: Full Access and Send As). */
export function grantAccess(dir: string, mailbox: string, person: string): void {
  const file = delegationFile(dir);
  const table = JSON.parse(readFileSync(file, 'utf8')) as Delegations;
  const key = mailbox.toLowerCase();
  table[key] = [...new Set([...(table[key] ?? []), person.toLowerCase()])];
  writeFileSync(file, JSON.stringify(table));
}

/**
 * Writes the checkpassword program (Dovecot hands it the login and the token on fd 3; on
 * success it runs checkpassword-reply, given as its argument, with USER set) and an empty
 * table; returns the passdb block that runs it for the token mechanisms.
 */
export function delegationPassdb(dir: string, introspectionUrl: string): string {
  writeFileSync(delegationFile(dir), '{}');
  chmodSync(delegationFile(dir), 0o644);
  const url = new URL(introspectionUrl);
  const basic = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString(
    'base64',
  );
  url.username = '';
  url.password = '';
  const program = path.join(dir, 'delegated-login.cjs');
  writeFileSync(
    program,
    `#!${process.execPath}
// Written by tests/support/mailworld-oauth-delegation.ts
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const [user = '', token = ''] = fs.readFileSync(3).toString('utf8').split('\\0');
async function main() {
  const response = await fetch(${JSON.stringify(url.toString())}, {
    method: 'POST',
    headers: { authorization: 'Basic ${basic}', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  const answer = await response.json();
  const table = JSON.parse(fs.readFileSync(${JSON.stringify(delegationFile(dir))}, 'utf8'));
  const person = String(answer.username || '').toLowerCase();
  if (answer.active !== true || !(table[user.toLowerCase()] || []).includes(person)) process.exit(1);
  const reply = spawnSync(process.argv[2], [], { stdio: ['ignore', 1, 2, 'ignore', 4], env: { ...process.env, USER: user } });
  process.exit(reply.status === null ? 111 : reply.status);
}
main().catch(() => process.exit(111));
`,
  );
  chmodSync(program, 0o755);
  return `passdb {\n  driver = checkpassword\n  mechanisms = xoauth2 oauthbearer\n  args = ${program}\n}\n`;
}

/** The auth process's memory limit is inherited by the program, and Node reserves more than 256 MB. */
export function withRoomForNode(config: string): string {
  return `${config}\nservice auth {\n  vsz_limit = 0\n}\n`;
}
