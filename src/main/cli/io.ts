import type { parseArgs } from 'node:util';
import type { PromptlyService } from '../service/service';
import type { DiscoveryDeps } from '../mail/autoconfig/discover';

/** Where the CLI writes; tests pass buffers. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => number;
  /** Resolves on Ctrl+C, ending long-running verbs (`sync`). */
  stopped?: Promise<void>;
  /** Opens a sign-in page in the system browser, where there is one (the URL is printed anyway). */
  openUrl?: (url: string) => void;
  /** Where settings discovery looks; tests point it at local DNS and HTTP servers. */
  discovery?: Partial<DiscoveryDeps>;
}

/** Exit codes: 0 success, 1 failure, 2 bad usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Bad usage: printed with exit code 2. */
export class UsageError extends Error {}

export const USAGE = `usage: promptly [--data-dir DIR] [--json] <verb>
verbs:
  account set --address ADDR --password-env VAR [--name NAME] [--user U]
              [--imap-host H --imap-port P --imap-tls tls|starttls|none
               --smtp-host H --smtp-port P --smtp-tls tls|starttls|none]
                          without the servers, they are found from the address;
              [--save-anyway] saves even when a server cannot be reached yet
  account set --auth oauth2 --provider microsoft|google|ISSUER_URL --address ADDR [servers as above]
                          signs in through the provider's page (the URL is printed, a browser
                          opened where possible); the servers of an issuer are found when left out
              [--sign-in-as ME] a shared mailbox (ADDR) opened with your own sign-in (ME)
              [--oauth-token-env VAR] uses the access token in VAR instead (not refreshed);
                          other verbs take --oauth-token-env too
  account discover ADDR   find the server settings of an address, and say how
  account test
  sync [--once]           keep the mailbox in sync (push) until Ctrl+C, or one pass
       [--max-connections N] [--poll-seconds N]
                          connections Promptly may hold (default 2) and how often it checks
                          without push (default 30); both are saved as settings
  status                  how live sync hears about changes, per-folder sync state, errors, lag
  search QUERY [--limit N] from: to: before: after: has:attachment, words, "phrases"
  threads [--limit N] [--view mine|unassigned|due|overdue|promised|waiting|closed|all]
  thread ID|KEY [--raw]
  claim KEY | assign KEY ADDRESS | handoff KEY ADDRESS | accept KEY | decline KEY
  release KEY | note KEY TEXT | close KEY | reopen KEY | owner KEY
  merge KEY INTO_KEY      KEY's messages, notes and promises join INTO_KEY, which stays
  split KEY --from MESSAGE_ID
                          that message and every later one become a conversation of their own
  log                     the team log, folded, in server order
  reply KEY --text T|--template ID [--all|--forward] [--to ADDR]... [--attach FILE]... [--force]
  courtesy KEY [--promise DATE]
  outbox | outbox retry ID | outbox cancel ID | outbox send-again ID
  templates | templates save NAME --body TEXT [--subject S] | templates delete NAME
                          the team's saved replies; a save with an existing name changes it
  deadlines [--view due|overdue]
  snooze KEY UNTIL|off
  policy show | policy set [--window-hours N] [--timezone ZONE] [--due-soon business-day|4h|90m]
             [--hours "mon-fri 09:00-17:00"] [--holiday YYYY-MM-DD]... [--holidays-ics FILE]
  metrics [--from DATE] [--until DATE]
  export threads.csv|metrics.csv
global: --me ADDRESS acts as that teammate`;

export const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  'imap-host': { type: 'string' },
  'imap-port': { type: 'string' },
  'imap-tls': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-tls': { type: 'string' },
  user: { type: 'string' },
  'password-env': { type: 'string' },
  auth: { type: 'string' },
  provider: { type: 'string' },
  'oauth-token-env': { type: 'string' },
  'sign-in-as': { type: 'string' },
  address: { type: 'string' },
  name: { type: 'string' },
  once: { type: 'boolean', default: false },
  'max-connections': { type: 'string' },
  'poll-seconds': { type: 'string' },
  limit: { type: 'string' },
  raw: { type: 'boolean', default: false },
  me: { type: 'string' },
  text: { type: 'string' },
  template: { type: 'string' },
  body: { type: 'string' },
  subject: { type: 'string' },
  all: { type: 'boolean', default: false },
  forward: { type: 'boolean', default: false },
  to: { type: 'string', multiple: true },
  attach: { type: 'string', multiple: true },
  promise: { type: 'string' },
  force: { type: 'boolean', default: false },
  'save-anyway': { type: 'boolean', default: false },
  'window-hours': { type: 'string' },
  timezone: { type: 'string' },
  'lead-minutes': { type: 'string' },
  'due-soon': { type: 'string' },
  hours: { type: 'string' },
  holiday: { type: 'string', multiple: true },
  'holidays-ics': { type: 'string' },
  'reply-to': { type: 'string' },
  from: { type: 'string' },
  until: { type: 'string' },
  view: { type: 'string' },
} as const;

/** The parsed flags of one invocation. */
export type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** What one engine verb gets: its words and flags, the service, where to write, and `print`. */
export interface VerbContext {
  positionals: string[];
  values: Flags;
  service: PromptlyService;
  io: CliIo;
  /** Writes `value` as JSON under --json, else `text()`. */
  print(value: unknown, text: () => string): void;
}

/** An engine verb: runs and returns the exit code. */
export type EngineVerb = (ctx: VerbContext) => Promise<number>;
