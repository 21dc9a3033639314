// The example scenarios say what they assume in their opening comment; the numbers in the file
// must agree with what the comment says, and a pool must not silently serve nobody.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summaryCsv } from '../../sim/csv';
import { compileScenario } from '../../sim/model/model';
import { parseScenario, validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const read = (name: string) => readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');
const number = (text: string) => Number(text.replace(/,/g, ''));

describe('the in-house example', () => {
  const text = read('global-in-house.yaml');
  const scenario = parseScenario(text, 'global-in-house.yaml');

  it("states volumes its demand streams add up to: contacts a week, a month, and customers × contact rate", () => {
    const m = /about ([\d,]+) contacts a week, ≈ ([\d,]+) a month \(a company of ~(\d+) million active\s*#\s*customers with a contact rate near (\d+)% a month\)/.exec(text);
    expect(m, 'the volume sentence of the opening comment').not.toBeNull();
    const [, week, month, millions, rate] = m!;
    const perWeek = scenario.demand.reduce((s, d) => s + (d.volume.perWeek ?? (d.volume.perDay ?? (d.volume.perHour ?? 0) * 24) * 7), 0);
    expect(Math.abs(perWeek / number(week) - 1)).toBeLessThan(0.05);
    expect(Math.abs((perWeek * 365.25) / 12 / 7 / number(month) - 1)).toBeLessThan(0.05);
    expect(Math.abs((Number(millions) * 1e6 * Number(rate)) / 100 / number(month) - 1)).toBeLessThan(0.05);
  });
});

describe('warnings', () => {
  it("names a pool's language that no demand stream has (es against es-MX serves nobody)", () => {
    const input: ScenarioInput = {
      name: 'Mexico',
      horizon: { start: '2026-03-23T00:00:00Z', hours: 2 },
      demand: [{ id: 'mx', language: 'es-MX', volume: { perHour: 10 }, handleTime: { dist: 'exponential', mean: 180 } }],
      staffing: [{ id: 'desk', skills: ['es'], agents: 3 }],
    };
    const warnings = compileScenario(validateScenario(input, 'mx.yaml')).warnings;
    expect(warnings).toContain('staffing pool desk: no demand in es (languages with demand: es-MX)');
  });
});

describe('CSV output', () => {
  it('writes numbers without binary float noise', () => {
    const r = run({
      name: 'noise',
      horizon: { start: '2026-03-23T00:00:00Z', hours: 3 },
      replications: 3,
      demand: [{ id: 'calls', language: 'en', volume: { perHour: 37 }, handleTime: { dist: 'exponential', mean: 191 } }],
      staffing: [{ id: 'team', skills: ['en'], agents: 4, cost: { perHour: 33.3 } }],
    });
    const numbers = summaryCsv(r).split(/[\n,]/).filter((c) => /^-?\d/.test(c));
    expect(numbers.length).toBeGreaterThan(50);
    // Twelve significant digits at most: 13211.199999999999 would have seventeen.
    for (const n of numbers) expect(n.replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length, n).toBeLessThanOrEqual(12);
  });
});
