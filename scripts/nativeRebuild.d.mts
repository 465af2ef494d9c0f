/** How to run npm from a script on this OS (see nativeRebuild.mjs). */
export declare function npmInvocation(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  execPath: string,
): { file: string; args: string[]; shell: boolean };

/** The npm settings that rebuild better-sqlite3 for a runtime (see nativeRebuild.mjs). */
export declare function rebuildEnv(
  target: { runtime: 'node' } | { runtime: 'electron'; version: string },
): Record<string, string>;
