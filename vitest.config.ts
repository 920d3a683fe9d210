import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
  },
});
