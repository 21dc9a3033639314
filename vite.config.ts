import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
