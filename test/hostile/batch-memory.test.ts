// A batch of scenarios, each within the limits, that together are not: `run` keeps every
// scenario's result until the end and writes them with --out as one JSON document, and twelve
// scenarios of about 48 MB of JSON each ended in "internal error: Invalid string length" once all
// were simulated. The scenarios beyond what one document holds are refused before anything is
// simulated, each in one line; the others are simulated and written. compare --json, all or
// nothing, is refused before simulating.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oneQueue, problemLines, ROOT, tempDir } from '../hostile-support';

const dir = tempDir('batch-memory');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a batch whose results do not fit in one document', () => {
  it('refuses the scenarios beyond it, naming each, and writes the others', () => {
    // 100 days of 5-minute intervals: about 69 MB of JSON each by the estimate (48 MB written).
    const files = Array.from({ length: 12 }, (_, i) => {
      const s: Record<string, any> = { ...oneQueue(), name: `Long ${i}`, replications: 1, horizon: { start: '2026-03-23T00:00:00Z', days: 100 }, intervalMinutes: 5 };
      s.demand[0].volume.perHour = 1;
      const file = `long-${String(i).padStart(2, '0')}.json`;
      writeFileSync(join(dir, file), JSON.stringify(s));
      return file;
    });
    // A heap large enough for the results' memory: the limit met is the document's.
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', join(ROOT, 'bin', 'followsun.mjs'), 'run', ...files, '--workers', '1', '--out', 'all.json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 150_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, FOLLOWSUN_DEBUG: '' },
    });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status, r.stderr.slice(-2000)).toBe(2);
    const refused = problemLines(r.stderr);
    expect(refused).toHaveLength(7);
    for (const [k, line] of refused.entries()) {
      expect(line).toMatch(new RegExp(`^long-${String(k + 5).padStart(2, '0')}\\.json: with the 5 scenarios before it in this batch, the results would be about \\d+ MB of JSON, more than one document can hold \\(400 MB\\); run it in a batch of its own`));
    }
    const document = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8'));
    expect(document.scenarios.map((s: { name: string }) => s.name)).toEqual(['Long 0', 'Long 1', 'Long 2', 'Long 3', 'Long 4']);
    expect(document.errors).toHaveLength(7);

    // compare --json printed them as one document too: refused before simulating anything.
    const c = spawnSync(process.execPath, ['--max-old-space-size=4096', join(ROOT, 'bin', 'followsun.mjs'), 'compare', ...files, '--replications', '2', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 150_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, FOLLOWSUN_DEBUG: '' },
    });
    expect(c.stderr).not.toMatch(/internal error|Simulating/);
    expect(c.status, c.stderr.slice(-2000)).toBe(2);
    const lines = problemLines(c.stderr);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^long-05\.json: with the 5 scenarios before it in this comparison, the results would be about \d+ MB of JSON, more than one document can hold \(400 MB\); compare fewer scenarios at once$/);
  }, 200_000);
});
