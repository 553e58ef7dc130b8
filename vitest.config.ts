import { defineConfig } from 'vitest/config';

// Pure code (src/lib, widget models), the Python examples run for real on 127.0.0.1, and the
// build's own checks (a broken chapter must fail the build). The browser suite is Playwright's.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/examples/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 20_000,
    // Vitest 5 runs one file at a time on a 2-core machine; most of the slow files wait on real
    // Python processes and sockets, so three at once finish in about half the time.
    maxWorkers: 3,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
