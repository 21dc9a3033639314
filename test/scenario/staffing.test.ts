// Rosters in the simulation: shifts follow the site's clock, shrinkage and absence take agents
// off the phones, and the coverage report names the hours nobody can serve.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const exponential = (mean: number) => ({ dist: 'exponential' as const, mean });
const deterministic = (mean: number) => ({ dist: 'deterministic' as const, mean });
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

function desk(staffing: ScenarioInput['staffing'], extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: 'desk',
    horizon: { start: '2026-10-19T00:00:00Z', days: 14, warmupHours: 0 },
    intervalMinutes: 60,
    replications: 2,
    demand: [{ id: 'calls', language: 'de', volume: { perHour: 20 }, handleTime: exponential(180), patience: exponential(120) }],
    staffing,
    ...extra,
  };
}

describe('shifts on the simulation clock', () => {
  it('a Berlin 08:00–16:00 weekday team starts an hour earlier in UTC after the clocks go back', () => {
    const r = run(desk([{ id: 'berlin', timezone: 'Europe/Berlin', skills: ['de'], shifts: [{ days: 'Mon-Fri', start: '08:00', end: '16:00', agents: 5 }] }]));
    const onAt = (iso: string) => r.staffing.berlin[Math.floor((Date.parse(iso) - Date.parse(r.start)) / 3_600_000)];
    expect(onAt('2026-10-20T06:30:00Z')).toBe(5); // Tuesday, summer time: 08:00 Berlin = 06:00 UTC
    expect(onAt('2026-10-20T05:30:00Z')).toBe(0);
    expect(onAt('2026-10-20T14:30:00Z')).toBeLessThan(0.5); // 16:00–17:00 Berlin: only finishing their last calls
    expect(onAt('2026-10-27T06:30:00Z')).toBe(0); // Tuesday after 25 October: 07:30 Berlin
    expect(onAt('2026-10-27T07:30:00Z')).toBe(5);
    expect(onAt('2026-10-24T10:30:00Z')).toBe(0); // Saturday
  });

  it('a Manila night shift 22:00–06:00 covers 14:00–22:00 UTC, Friday’s running into Saturday', () => {
    const r = run(desk([{ id: 'manila', timezone: 'Asia/Manila', skills: ['de'], shifts: [{ days: 'Mon-Fri', start: '22:00', end: '06:00', agents: 3 }] }]));
    const onAt = (iso: string) => r.staffing.manila[Math.floor((Date.parse(iso) - Date.parse(r.start)) / 3_600_000)];
    expect(onAt('2026-10-23T13:30:00Z')).toBe(0); // Fri 21:30 Manila
    expect(onAt('2026-10-23T14:30:00Z')).toBe(3); // Fri 22:30 Manila
    expect(onAt('2026-10-23T21:30:00Z')).toBe(3); // Sat 05:30 Manila, still Friday's shift
    expect(onAt('2026-10-24T14:30:00Z')).toBe(0); // Saturday night: no shift
  });

  it('planned shrinkage takes a share of the team off the phones, and cost still pays everyone', () => {
    const input = desk([{ id: 'team', skills: ['de'], agents: 10, shrinkage: 0.3, cost: { perHour: 30 } }]);
    const r = run(input);
    for (const agents of r.staffing.team) expect(agents).toBe(7);
    expect(r.summary.costTotal.mean).toBeCloseTo(10 * 14 * 24 * 30, 6);
  });

  it('unplanned absence takes whole agents out for a day, about as often as the absence rate', () => {
    const input = desk([{ id: 'team', skills: ['de'], agents: 20, absence: 0.1 }], { replications: 5 });
    const r = run(input);
    const mean = sum(r.staffing.team) / r.staffing.team.length;
    // 20 agents × 14 days × 5 replications = 1,400 agent-days: standard error of the share ≈ 0.008.
    expect(Math.abs(mean / 20 - 0.9)).toBeLessThan(0.03);
    expect(new Set(r.staffing.team).size).toBeGreaterThan(2); // some days are worse than others
  });

  it('when a shift ends mid-call the agent finishes the call: no contact is lost', () => {
    const input = desk([
      { id: 'day', timezone: 'Europe/Berlin', skills: ['de'], shifts: [{ days: 'daily', start: '07:00', end: '19:00', agents: 4 }] },
      { id: 'night', timezone: 'Europe/Berlin', skills: ['de'], shifts: [{ days: 'daily', start: '19:00', end: '07:00', agents: 2 }] },
    ]);
    input.demand[0].handleTime = exponential(900);
    const m = compileScenario(validateScenario(input, 'x.yaml'));
    for (let r = 0; r < 2; r++) {
      const t = simulateReplication(m, r);
      expect(sum(t.answered) + sum(t.abandoned) + sum(t.waitingAtEnd)).toBe(sum(t.offered));
    }
  });

  it('a second language is served, more slowly', () => {
    const input: ScenarioInput = {
      ...desk([{ id: 'team', skills: ['de'], secondarySkills: { languages: ['fr'], handleTimeFactor: 1.5 }, agents: 10 }]),
      demand: [
        { id: 'de-calls', language: 'de', volume: { perHour: 10 }, handleTime: deterministic(300) },
        { id: 'fr-calls', language: 'fr', volume: { perHour: 10 }, handleTime: deterministic(300) },
      ],
    };
    const m = compileScenario(validateScenario(input, 'x.yaml'));
    const t = simulateReplication(m, 0);
    const [de, fr] = [0, 1].map((q) => t.poolQueueBusySeconds[q] / sum(t.answered.filter((_, i) => i % 2 === q)));
    expect(de).toBeCloseTo(300, 6);
    expect(fr).toBeCloseTo(450, 6);
  });
});

describe('coverage gaps', () => {
  // Japanese chat in Tokyo business hours (09:00–18:00 JST = 00:00–09:00 UTC in January),
  // served only by a Berlin team working 09:00–17:00 (08:00–16:00 UTC): they overlap for one
  // hour a day, so each weekday has 8 hours of Japanese demand that nobody on shift can take.
  const tokyoHours = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 18 ? 1 : 0));
  const input: ScenarioInput = {
    name: 'Japanese chat, Berlin team',
    horizon: { start: '2026-01-12T00:00:00Z', days: 7, warmupHours: 0 },
    intervalMinutes: 60,
    replications: 3,
    channels: { chat: { serviceLevel: { seconds: 60, target: 0.8 } } },
    demand: [
      {
        id: 'ja-chat',
        language: 'ja',
        channel: 'chat',
        timezone: 'Asia/Tokyo',
        volume: { perDay: 90 },
        pattern: { hourly: tokyoHours, weekday: [1, 1, 1, 1, 1, 0, 0] },
        handleTime: exponential(300),
        patience: exponential(120),
      },
    ],
    staffing: [{ id: 'berlin', timezone: 'Europe/Berlin', skills: ['de', 'ja'], shifts: [{ days: 'Mon-Fri', start: '09:00', end: '17:00', agents: 10 }] }],
  };

  it('names the hours: every Tokyo business hour outside Berlin’s shift is a gap, the shared hour is not', () => {
    const r = run(input);
    const ja = r.coverage[0];
    for (let i = 0; i < ja.offered.length; i++) {
      const utc = new Date(Date.parse(r.start) + i * 3_600_000);
      const weekday = utc.getUTCDay() >= 1 && utc.getUTCDay() <= 5;
      const hour = utc.getUTCHours();
      const demand = weekday && hour < 9;
      const berlinOn = weekday && hour >= 8 && hour < 16;
      expect(ja.offered[i] > 0, utc.toISOString()).toBe(demand);
      if (demand && !berlinOn) {
        expect(ja.hours.uncovered[i], utc.toISOString()).toBe(1);
        expect(ja.agentsOnPhones[i]).toBe(0);
      }
      if (demand && berlinOn) expect(ja.hours.uncovered[i] + ja.hours.belowTarget[i], utc.toISOString()).toBe(0);
    }
    expect(r.languages.ja.uncoveredHours.mean).toBe(5 * 8);
    expect(r.languages.ja.gapHours.mean).toBe(5 * 8);
    expect(r.summary.gapHours.mean).toBe(5 * 8);
    expect(r.languages.ja.targetMetShare.mean).toBeCloseTo(5 / 45, 9);
  });

  it('required agents follow the demand, and are zero where there is none', () => {
    const r = run(input);
    const ja = r.coverage[0];
    ja.offered.forEach((offered, i) => {
      if (offered === 0) expect(ja.requiredAgents[i]).toBe(0);
      else expect(ja.requiredAgents[i]).toBeGreaterThanOrEqual(1);
    });
  });
});
