// Vitest global setup: the tests spawn the built CLI (bin/followsun.mjs runs build/), so build it
// from the current sources first; a stale build can never hide a change.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildCli(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const r = spawnSync(process.execPath, ['bin/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
}
