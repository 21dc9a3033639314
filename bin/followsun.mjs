#!/usr/bin/env node
// The CLI runs as JavaScript built from cli/ by bin/build-cli.mjs, which `npm ci` and
// `npm install` run (the `prepare` script): no TypeScript compiler at run time. In a working
// copy whose sources changed since, it is rebuilt first (a third of a second), so that a stale
// build never hides a change.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT = join(ROOT, 'build', 'main.js');
const SOURCES = ['cli', 'sim', 'report'];

/** The newest modification time of the sources the CLI is built from, in ms. */
function newestSource() {
  let newest = 0;
  for (const folder of SOURCES) {
    const dir = join(ROOT, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

if (!existsSync(BUILT) || newestSource() > statSync(BUILT).mtimeMs) {
  try {
    await (await import('./build-cli.mjs')).buildCli();
  } catch (e) {
    process.stderr.write(`followsun: could not build the command line (npm ci builds it): ${e.message}\n`);
    process.exit(1);
  }
}
// A reader that stops early (`followsun schema | head -1`) closes the pipe: stop quietly, as
// command-line tools do. Any other failure to write the output (a full disk) is one line.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`followsun: cannot write the output (${e.code === 'ENOSPC' ? 'the disk is full' : (e.code ?? e.message)})\n`);
      } catch {
        // stderr is gone too
      }
    }
    process.exit(1);
  });
}
const { main } = await import('../build/main.js');
process.exitCode = await main(process.argv.slice(2));
