#!/usr/bin/env node
// Builds the command line, its worker and the benchmark from TypeScript into build/ (git-ignored),
// once, at install (`prepare`) and before the tests: the CLI then starts as plain JavaScript.
// Commands are loaded lazily, each in a chunk of its own, so `followsun erlang` does not load the
// simulator. Every file is written beside its final name and renamed into place, chunks before
// the entries that import them, so a CLI started while another build runs never reads half a file.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const BUILD = join(ROOT, 'build');
/** Chunks of earlier builds are removed once this old (a running CLI may still import them). */
const STALE_MS = 3_600_000;

/** The browser-test helpers the benchmark reuses find the project from their own place
 * (import.meta.url two folders up), which a bundle would move: they keep their source's address. */
const sourcePlaceKept = {
  name: 'source-place-kept',
  setup(b) {
    b.onLoad({ filter: /[\\/]test[\\/]e2e[\\/][^\\/]+\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

export async function buildCli() {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'cli/main.ts', 'replication-worker': 'cli/replication-worker.ts', 'solver-worker': 'cli/solver-worker.ts', bench: 'bench/kernel.ts', 'minimal-kernel': 'bench/minimal-kernel.ts' },
    outdir: BUILD, // flat: every file one folder below the project, as cli/ is (cli/files.ts PROJECT_ROOT)
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // HiGHS finds its WebAssembly beside its own module; playwright-core (the benchmark's
    // Chromium driver) is a development tool: both stay in node_modules.
    external: ['highs', 'playwright-core'],
    chunkNames: 'chunk-[hash]',
    // Bundled CommonJS dependencies call require(): give the ES modules one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [sourcePlaceKept],
    write: false,
    minify: true, // a third of the code for V8 to parse at every start
    logLevel: 'warning',
  });
  mkdirSync(BUILD, { recursive: true });
  const entries = new Set(['main.js', 'replication-worker.js', 'solver-worker.js', 'bench.js', 'minimal-kernel.js']);
  const files = [...result.outputFiles].sort((a, b) => Number(entries.has(basename(a.path))) - Number(entries.has(basename(b.path))));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const current = new Set(files.map((f) => basename(f.path)));
  for (const name of readdirSync(BUILD)) {
    const path = join(BUILD, name);
    if (!current.has(name) && Date.now() - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
