// Wall time of CLI commands started from a shell, as a user types them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Wall seconds of `sh -c "node bin/followsun.mjs <args>"`, `times` times. */
export function commandWalls(args: string, times: number): number[] {
  return Array.from({ length: times }, () => {
    const start = performance.now();
    const r = spawnSync('sh', ['-c', `node bin/followsun.mjs ${args} > /dev/null`], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`followsun ${args} failed: ${r.stderr}`);
    return (performance.now() - start) / 1000;
  });
}
