// Scenarios within every field's limit whose work grew past them together, found by the third
// audit. Each ends within the hostile-input budget (60 s, 512 MB of heap) with its figures or a
// refusal naming the file and the field.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, tempDir } from '../hostile-support';

const dir = tempDir('work-patience');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('callers with 30 days of patience', () => {
  it('the agents required are found without summing millions of queue lengths for each rate (12 queues: 80 s before)', () => {
    const languages = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'fi', 'pl', 'cs'];
    writeFileSync(
      join(dir, 'patient.json'),
      JSON.stringify({
        name: 'Patient',
        horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 0 },
        replications: 1,
        demand: languages.map((language) => ({
          id: language,
          language,
          volume: { perHour: 10_000 },
          pattern: 'business-day',
          handleTime: { dist: 'exponential', mean: 36 },
          patience: { dist: 'exponential', mean: 2_592_000 },
        })),
        staffing: [{ id: 'team', skills: languages, agents: 6000, cost: { perHour: 30 } }],
      }),
    );
    const o = followsun(['run', 'patient.json', '--json'], { cwd: dir });
    expectHandled(o, 0);
    const coverage = JSON.parse(o.stdout).scenarios[0].coverage as { language: string; requiredAgents: number[] }[];
    expect(coverage).toHaveLength(12);
    // 10,000 an hour at the business-day peak, 36 s each: about 200 Erlangs, and more agents.
    for (const c of coverage) expect(Math.max(...c.requiredAgents)).toBeGreaterThan(200);
  }, 120_000);
});
