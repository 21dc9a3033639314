// The app's Plan asks before work beyond the limits, counting what `followsun plan` counts: every
// round simulated with the file's seed and, when it meets the targets, with a second one — 22 runs
// by default. At one run a round the same desk passed as 600 million contacts and started by
// itself, then simulated up to 1.1 billion.
import { describe, expect, it } from 'vitest';
import { planCheck } from '../../src/lib/plan';
import { parseScenario } from '../../sim/scenario/scenario';
import { deskYaml, OPEN_SHIFTS } from '../support';

describe("the app's Plan, before it starts", () => {
  it('asks about a desk of 1.1 billion contacts at two runs a round, as the CLI refuses it', () => {
    // 100,000 contacts a replication (2,000 calls an hour for 50 simulated hours), 500 replications.
    const desk = parseScenario(deskYaml({ replications: 500, perHour: 2000, shifts: OPEN_SHIFTS }), 'near.yaml');
    const check = planCheck(desk, 8);
    expect(check.kind).toBe('ask');
    expect(check.kind === 'ask' && check.text).toMatch(/^Planning simulates the scenario up to 22 times .*: about 1\.1 billion contacts \(500 replications × 22 runs × about 100,000 each\)/);
  });

  it('starts a desk well under the limit by itself', () => {
    expect(planCheck(parseScenario(deskYaml({ replications: 20, perHour: 2000, shifts: OPEN_SHIFTS }), 'small.yaml'), 8)).toEqual({ kind: 'ok' });
  });
});
