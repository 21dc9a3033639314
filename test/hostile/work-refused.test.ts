// Scenarios refused for their work, found by the fourth audit: the refusal names the field's line
// from the positions of the one parse the file had. Finding it by parsing the file again took
// 3.6 s of the 8 s a 5 MB scenario took to refuse.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Parser } from 'yaml';
import { followsun } from '../cli-in-process';
import { oneQueue, tempDir } from '../hostile-support';

const dir = tempDir('work-refused');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A scenario file (JSON is YAML) with a field to a line, so that each has a line of its own. */
function scenarioFile(name: string, scenario: Record<string, unknown>): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(scenario, null, 2));
  return path;
}

/** The line of the first `"key":` in a file written by scenarioFile. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const lineOfKey = (scenario: Record<string, unknown>, key: string) =>
  JSON.stringify(scenario, null, 2).split('\n').findIndex((l) => l.trimStart().startsWith(`"${key}":`)) + 1;

describe('a scenario refused for its work', () => {
  it('run: the problem at its line, the file parsed once', async () => {
    const scenario = { ...oneQueue(), replications: 10_000, horizon: { start: '2026-03-23T00:00:00Z', days: 1000, warmupHours: 0 } };
    const file = scenarioFile('many-replications.json', scenario);
    const parses = vi.spyOn(Parser.prototype, 'parse');
    const o = await followsun('run', file);
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(new RegExp(`^${escaped(file)}:${lineOfKey(scenario, 'replications')}: replications: about [\\d.]+ (billion|million) contacts to simulate`));
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('sweep: the base refused at its field, the file parsed once', async () => {
    const scenario = oneQueue();
    scenario.demand[0].volume = { perHour: 1_000_000 };
    scenario.demand[0].handleTime = { dist: 'exponential', mean: 3600 };
    const file = scenarioFile('peak-load.json', scenario);
    const parses = vi.spyOn(Parser.prototype, 'parse');
    const o = await followsun('sweep', file, '--vary', 'staffing.team.agents=1..3:1', '--out', join(dir, 'sweep.csv'));
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(new RegExp(`^${escaped(file)}:${lineOfKey(scenario, 'perHour')}: demand\\[0\\]\\.volume\\.perHour: a peak load of about`));
    expect(parses).toHaveBeenCalledTimes(1);
  });
});
