// Which contacts a service level counts: answered within the channel's threshold ÷ offered, where
// offered is every contact that reached the human queue — callers who hang up before the threshold
// included (they were not served within it), and every redial again, as a contact of its own.
// A desk that picks up only after 15 seconds makes each case exact: patient callers are answered at
// 15 s (within 20 s), callers who give up after 10 s never are.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

type Stream = ScenarioInput['demand'][number];

const patient: Stream = { id: 'patient', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 120 } };
const hasty = (redial?: Stream['redial']): Stream => ({
  id: 'hasty',
  language: 'en',
  volume: { perHour: 60 },
  handleTime: { dist: 'exponential', mean: 120 },
  patience: { dist: 'deterministic', mean: 10 },
  ...(redial ? { redial } : {}),
});

function desk(demand: Stream[]): ScenarioInput {
  return {
    name: 'slow pick-up',
    horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 1 },
    seed: 6,
    replications: 1,
    demand,
    // Plenty of agents, all of whom pick up a call only once it has waited 15 s.
    staffing: [{ id: 'desk', skills: ['en'], agents: 30, acceptAfterSeconds: 15 }],
  };
}

describe('callers who hang up before the threshold count against the service level', () => {
  it('patient callers answered at 15 s are within 20 s; every caller gone at 10 s is a miss', () => {
    const r = run(desk([patient, hasty()]));
    const voice = r.channels.voice;
    // One replication: every figure is that replication's own count.
    expect(voice.abandoned.mean!).toBeGreaterThan(1000);
    expect(voice.answered.mean! + voice.abandoned.mean!).toBe(voice.offered.mean);
    expect(voice.serviceLevel.mean).toBeCloseTo(voice.answered.mean! / voice.offered.mean!, 12);
    expect(voice.abandonRate.mean).toBeCloseTo(voice.abandoned.mean! / voice.offered.mean!, 12);
    // Half the callers each way: a service level near 50 %, not the 100 % of those answered.
    expect(voice.serviceLevel.mean!).toBeGreaterThan(0.45);
    expect(voice.serviceLevel.mean!).toBeLessThan(0.55);
    expect(voice.asaSeconds.mean!).toBeCloseTo(15, 6);
  });

  it('with nobody patient, nothing is within target: service level 0, abandon rate 1, no ASA', () => {
    const r = run(desk([hasty()]));
    expect(r.channels.voice.serviceLevel.mean).toBe(0);
    expect(r.channels.voice.abandonRate.mean).toBe(1);
    expect(r.channels.voice.asaSeconds.mean).toBeNull();
  });
});

describe('a redial is offered again', () => {
  it('half the hasty callers try again (and again): each attempt is offered and missed, each patient caller once', () => {
    const once = run(desk([patient, hasty()]));
    const again = run(desk([patient, hasty({ share: 0.5, delay: { dist: 'deterministic', mean: 300 } })]));
    const s = again.summary;
    // Redials are contacts, not customers: about 1 + ½ + ¼ + … = 2 attempts per hasty customer.
    const hastyCustomers = s.customers.mean! - s.answered.mean!;
    expect(s.abandoned.mean! / hastyCustomers).toBeGreaterThan(1.85);
    expect(s.abandoned.mean! / hastyCustomers).toBeLessThan(2.15);
    expect(s.contacts.mean).toBe(s.offered.mean);
    expect(s.contacts.mean! - s.customers.mean!).toBe(s.abandoned.mean! - hastyCustomers);
    // The patient callers are the same in both runs (same random numbers), and the same answered.
    expect(again.summary.answered.mean).toBe(once.summary.answered.mean);
    // So redials only add misses: the service level falls to about 1 ÷ (1 + 2).
    expect(again.channels.voice.serviceLevel.mean).toBeCloseTo(s.answered.mean! / s.offered.mean!, 12);
    expect(again.channels.voice.serviceLevel.mean!).toBeLessThan(once.channels.voice.serviceLevel.mean! - 0.1);
  });
});
