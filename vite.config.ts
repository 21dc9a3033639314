import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
// @ts-expect-error a JavaScript build script without type declarations
import { examplesPlugin } from './bin/examples-plugin.mjs';

/** The built page starts the simulation worker from a line in its <head>, before the app's script
 * is fetched, compiled and run: a worker's start needs turns of the page's main thread, which the
 * app's start (~0.2-0.4 s of script and first render) held, so the worker took its first job
 * ~0.4 s after navigation. SimRunner (src/sim-client.ts) adopts it; the dev server has no such
 * line and SimRunner starts its own. */
function earlySimWorker(): Plugin {
  return {
    name: 'followsun-early-sim-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const file = Object.keys(ctx.bundle ?? {}).find((f) => /(^|\/)sim\.worker-[\w-]+\.js$/.test(f));
        if (!file) throw new Error('followsun-early-sim-worker: no sim.worker chunk in the bundle');
        // An error before SimRunner listens is noted, so that it starts a worker of its own.
        const start = `(function(){try{var w=new Worker(new URL(${JSON.stringify(`./${file}`)},document.baseURI),{type:'module',name:'followsun-sim'});w.addEventListener('error',function(){w.failedEarly=true});window.followsunSimWorker=w}catch(e){}})()`;
        return html.replace(/<script type="module"/, `<script>${start}</script>\n    $&`);
      },
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built site works from any folder of any static host.
  base: './',
  // The shipped examples, checked at build time (bin/examples-plugin.mjs).
  plugins: [examplesPlugin(), earlySimWorker()],
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
