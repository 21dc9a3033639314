// A plan refused for its programme, found by the fifth audit: the refusal's line came from parsing
// the file again (twice: its text read through a second load, then parsed for the line). Now from
// the positions of the one parse the file had; the same messages.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Parser } from 'yaml';
import { followsun } from '../cli-in-process';
import { manyCandidates, tempDir } from '../hostile-support';

const dir = tempDir('plan-programme-limit');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A scenario whose open shifts give 96 candidate starts each, `shifts` of them (`pad` comment
 * lines first, so that files differ in their lines); its path. */
function candidatesFile(name: string, shifts: number, pad = 0): string {
  const path = join(dir, name);
  writeFileSync(path, manyCandidates(shifts, pad));
  return path;
}

const refusal = (file: string, line: number, candidates: string) =>
  new RegExp(
    `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: staffing\\[0\\]\\.shifts\\[0\\]\\.every: the planner's programme would be too large to solve: ` +
      `about ${candidates} candidate shifts to decide \\(limit 2,000\\).*; or pass --allow-large-runs to solve it anyway$`,
  );

describe('followsun plan with a programme beyond the limit', () => {
  it('names the shift at its line, the file parsed once', async () => {
    const file = candidatesFile('plan1000.yaml', 1000);
    const parses = vi.spyOn(Parser.prototype, 'parse');
    const o = await followsun('plan', file);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(refusal(file, 12, '96,000'))]);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('--compare: each file at its own line, in order, each parsed once', async () => {
    const a = candidatesFile('a.yaml', 30);
    const b = candidatesFile('b.yaml', 40, 3);
    const parses = vi.spyOn(Parser.prototype, 'parse');
    const o = await followsun('plan', '--compare', a, b);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(refusal(a, 12, '2,880')), expect.stringMatching(refusal(b, 15, '3,840'))]);
    expect(parses).toHaveBeenCalledTimes(2);
  });
});
