import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
    environment: 'node',
    // Tests on published workbooks read and fix whole files; on a busy two-core machine
    // that can take longer than the default 5 s. A timeout guards against hangs only.
    testTimeout: 60_000,
    globalSetup: ['test/globalSetup.ts'],
  },
});
