import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    // Browser specs (tests/e2e) run under node:test with playwright-core, not here.
    include: ['tests/{engine,training,workers,store,ui}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
