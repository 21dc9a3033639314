// `followsun sweep` as a WFM analyst uses it to size a team: each row gives each channel's service
// level against its own target, with its 95% CI, in the CSV and in the JSON — the same figure
// `run` gives for the scenario at that point (same seed, same replications).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWO_LANGUAGES } from '../e2e/two-languages';
import { followsun } from '../cli-in-process';

let dir: string;
let scenario: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'followsun-sweep-sl-'));
  scenario = join(dir, 'two.yaml');
  writeFileSync(scenario, TWO_LANGUAGES);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Voice and chat service level of the scenario with London's head count at `agents`, from run --json. */
async function runAt(agents: number): Promise<Record<string, { mean: number; ci95: [number, number] }>> {
  const file = join(dir, `london-${agents}.yaml`);
  writeFileSync(file, TWO_LANGUAGES.replace('agents: 14 }', `agents: ${agents} }`));
  const o = await followsun('run', file, '--json');
  expect(o.status).toBe(0);
  const channels = JSON.parse(o.stdout).scenarios[0].channels as Record<string, { serviceLevel: { mean: number; ci95: [number, number] } }>;
  return Object.fromEntries(Object.entries(channels).map(([c, g]) => [c, g.serviceLevel]));
}

describe('a sweep row', () => {
  it("gives each channel's service level with its 95% CI in the CSV, after the headline figures", async () => {
    const out = join(dir, 'london.csv');
    const o = await followsun('sweep', scenario, '--vary', 'staffing.london.shifts.0.agents=10..14:4', '--out', out);
    expect(o.status).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(','));
    const at = (name: string) => header.indexOf(name);
    expect(header.slice(-6)).toEqual([
      'serviceLevel.voice', 'serviceLevel.voice_ci95_low', 'serviceLevel.voice_ci95_high',
      'serviceLevel.chat', 'serviceLevel.chat_ci95_low', 'serviceLevel.chat_ci95_high',
    ]);
    expect(header.indexOf('costPerMonth')).toBeLessThan(at('serviceLevel.voice'));
    expect(rows.map((r) => r[1])).toEqual(['10', '14']);
    for (const [k, agents] of [10, 14].entries()) {
      const run = await runAt(agents);
      for (const channel of ['voice', 'chat']) {
        expect(Number(rows[k][at(`serviceLevel.${channel}`)]), `${channel} at ${agents}`).toBeCloseTo(run[channel].mean, 10);
        expect(Number(rows[k][at(`serviceLevel.${channel}_ci95_low`)])).toBeCloseTo(run[channel].ci95[0], 10);
        expect(Number(rows[k][at(`serviceLevel.${channel}_ci95_high`)])).toBeCloseTo(run[channel].ci95[1], 10);
      }
    }
    // More agents in London: English voice answers sooner.
    expect(Number(rows[1][at('serviceLevel.voice')])).toBeGreaterThan(Number(rows[0][at('serviceLevel.voice')]));
  });

  it('gives them in the JSON as serviceLevel.<channel>: { mean, ci95 }', async () => {
    const out = join(dir, 'london.json');
    const o = await followsun('sweep', scenario, '--vary', 'staffing.london.shifts.0.agents=14..14:1', '--out', out);
    expect(o.status).toBe(0);
    const point = JSON.parse(readFileSync(out, 'utf8')).points[0];
    expect(point.serviceLevel).toEqual(await runAt(14));
  });
});
