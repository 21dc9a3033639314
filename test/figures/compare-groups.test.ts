// Comparison per language and per language × channel: paired differences (common random numbers)
// whose means are the differences of the two scenarios' own means, with a CI from the pairs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareModels, compileForComparison } from '../../sim/compare';
import { GROUP_FIGURES } from '../../sim/stats/metrics';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';

function desk(enAgents: number): ScenarioInput {
  return {
    name: `desk with ${enAgents}`,
    horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 4 },
    intervalMinutes: 60,
    seed: 5,
    replications: 8,
    demand: [
      { id: 'en-voice', language: 'en', channel: 'voice', volume: { perHour: 120 }, handleTime: { dist: 'exponential', mean: 240 }, patience: { dist: 'exponential', mean: 120 } },
      { id: 'en-chat', language: 'en', channel: 'chat', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 300 }, patience: { dist: 'exponential', mean: 240 } },
      { id: 'de-voice', language: 'de', channel: 'voice', volume: { perHour: 40 }, handleTime: { dist: 'exponential', mean: 240 }, patience: { dist: 'exponential', mean: 120 } },
    ],
    staffing: [
      { id: 'en-team', skills: ['en'], channels: ['voice', 'chat'], agents: enAgents },
      { id: 'de-team', skills: ['de'], channels: ['voice'], agents: 4 },
    ],
  };
}
const scenario = (input: ScenarioInput) => validateScenario(input, 'test.yaml');

describe('deltas per language and per language × channel', () => {
  const c = compareModels(compileForComparison([scenario(desk(10)), scenario(desk(14))]));
  const [base, variant] = c.scenarios;

  it('are the differences of the scenarios’ own means, each with a paired 95% CI', () => {
    expect(c.languageDeltas?.[0]).toBeNull();
    expect(Object.keys(c.languageDeltas![1]!).sort()).toEqual(['de', 'en']);
    expect(Object.keys(c.queueDeltas![1]!).sort()).toEqual(['de/voice', 'en/chat', 'en/voice']);
    for (const [l, d] of Object.entries(c.languageDeltas![1]!)) {
      for (const f of GROUP_FIGURES) {
        const name = f === 'serviceLevel' ? 'answeredWithinThresholdShare' : f;
        const a = (base.languages[l] as Record<string, { mean: number | null }>)[name].mean;
        const b = (variant.languages[l] as Record<string, { mean: number | null }>)[name].mean;
        if (a === null || b === null) continue;
        expect(d[f].mean!, `${l} ${f}`).toBeCloseTo(b - a, 9);
        expect(d[f].ci95![0], `${l} ${f}`).toBeLessThanOrEqual(d[f].mean!);
        expect(d[f].ci95![1], `${l} ${f}`).toBeGreaterThanOrEqual(d[f].mean!);
      }
    }
    for (const [q, d] of Object.entries(c.queueDeltas![1]!)) {
      expect(d.serviceLevel.mean!, q).toBeCloseTo(variant.queues[q].serviceLevel.mean! - base.queues[q].serviceLevel.mean!, 9);
    }
  });

  it('see where the change acts: more English agents help English, not German', () => {
    const en = c.queueDeltas![1]!['en/voice'].serviceLevel;
    expect(en.ci95![0]).toBeGreaterThan(0);
    const de = c.queueDeltas![1]!['de/voice'].serviceLevel;
    // The German team is the same and serves only German: every replication pairs identical outcomes.
    expect(de.mean).toBe(0);
    expect(de.ci95).toEqual([0, 0]);
  });

  it('leave out a language only one scenario has', () => {
    const fewer = desk(14);
    fewer.demand = fewer.demand.filter((d) => d.language !== 'de');
    fewer.staffing = fewer.staffing.filter((p) => p.id !== 'de-team');
    const c2 = compareModels(compileForComparison([scenario(desk(10)), scenario(fewer)]));
    expect(Object.keys(c2.languageDeltas![1]!)).toEqual(['en']);
    expect(Object.keys(c2.queueDeltas![1]!).sort()).toEqual(['en/chat', 'en/voice']);
  });
});

describe('followsun compare --json', () => {
  it('prints the per-channel, per-language and per-queue deltas the comparison computes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'followsun-compare-'));
    try {
      const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
      writeFileSync(a, JSON.stringify(desk(10)));
      writeFileSync(b, JSON.stringify(desk(14)));
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const r = spawnSync(process.execPath, ['bin/followsun.mjs', 'compare', a, b, '--json'], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const printed = JSON.parse(r.stdout);
      const c = compareModels(compileForComparison([scenario(desk(10)), scenario(desk(14))]));
      expect(printed.languageDeltas).toEqual(JSON.parse(JSON.stringify(c.languageDeltas)));
      expect(printed.queueDeltas).toEqual(JSON.parse(JSON.stringify(c.queueDeltas)));
      expect(printed.channelDeltas).toEqual(JSON.parse(JSON.stringify(c.channelDeltas)));
      expect(printed.languageDeltas[1].de.serviceLevel.mean).toBe(0);
      expect(r.stderr).not.toMatch(/warning/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns, as report does, when the scenarios cover different time windows (week 1 against week 4)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'followsun-compare-'));
    try {
      const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
      writeFileSync(a, JSON.stringify(desk(10)));
      writeFileSync(b, JSON.stringify({ ...desk(10), horizon: { start: '2026-04-13T00:00:00Z', days: 1, warmupHours: 4 } }));
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const r = spawnSync(process.execPath, ['bin/followsun.mjs', 'compare', a, b, '--replications', '2'], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('followsun compare: warning: the scenarios cover different time windows; their differences include that');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
