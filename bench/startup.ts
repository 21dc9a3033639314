// Wall time of CLI commands started from a shell, as a user types them, on a copy laid out as the
// package installs (bin/, build/, scenarios/, package.json: no sources, so bin/followsun.mjs never
// rebuilds, however busy the working copy is; the commands timed need no node_modules).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Wall seconds of `sh -c "<command>"` in `cwd`, `times` times. */
export function shellWalls(command: string, times: number, cwd = ROOT): number[] {
  return Array.from({ length: times }, () => {
    const start = performance.now();
    const r = spawnSync('sh', ['-c', `${command} > /dev/null`], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
    return (performance.now() - start) / 1000;
  });
}

/** Runs `use` with the folder of an installed copy of the CLI, removed afterwards. */
export function withInstalledCopy<T>(use: (folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'followsun-installed-'));
  try {
    for (const part of ['bin', 'build', 'scenarios', 'package.json']) cpSync(join(ROOT, part), join(folder, part), { recursive: true });
    return use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
