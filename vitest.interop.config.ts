import { defineConfig } from 'vitest/config';

/**
 * The interop suite (`npm run test:interop`): the same checks against every server of the
 * matrix (Dovecot and its variants, Cyrus, Courier). Separate from `npm test` because live
 * push on servers that poll takes minutes by design.
 */
export default defineConfig({
  test: {
    name: 'interop',
    include: ['tests/interop/**/*.test.ts'],
    globalSetup: ['tests/support/interop-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    // Most of the time is spent waiting for servers to push; let the files wait side by side.
    maxWorkers: 3,
  },
});
