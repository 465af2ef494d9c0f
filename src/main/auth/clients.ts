import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { OAuthAvailability, OAuthProvider } from '../../shared/oauth';

/**
 * The OAuth client Promptly presents to a provider. Desktop apps are public clients (RFC 8252
 * 8.4): Google still issues its installed apps a "secret" that is not secret; Microsoft none.
 */
export interface OAuthClient {
  clientId: string;
  clientSecret?: string;
}

const clientSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1).optional() });

/** `oauth-clients.json` in the data folder: per provider, and per issuer URL. */
const fileSchema = z.object({
  microsoft: clientSchema.optional(),
  google: clientSchema.optional(),
  issuers: z.record(z.string(), clientSchema).optional(),
});

/** The name of the settings file, beside the database. */
export const CLIENTS_FILE = 'oauth-clients.json';

/**
 * The client ID a self-hosted issuer is expected to have registered for Promptly when nothing
 * else is configured (README, "Registering Promptly with Microsoft Entra and Google Cloud").
 */
export const DEFAULT_ISSUER_CLIENT_ID = 'promptly';

/** Where client IDs come from, most specific first: settings file, environment, build. */
export interface ClientSources {
  dataDir?: string;
  env: Record<string, string | undefined>;
  /** Values baked in at build time (./builtClients.ts); empty when run from source. */
  built?: Record<string, string | undefined>;
}

const ENV = {
  microsoft: { id: 'PROMPTLY_MICROSOFT_CLIENT_ID', secret: 'PROMPTLY_MICROSOFT_CLIENT_SECRET' },
  google: { id: 'PROMPTLY_GOOGLE_CLIENT_ID', secret: 'PROMPTLY_GOOGLE_CLIENT_SECRET' },
  issuer: { id: 'PROMPTLY_OAUTH_CLIENT_ID', secret: 'PROMPTLY_OAUTH_CLIENT_SECRET' },
} as const;

function fromFile(dataDir: string | undefined): z.infer<typeof fileSchema> {
  if (!dataDir) return {};
  const file = join(dataDir, CLIENTS_FILE);
  if (!existsSync(file)) return {};
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

function fromPairs(
  sources: Record<string, string | undefined>,
  keys: { id: string; secret: string },
): OAuthClient | null {
  const clientId = sources[keys.id];
  if (!clientId) return null;
  const clientSecret = sources[keys.secret];
  return clientSecret ? { clientId, clientSecret } : { clientId };
}

/** The configured client for a provider, or null when there is none (named providers only). */
export function resolveClient(provider: OAuthProvider, sources: ClientSources): OAuthClient | null {
  const file = fromFile(sources.dataDir);
  const kind: 'microsoft' | 'google' | 'issuer' =
    provider === 'microsoft' ? 'microsoft' : provider === 'google' ? 'google' : 'issuer';
  const configured =
    (kind === 'issuer' ? file.issuers?.[provider] : file[kind]) ??
    fromPairs(sources.env, ENV[kind]) ??
    fromPairs(sources.built ?? {}, ENV[kind]);
  if (configured) return configured;
  return kind === 'issuer' ? { clientId: DEFAULT_ISSUER_CLIENT_ID } : null;
}

/** Which buttons can work here, and for those that cannot, what to do. */
export function availability(sources: ClientSources): OAuthAvailability[] {
  const named = (provider: 'microsoft' | 'google', label: string, console: string): OAuthAvailability => {
    const configured = resolveClient(provider, sources) !== null;
    return {
      provider,
      configured,
      help: configured
        ? null
        : `No ${label} client ID is set up in this copy of Promptly. Register Promptly in ${console} ` +
          `(README, "Registering Promptly with Microsoft Entra and Google Cloud"), then put the ID in ` +
          `${CLIENTS_FILE} in the data folder or in ${ENV[provider].id} (where Promptly runs, or where it ` +
          'is built), and restart Promptly.',
    };
  };
  return [
    named('microsoft', 'Microsoft', 'Microsoft Entra'),
    named('google', 'Google', 'Google Cloud'),
    { provider: 'issuer', configured: true, help: null },
  ];
}
