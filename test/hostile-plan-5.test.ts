// A plan refused for its programme, found by the fifth audit: the refusal's line came from parsing
// the file again (twice: its text read through a second load, then parsed for the line). Now from
// the positions of the one parse the file had; the same messages.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Parser } from 'yaml';
import { followsun } from './cli-in-process';
import { tempDir } from './hostile-support';

const dir = tempDir('hostile-plan-5');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A scenario whose open shifts give 96 candidate starts each, `shifts` of them (`pad` comment
 * lines first, so that files differ in their lines); its path. */
function manyCandidates(name: string, shifts: number, pad = 0): string {
  const lines = [
    ...Array.from({ length: pad }, (_, k) => `# note ${k + 1}`),
    'name: many candidates',
    'horizon: { start: 2026-03-23T00:00:00Z, days: 28 }',
    'intervalMinutes: 60',
    'replications: 2',
    'demand:',
    '  - { id: calls, language: en, volume: { perHour: 500 }, handleTime: { dist: exponential, mean: 180 } }',
    'staffing:',
    '  - id: team',
    '    skills: [en]',
    '    cost: { perHour: 30 }',
    '    shifts:',
  ];
  for (let k = 0; k < shifts; k++) lines.push(`      - { days: daily, startBetween: ['00:00', '23:45'], every: 15, hours: ${4 + (k % 80) / 10}, agents: auto }`);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const refusal = (file: string, line: number, candidates: string) =>
  new RegExp(
    `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: staffing\\[0\\]\\.shifts\\[0\\]\\.every: the planner's programme would be too large to solve: ` +
      `about ${candidates} candidate shifts to decide \\(limit 2,000\\).*; or pass --allow-large-runs to solve it anyway$`,
  );

describe('followsun plan with a programme beyond the limit', () => {
  it('names the shift at its line, the file parsed once', async () => {
    const file = manyCandidates('plan1000.yaml', 1000);
    const parses = vi.spyOn(Parser.prototype, 'parse');
    const o = await followsun('plan', file);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(refusal(file, 12, '96,000'))]);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('--compare: each file at its own line, in order, each parsed once', async () => {
    const a = manyCandidates('a.yaml', 30);
    const b = manyCandidates('b.yaml', 40, 3);
    const parses = vi.spyOn(Parser.prototype, 'parse');
    const o = await followsun('plan', '--compare', a, b);
    expect(o.status).toBe(2);
    expect(o.stderr.trim().split('\n')).toEqual([expect.stringMatching(refusal(a, 12, '2,880')), expect.stringMatching(refusal(b, 15, '3,840'))]);
    expect(parses).toHaveBeenCalledTimes(2);
  });
});
