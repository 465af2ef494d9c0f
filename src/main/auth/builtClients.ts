/**
 * Client IDs baked into a build: `npm run build` and `npm run build:cli` copy the
 * PROMPTLY_*_CLIENT_ID / _SECRET variables of the environment they run in (README,
 * "Registering Promptly with Microsoft Entra and Google Cloud"). The settings file and the
 * environment at run time come first.
 */
declare const __PROMPTLY_BUILT_CLIENTS__: Record<string, string> | undefined;

/** The names a build copies, when set: the same ones read from the environment at run time. */
export const CLIENT_VARIABLES = [
  'PROMPTLY_MICROSOFT_CLIENT_ID',
  'PROMPTLY_MICROSOFT_CLIENT_SECRET',
  'PROMPTLY_GOOGLE_CLIENT_ID',
  'PROMPTLY_GOOGLE_CLIENT_SECRET',
  'PROMPTLY_OAUTH_CLIENT_ID',
  'PROMPTLY_OAUTH_CLIENT_SECRET',
] as const;

/** The bundler `define` that bakes the set variables of `env` into a build. */
export function clientDefine(env: Record<string, string | undefined>): { __PROMPTLY_BUILT_CLIENTS__: string } {
  const set = CLIENT_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]] as const] : []));
  return { __PROMPTLY_BUILT_CLIENTS__: JSON.stringify(Object.fromEntries(set)) };
}

/** What this build carries; nothing when run from source (tests, `npm run cli`). */
export function builtClients(): Record<string, string> {
  return typeof __PROMPTLY_BUILT_CLIENTS__ === 'undefined' ? {} : __PROMPTLY_BUILT_CLIENTS__;
}
