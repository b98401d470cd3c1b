import { defineConfig } from 'vitest/config';

// One convention: tests live in tests/, mirroring src/ by layer. `unit` runs everything in Node
// (core, use cases, adapters on the fakes, the built bundle in a vm); `e2e` drives the sandbox in
// Debian's Chromium, one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // The sandbox's HTTP tests start the real bundle with the demo; on a loaded 2-core CI
          // runner that can take more than vitest's default 5 s. Nothing here asserts timing.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
