// A comparison's delta is the mean of the paired differences (replication r of the variant minus
// replication r of the base, on the same arrivals, handle times and patience) with its Student-t
// 95% interval from those differences — worked out here by hand from the replications, with t from a
// printed table. Pairing is what makes a small change visible: the paired interval is far narrower
// than one that ignored the pairing.
import { describe, expect, it } from 'vitest';
import { compareModels, compileForComparison } from '../../sim/compare';
import { channelsOf, GROUP_FIGURES, SUMMARY_FIGURES } from '../../sim/stats/metrics';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { runReplication } from '../../sim/simulate';

const T_7 = 2.365; // t(0.975, 7 degrees of freedom), printed table

function pairedByHand(differences: number[]) {
  const n = differences.length;
  const mean = differences.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(differences.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return { mean, half: (T_7 * sd) / Math.sqrt(n), sd };
}

function desk(agents: number): ScenarioInput {
  return {
    name: `desk with ${agents}`,
    horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 4 },
    intervalMinutes: 60,
    seed: 21,
    replications: 8,
    demand: [
      { id: 'calls', language: 'en', volume: { perHour: 200 }, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 120 } },
      { id: 'chats', language: 'en', channel: 'chat', volume: { perHour: 40 }, handleTime: { dist: 'exponential', mean: 300 }, patience: { dist: 'exponential', mean: 240 } },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents, cost: { perHour: 30, perContact: 0.5 } }],
  };
}

describe('a comparison of 13 against 14 agents, pair by pair', () => {
  const models = compileForComparison([validateScenario(desk(13), 'base.yaml'), validateScenario(desk(14), 'variant.yaml')]);
  const comparison = compareModels(models);
  const base = Array.from({ length: 8 }, (_, r) => runReplication(models[0], r));
  const variant = Array.from({ length: 8 }, (_, r) => runReplication(models[1], r));

  for (const figure of ['answeredWithinThresholdShare', 'abandonRate', 'asaSeconds', 'costTotal', 'costPerContact'] as const) {
    it(`${figure}: the mean of the eight paired differences, ± t(7) × their standard deviation ÷ √8`, () => {
      const i = SUMMARY_FIGURES.indexOf(figure);
      const expected = pairedByHand(variant.map((v, r) => v.summary[i] - base[r].summary[i]));
      const delta = comparison.deltas[1]![figure];
      expect(delta.mean!).toBeCloseTo(expected.mean, 9);
      const half = (delta.ci95![1] - delta.ci95![0]) / 2;
      expect(Math.abs(half / expected.half - 1)).toBeLessThan(2e-4); // t printed to 3 decimals
      expect((delta.ci95![0] + delta.ci95![1]) / 2).toBeCloseTo(expected.mean, 9);
    });
  }

  it('per channel too: the voice service level’s delta is paired on the voice queue alone', () => {
    const voice = channelsOf(models[0]).indexOf('voice');
    const at = voice * GROUP_FIGURES.length + GROUP_FIGURES.indexOf('serviceLevel');
    const expected = pairedByHand(variant.map((v, r) => v.channels[at] - base[r].channels[at]));
    const delta = comparison.channelDeltas[1]!.voice.serviceLevel;
    expect(delta.mean!).toBeCloseTo(expected.mean, 9);
    expect(Math.abs((delta.ci95![1] - delta.ci95![0]) / 2 / expected.half - 1)).toBeLessThan(2e-4);
  });

  it('the extra agent surely helps, and pairing is what shows it: the paired interval is far narrower than the two runs’ own', () => {
    const delta = comparison.deltas[1]!.answeredWithinThresholdShare;
    expect(delta.ci95![0]).toBeGreaterThan(0);
    const [a, b] = comparison.scenarios.map((s) => s.summary.answeredWithinThresholdShare.ci95!);
    const unpairedHalf = Math.hypot((a[1] - a[0]) / 2, (b[1] - b[0]) / 2);
    expect((delta.ci95![1] - delta.ci95![0]) / 2).toBeLessThan(unpairedHalf / 2);
  });
});
