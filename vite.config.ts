import { defineConfig } from 'vitest/config';
// @ts-expect-error a JavaScript build script without type declarations
import { examplesPlugin } from './bin/examples-plugin.mjs';

export default defineConfig({
  // Relative asset paths: the built site works from any folder of any static host.
  base: './',
  // The shipped examples, checked at build time (bin/examples-plugin.mjs).
  plugins: [examplesPlugin()],
  worker: { format: 'es', plugins: () => [examplesPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  // Pre-bundled up front, so the dev server does not reload the page mid-session.
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/live.js', 'd3-scale', 'd3-shape', 'd3-axis', 'd3-array', 'd3-selection', 'yaml', 'zod', 'seedrandom'] },
  // Generous limits: on a busy 2-core machine everything runs several times slower, and a test
  // that fails for that tells nothing (speed is measured by `npm run bench`, not by the tests).
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build-cli.setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
