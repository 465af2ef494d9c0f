import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Generous: some unit tests seed the whole demo mailbox, which takes seconds on a busy 2-core machine.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // `npm run dist` for Linux against stand-ins (docs/packaging.md); minutes, not seconds.
        test: {
          name: 'packaging',
          include: ['tests/packaging/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts', 'tests/support/renderer-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The same checks against every server of the matrix (Dovecot and its variants, Cyrus,
        // Courier); most of the time is spent waiting for servers to push, so files wait side by side.
        test: {
          name: 'interop',
          include: ['tests/interop/**/*.test.ts'],
          globalSetup: ['tests/support/interop-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
          maxWorkers: 3,
          // Its own group, after the others: vitest runs projects with a different worker count apart.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
