import type {
  DiscoveredSettings,
  DiscoveryAttempt,
  DiscoveryResult,
  DISCOVERY_SOURCES,
} from '../../../shared/discovery';
import { discoverByGuess, GUESS_PORTS, type GuessPorts } from './guess';
import { fetchHttp } from './http';
import {
  realTimer,
  resolverDns,
  type DiscoveryDns,
  type DiscoveryHttp,
  type DiscoveryTimer,
  type MxRecord,
} from './net';
import { presetForDomain, presetForMx, presetSettings } from './presets';
import type { ProbeTls } from './probe';
import { discoverBySrv } from './srv';
import { domainOf } from './validate';
import { autoconfigUrls, discoverByXml } from './xmlSource';

type Source = (typeof DISCOVERY_SOURCES)[number];

/** How long each source may take before the next one is tried, in ms. */
export interface DiscoveryTimeouts {
  mx: number;
  xml: number;
  srv: number;
  guess: number;
}

/** Short enough that a person waits at most a few seconds per source that does not answer. */
export const DISCOVERY_TIMEOUTS: DiscoveryTimeouts = { mx: 3_000, xml: 5_000, srv: 3_000, guess: 6_000 };

/** Everything discovery touches outside itself; tests point each at local servers and a manual clock. */
export interface DiscoveryDeps {
  dns: DiscoveryDns;
  http: DiscoveryHttp;
  now: () => number;
  timer: DiscoveryTimer;
  timeouts: DiscoveryTimeouts;
  /** The autoconfig document URLs for a domain (tests serve them over plain HTTP on loopback). */
  xmlUrls: (domain: string, address: string) => string[];
  guessPorts: GuessPorts;
  /** TLS options of the guess's connection tests (tests trust their own certificate authority). */
  probeTls: ProbeTls;
}

/** The real network and clock, with any part replaced. */
export function discoveryDeps(overrides: Partial<DiscoveryDeps> = {}): DiscoveryDeps {
  return {
    dns: resolverDns(),
    http: fetchHttp(),
    now: () => Date.now(),
    timer: realTimer,
    timeouts: DISCOVERY_TIMEOUTS,
    xmlUrls: autoconfigUrls,
    guessPorts: GUESS_PORTS,
    probeTls: {},
    ...overrides,
  };
}

/** A source's answer: settings and where exactly they came from, or why it gave none. */
type Answer = { settings: DiscoveredSettings; detail: string } | { failure: string };

interface Step {
  source: Source;
  /** Null for steps that never wait on the network. */
  timeoutMs: number | null;
  run: (signal: AbortSignal) => Promise<Answer>;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Runs one step under its time-out; an abandoned step is aborted so its sockets close. */
async function attempt(step: Step, deps: DiscoveryDeps): Promise<{ answer: Answer; ms: number }> {
  const started = deps.now();
  const controller = new AbortController();
  const limit = step.timeoutMs;
  const timedOut =
    limit === null
      ? null
      : deps.timer(limit, controller.signal).then((): Answer => ({ failure: `timed out after ${seconds(limit)}` }));
  try {
    const run = step.run(controller.signal).catch((error: unknown): Answer => ({ failure: failureOf(error) }));
    const answer = await (timedOut ? Promise.race([run, timedOut]) : run);
    return { answer, ms: deps.now() - started };
  } finally {
    controller.abort();
  }
}

function failureOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code && !e.message.includes(e.code) ? `${e.message} (${e.code})` : e.message;
}

/** The steps in this order: presets, MX presets, autoconfig XML, DNS SRV, guess. */
function steps(domain: string, address: string, deps: DiscoveryDeps): Step[] {
  return [
    {
      source: 'preset',
      timeoutMs: null,
      run: async () => {
        const preset = presetForDomain(domain);
        if (!preset) return { failure: `no built-in preset for ${domain}` };
        return { settings: presetSettings(preset, address), detail: `built-in preset: ${preset.label}` };
      },
    },
    {
      source: 'mx-preset',
      timeoutMs: deps.timeouts.mx,
      run: async (signal) => mxPreset(domain, address, await deps.dns.resolveMx(domain, signal)),
    },
    {
      source: 'autoconfig-xml',
      timeoutMs: deps.timeouts.xml,
      run: (signal) => discoverByXml(deps.xmlUrls(domain, address), address, deps.http, signal),
    },
    {
      source: 'dns-srv',
      timeoutMs: deps.timeouts.srv,
      run: async (signal) =>
        (await discoverBySrv(domain, address, deps.dns, signal)) ?? { failure: `no SRV records for ${domain}` },
    },
    {
      source: 'guess',
      timeoutMs: deps.timeouts.guess,
      run: (signal) =>
        discoverByGuess(domain, address, { dns: deps.dns, ports: deps.guessPorts, tls: deps.probeTls }, signal),
    },
  ];
}

function mxPreset(domain: string, address: string, records: MxRecord[]): Answer {
  if (records.length === 0) return { failure: `${domain} has no MX record` };
  const match = presetForMx(records);
  if (!match) {
    const hosts = records.map((r) => r.exchange).join(', ');
    return { failure: `MX ${hosts} is no provider Promptly knows` };
  }
  return {
    settings: presetSettings(match.preset, address),
    detail: `${match.preset.label}, because mail for ${domain} goes to ${match.mx} (MX)`,
  };
}

/** What the form starts from when nothing was found: the usual names, untested. */
function usualNames(domain: string, address: string): DiscoveredSettings {
  return {
    imapHost: `imap.${domain}`,
    imapPort: 993,
    imapTls: 'tls',
    smtpHost: `smtp.${domain}`,
    smtpPort: 465,
    smtpTls: 'tls',
    user: address,
    auth: 'password',
  };
}

/**
 * Finds the IMAP and SMTP settings of an address the way Thunderbird does: each
 * source in turn under its own time-out, the first that answers wins. The result says where
 * the settings came from and what was tried; with nothing found, the usual host names as a
 * starting point, marked as untested.
 */
export async function discoverMailSettings(address: string, deps: DiscoveryDeps): Promise<DiscoveryResult> {
  const domain = domainOf(address);
  if (!domain) throw new Error(`"${address}" has no domain to look up; enter the full address.`);
  const tried: DiscoveryAttempt[] = [];
  for (const step of steps(domain, address, deps)) {
    const { answer, ms } = await attempt(step, deps);
    tried.push({ source: step.source, outcome: 'failure' in answer ? answer.failure : 'found', ms });
    if (!('failure' in answer))
      return { source: step.source, sourceDetail: answer.detail, settings: answer.settings, tried };
  }
  return {
    source: 'none',
    sourceDetail: `Nothing found for ${domain}. These are the usual server names, not tested: check them with your mail provider.`,
    settings: usualNames(domain, address),
    tried,
  };
}
