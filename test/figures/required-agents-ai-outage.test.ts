// Required agents behind an AI front door that is sometimes down or full. While the AI is down,
// everything goes to people; when its conversation slots (maxConcurrent) are all taken, the
// contact goes straight to people too. The forecast people are staffed for — the result's
// "required agents" and what `plan` sizes shifts for — must see both. Each expected value is
// worked out here, independently of the forecast: Erlang A from sim/stats/erlang.ts at a rate
// computed by hand, and Erlang B by its own recursion.
import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../../sim/stats/erlang';
import { compileScenario } from '../../sim/model/model';
import { expectedOfferedToPeople } from '../../sim/model/forecast';
import { plan } from '../../sim/plan/planner';
import { parseScenario, validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { deskYaml, OPEN_SHIFTS, run } from '../support';

type Pool = ScenarioInput['staffing'][number];
type Stream = ScenarioInput['demand'][number];

const MONDAY = '2026-03-23T00:00:00Z';
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

/** Erlang B by its textbook recursion, B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)). */
function erlangBByHand(servers: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Chats, 3 minutes each, customers who wait 2 minutes on average, judged at 80 % within 60 s. */
const chats = (perHour: number): Stream => ({
  id: 'chats',
  language: 'en',
  channel: 'chat',
  volume: { perHour },
  handleTime: { dist: 'exponential', mean: 180 },
  patience: { dist: 'exponential', mean: 120 },
});
const erlangA = (ratePerHour: number) => requiredAgents({ ratePerHour, ahtSeconds: 180, thresholdSeconds: 60, patienceSeconds: 120, target: 0.8 });
const team: Pool = { id: 'team', skills: ['en'], channels: ['chat'], agents: 30, chatConcurrency: 1 };

function scenario(demand: Stream[], staffing: Pool[], o: Partial<ScenarioInput> = {}): ScenarioInput {
  return { name: 'AI front door', horizon: { start: MONDAY, days: 2, warmupHours: 24 }, intervalMinutes: 30, seed: 11, replications: 2, demand, staffing, ...o };
}

describe('required agents while the AI front door is down', () => {
  // 120 chats an hour; the AI resolves half. It is down on Monday 06:00–09:00 (six half hours)
  // and on Tuesday 10:00–10:15 (half of the 10:00 half hour).
  const bot: Pool = {
    id: 'bot',
    type: 'ai',
    skills: ['en'],
    channels: ['chat'],
    containment: { default: 0.5 },
    handleTime: { dist: 'deterministic', mean: 60 },
    outages: [
      { start: '2026-03-23T06:00:00Z', hours: 3 },
      { start: '2026-03-24T10:00:00Z', hours: 0.25 },
    ],
  };
  const r = run(scenario([chats(120)], [bot, team]));
  const row = r.coverage[0];
  const outage = (i: number) => i >= 12 && i < 18;
  const halfOutage = 48 + 20; // Tuesday 10:00–10:30

  it('people are offered every chat while the AI is down (Erlang A of the full 120 an hour), half of them outside the outage (of 60)', () => {
    expect(erlangA(120)).toBeGreaterThan(erlangA(60));
    row.requiredAgents.forEach((n, i) => {
      if (outage(i)) expect(n).toBe(erlangA(120));
      else if (i !== halfOutage) expect(n).toBe(erlangA(60));
    });
  });

  it('a half hour the AI is down for half of: 60 chats an hour to people, and half of the other 60', () => {
    // 120 × ½ (down) + 120 × ½ × (1 − 0.5) (up) = 90 an hour.
    expect(erlangA(90)).not.toBe(erlangA(60));
    expect(row.requiredAgents[halfOutage]).toBe(erlangA(90));
  });

  it('the forecast offers people all 360 chats of the three hours, as the simulation does', () => {
    const forecast = expectedOfferedToPeople(compileScenario(validateScenario(scenario([chats(120)], [bot, team]), 'down.yaml')))[0];
    expect(sum(forecast.slice(12, 18))).toBeCloseTo(360, 9);
    const simulated = sum(row.offered.slice(12, 18));
    expect(simulated).toBeGreaterThan(360 * 0.85);
    expect(simulated).toBeLessThan(360 * 1.15);
  });
});

describe('required agents when the AI front door is full', () => {
  // 600 chats an hour, each 4 minutes with the AI (lognormal, cv 1): 40 Erlangs of conversations
  // for 40 slots. The AI front door is a loss system, M/G/40/40: a chat finds every slot taken with
  // Erlang B's probability, whatever the conversations' length distribution, and goes to people.
  const perHour = 600;
  const slots = 40;
  const load = (perHour * 240) / 3600;
  const containment = 0.5;
  const bot: Pool = {
    id: 'bot',
    type: 'ai',
    skills: ['en'],
    channels: ['chat'],
    containment: { default: containment },
    handleTime: { dist: 'lognormal', mean: 240, cv: 1 },
    maxConcurrent: slots,
  };
  const input = scenario([chats(perHour)], [bot, team], { horizon: { start: MONDAY, days: 1, warmupHours: 6 }, replications: 4 });

  it('people are offered 600 × (1 − 0.5 × (1 − B)) an hour, B = Erlang B(40, 40 Erlangs) ≈ 12 %', () => {
    const blocked = erlangBByHand(slots, load);
    expect(blocked).toBeGreaterThan(0.11);
    expect(blocked).toBeLessThan(0.13);
    const perHourToPeople = perHour * (1 - containment * (1 - blocked));
    const forecast = expectedOfferedToPeople(compileScenario(validateScenario(input, 'full.yaml')))[0];
    expect(forecast.length).toBe(48);
    for (const o of forecast) expect(o * 2).toBeCloseTo(perHourToPeople, 9);
    expect(new Set(run({ ...input, replications: 1 }).coverage[0].requiredAgents)).toEqual(new Set([erlangA(Math.round(perHourToPeople * 10) / 10)]));
  });

  it('the simulation offers people as many chats as the forecast, within its confidence interval', () => {
    const expected = 24 * perHour * (1 - containment * (1 - erlangBByHand(slots, load)));
    const forecast = sum(expectedOfferedToPeople(compileScenario(validateScenario(input, 'full.yaml')))[0]);
    expect(forecast).toBeCloseTo(expected, 6);
    const offered = run(input).queues['en/chat'].offered;
    expect(offered.ci95![0]).toBeLessThanOrEqual(forecast);
    expect(offered.ci95![1]).toBeGreaterThanOrEqual(forecast);
    // Containment alone (600 × 0.5 an hour) is well outside it.
    expect(offered.ci95![0]).toBeGreaterThan(24 * perHour * containment * 1.05);
  });

  it('with recontacts: the chats that come back meet the same full front door', () => {
    // A fifth of the resolutions do not hold and the customer comes back (after 10 minutes) to the
    // front door. Arrivals at the AI: x = 600 + 0.5 × 0.2 × (1 − B) × x, and B = Erlang B(40, x × 4 min):
    // solved here by plain iteration.
    const recontact = 0.2;
    let b = 0;
    for (let k = 0; k < 200; k++) b = erlangBByHand(slots, (perHour / (1 - containment * recontact * (1 - b))) * (240 / 3600));
    const perHourToPeople = (perHour * (1 - containment * (1 - b))) / (1 - containment * recontact * (1 - b));
    const returning = { ...input, staffing: [{ ...bot, recontact: { share: recontact, delay: { dist: 'deterministic' as const, mean: 600 } } }, team] };
    const forecast = expectedOfferedToPeople(compileScenario(validateScenario(returning, 'full.yaml')))[0];
    for (const o of forecast) expect(o * 2).toBeCloseTo(perHourToPeople, 6);
    const offered = run(returning).queues['en/chat'].offered;
    expect(offered.ci95![0]).toBeLessThanOrEqual(24 * perHourToPeople);
    expect(offered.ci95![1]).toBeGreaterThanOrEqual(24 * perHourToPeople);
  });
});

describe('plan staffs the hours the AI front door is down', () => {
  // The one-queue desk: 100 calls an hour of 3 minutes, three 8-hour shifts to plan. A voice bot
  // resolves half of the calls, except on Monday 08:00–16:00, when it is down.
  const bot = (outage: boolean) => `  - id: bot
    type: ai
    skills: [en]
    channels: [voice]
    containment: { default: 0.5 }
    handleTime: { dist: deterministic, mean: 60 }
${outage ? '    outages: [{ start: "2026-03-23T08:00:00Z", hours: 8 }]\n' : ''}`;
  const desk = (outage: boolean) => parseScenario(deskYaml({ replications: 4, perHour: 100, shifts: OPEN_SHIFTS }) + bot(outage), 'desk.yaml');
  // The first round: head counts from the forecast alone, before any simulation corrects them.
  const planned = (outage: boolean) => plan(desk(outage), { simulate: (m) => simulate(m), maxIterations: 1, trimRounds: 0 });
  const dayShift = (p: Awaited<ReturnType<typeof planned>>) => p.plan.team.find((s) => s.start === '08:00')?.agents ?? 0;

  it('with more agents on the shift the outage falls in than without it, and meets the target there', async () => {
    const [down, up] = await Promise.all([planned(true), planned(false)]);
    // Erlang A at 100 calls an hour needs more than at the 50 an hour the bot leaves.
    const erlang = (rate: number) => requiredAgents({ ratePerHour: rate, ahtSeconds: 180, thresholdSeconds: 20, patienceSeconds: 150, target: 0.8 });
    expect(erlang(100)).toBeGreaterThan(erlang(50));
    expect(dayShift(down)).toBeGreaterThanOrEqual(erlang(100));
    expect(dayShift(down)).toBeGreaterThan(dayShift(up));
    // Service level over the outage hours (08:00–16:00, intervals 8–15): answered within 20 s ÷ offered.
    const row = down.verification.coverage[0];
    let offered = 0;
    let within = 0;
    for (let i = 8; i < 16; i++) {
      offered += row.offered[i];
      within += row.offered[i] * (row.serviceLevel[i] ?? 0);
    }
    expect(offered).toBeGreaterThan(8 * 100 * 0.85);
    expect(within / offered).toBeGreaterThanOrEqual(0.8);
  });
});
