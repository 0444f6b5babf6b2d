import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Guards against a hang only: a busy machine runs the tests that load a knowledge base several times slowly.
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // A busy machine may be slow; these only guard against a hang, never against a slow run.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          // A poll waits for the page, never races it: a second is not enough on a busy machine.
          expect: { poll: { timeout: 60_000, interval: 100 } },
          // One browser and one built site, shared: files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
