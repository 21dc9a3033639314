import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths: the built site works from any folder of any static host.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  // Pre-bundled up front, so the dev server does not reload the page mid-session.
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/live.js', 'd3', 'yaml', 'zod', 'date-fns-tz', 'seedrandom'] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
