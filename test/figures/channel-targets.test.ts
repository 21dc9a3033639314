// Figures a CFO can rely on: every service figure belongs to one channel and is judged against
// that channel's own target; AI resolutions are counted net of the ones that came back; required
// agents follow the forecast with the handle time contacts really get; a partner's service clause is judged on its own
// hours; gap hours are counted per language × channel × hour and add up everywhere. Each expected
// value is worked out independently of the engine (closed forms, the scenario's own numbers).
import { describe, expect, it } from 'vitest';
import { requiredAgents } from '../../sim/stats/erlang';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

type Pool = ScenarioInput['staffing'][number];
type Stream = ScenarioInput['demand'][number];

const MONDAY = '2026-03-23T00:00:00Z';
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function scenario(demand: Stream[], staffing: Pool[], o: Partial<ScenarioInput> = {}): ScenarioInput {
  return { name: 'figures', horizon: { start: MONDAY, days: 2, warmupHours: 24 }, intervalMinutes: 30, seed: 3, replications: 5, demand, staffing, ...o };
}

describe('every service figure is measured against its own channel target', () => {
  // English callers on a stretched team (voice below its 80 % in 20 s) and English emails that
  // are all answered within their 24 hours.
  const stretched = run(
    scenario(
      [
        { id: 'calls', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 240 }, patience: { dist: 'exponential', mean: 300 } },
        { id: 'mails', language: 'en', channel: 'email', volume: { perHour: 20 }, handleTime: { dist: 'exponential', mean: 300 } },
      ],
      [{ id: 'team', skills: ['en'], channels: ['voice', 'email'], agents: 6 }],
    ),
  );

  it('a voice queue below its target is not hidden by emails answered within a day', () => {
    const voice = stretched.channels.voice.serviceLevel.mean!;
    const email = stretched.channels.email.serviceLevel.mean!;
    expect(voice).toBeLessThan(0.8);
    expect(email).toBeGreaterThan(0.9);
    // The blended share looks better than voice, which is why it is not called a service level.
    expect(stretched.summary.answeredWithinThresholdShare.mean!).toBeGreaterThan(voice);
    expect('serviceLevel' in stretched.summary).toBe(false);
    expect('serviceLevel' in stretched.languages.en).toBe(false);
    expect(stretched.channelTargets).toEqual({ voice: { thresholdSeconds: 20, target: 0.8 }, email: { thresholdSeconds: 86400, target: 0.9 } });
  });

  it("an English caller's average speed of answer is the callers' own, not swamped by email waits", () => {
    expect(stretched.languages.en.asaSeconds.mean).toBe(stretched.queues['en/voice'].asaSeconds.mean);
    expect(stretched.queues['en/email'].asaSeconds.mean!).toBeGreaterThan(stretched.languages.en.asaSeconds.mean!);
  });

  it('each interval reports every channel separately, with the same counts as the whole', () => {
    for (const row of stretched.intervals) {
      expect(row.channels.voice.offered.mean! + row.channels.email.offered.mean!).toBeCloseTo(row.offered.mean!, 9);
    }
    const voiceAnswered = sum(stretched.intervals.map((i) => i.channels.voice.answered.mean!));
    expect(voiceAnswered).toBeCloseTo(stretched.channels.voice.answered.mean!, 6);
  });
});

describe('AI resolutions that did not hold', () => {
  // One AI front door resolving 40 %, half of which come back; €0.20 a conversation and €1.00 a
  // resolution; a partner answers every escalation at €3 a contact. Per customer: contacts
  // 1 / (1 − 0.4 × 0.5) = 1.25; per contact 0.20 + 0.4 × 1.00 + 0.6 × 3 = €2.40; so each resolved
  // customer costs 1.25 × 2.40 = €3.00.
  const bot = (billReturnedResolutions?: boolean): Pool => ({
    id: 'bot',
    type: 'ai',
    skills: ['en'],
    channels: ['chat'],
    containment: { default: 0.4 },
    handleTime: { dist: 'deterministic', mean: 120 },
    recontact: { share: 0.5, delay: { dist: 'deterministic', mean: 3600 } },
    cost: { perConversation: 0.2, perResolution: 1, ...(billReturnedResolutions === undefined ? {} : { billReturnedResolutions }) },
  });
  const partner: Pool = { id: 'partner', type: 'outsourced', skills: ['en'], channels: ['chat'], agents: 30, cost: { perContact: 3 } };
  const chats: Stream = { id: 'chats', language: 'en', channel: 'chat', volume: { perHour: 200 }, handleTime: { dist: 'exponential', mean: 300 } };
  const input = (billed?: boolean) => scenario([chats], [bot(billed), partner], { horizon: { start: MONDAY, days: 7, warmupHours: 24 }, replications: 4 });
  const r = run(input());

  it('a customer contacts 1 / (1 − containment × returns) times on average', () => {
    const s = r.summary;
    expect(s.contacts.mean! / s.customers.mean!).toBeCloseTo(1.25, 1);
    expect(s.containedNet.mean).toBeCloseTo(s.contained.mean! - s.containedReturned.mean!, 6);
    expect(s.containedReturned.mean! / s.contained.mean!).toBeCloseTo(0.5, 1);
  });

  it('costs €2.40 per contact but €3.00 per resolved customer', () => {
    expect(r.summary.costPerContact.mean!).toBeCloseTo(2.4, 1);
    expect(r.summary.costPerResolvedCustomer.mean!).toBeCloseTo(3.0, 1);
    expect(r.summary.resolvedCustomers.mean).toBeCloseTo(r.summary.answered.mean! + r.summary.containedNet.mean!, 6);
    expect(r.languages.en.costPerResolvedCustomer.mean!).toBeCloseTo(r.summary.costPerResolvedCustomer.mean!, 6);
  });

  it('a vendor that does not bill resolutions that came back costs 0.2 + 0.2 + 1.8 = €2.20 a contact', () => {
    const unbilled = run(input(false));
    expect(unbilled.summary.costPerContact.mean!).toBeCloseTo(2.2, 1);
    // Same random numbers, same conversations: only the AI invoice differs, by €1 per return.
    const saved = r.costByType.ai.mean! - unbilled.costByType.ai.mean!;
    expect(saved).toBeCloseTo(r.summary.containedReturned.mean!, 6);
  });
});

describe('agents required', () => {
  // 120 calls an hour of 3 minutes, flat: the forecast's rate in every interval.
  const calls: Stream = {
    id: 'calls',
    language: 'en',
    volume: { perHour: 120 },
    handleTime: { dist: 'exponential', mean: 180 },
    patience: { dist: 'exponential', mean: 120 },
  };
  const erlangA = (ratePerHour: number, ahtSeconds: number, thresholdSeconds = 20) =>
    requiredAgents({ ratePerHour, ahtSeconds, thresholdSeconds, patienceSeconds: 120, target: 0.8 });

  it('use the handle time contacts really get: a pool 1.5× slower on 180 s calls needs Erlang A at 270 s', () => {
    const slow: Pool = { id: 'slow', skills: ['en'], agents: 12, handleTimeFactor: 1.5, shrinkage: 0.3 };
    const row = run(scenario([calls], [slow], { replications: 2 })).coverage[0];
    expect(erlangA(120, 270)).toBeGreaterThan(erlangA(120, 180));
    expect(new Set(row.requiredAgents)).toEqual(new Set([erlangA(120, 270)]));
    // Scheduled: on the phones ÷ (1 − 30 % shrinkage), rounded up.
    expect(new Set(row.requiredScheduled)).toEqual(new Set([Math.ceil(erlangA(120, 270) / 0.7 - 1e-9)]));
  });

  it('follow the forecast: a flat forecast needs the same agents in every interval, at any seed and number of replications', () => {
    const team: Pool = { id: 'team', skills: ['en'], agents: 12 };
    const a = run(scenario([calls], [team], { seed: 1, replications: 2 })).coverage[0];
    const b = run(scenario([calls], [team], { seed: 2, replications: 5 })).coverage[0];
    // What was simulated differs from interval to interval and run to run; what is required does not.
    expect(new Set(a.offered).size).toBeGreaterThan(10);
    expect(a.offered).not.toEqual(b.offered);
    expect(new Set(a.requiredAgents)).toEqual(new Set([erlangA(120, 180)]));
    expect(b.requiredAgents).toEqual(a.requiredAgents);
  });

  it('follow the forecast behind an AI front door: the contacts it hands to people, recontacts included', () => {
    // 120 chats an hour; the AI resolves 40 %, half of which come back: 120 × 0.6 / (1 − 0.4 × 0.5)
    // = 90 an hour reach people (one chat at a time each, 80 % within 60 s).
    const chats: Stream = { ...calls, id: 'chats', channel: 'chat' };
    const bot: Pool = { id: 'bot', type: 'ai', skills: ['en'], channels: ['chat'], containment: { default: 0.4 }, handleTime: { dist: 'deterministic', mean: 60 }, recontact: { share: 0.5, delay: { dist: 'deterministic', mean: 600 } } };
    const team: Pool = { id: 'team', skills: ['en'], channels: ['chat'], agents: 12, chatConcurrency: 1 };
    const row = run(scenario([chats], [bot, team], { replications: 2 })).coverage[0];
    expect(erlangA(90, 180, 60)).toBeLessThan(erlangA(120, 180, 60));
    expect(new Set(row.requiredAgents)).toEqual(new Set([erlangA(90, 180, 60)]));
  });

  it('use the chat concurrency of the pool that serves the chats, not of the first pool listed', () => {
    const chats: Stream = { ...calls, id: 'chats', channel: 'chat', handleTime: { dist: 'exponential', mean: 600 } };
    const nobody: Pool = { id: 'nights', skills: ['en'], channels: ['chat'], shifts: [{ days: 'Sun', start: '02:00', end: '03:00', agents: 0 }] };
    const triple: Pool = { id: 'day', skills: ['en'], channels: ['chat'], agents: 12, chatConcurrency: 3 };
    const r = run(scenario([chats], [nobody, triple], { replications: 2, channels: { chat: { serviceLevel: { seconds: 60, target: 0.8 } } } }));
    expect(new Set(r.coverage[0].requiredAgents)).toEqual(new Set([Math.ceil(erlangA(120, 600, 60) / 3)]));
  });

  it('keep occupancy at or below maxOccupancy when the scenario sets it', () => {
    const team: Pool = { id: 'team', skills: ['en'], agents: 12 };
    const r = run(scenario([calls], [team], { replications: 2, maxOccupancy: 0.5 }));
    // 120 × 180 s = 6 Erlangs: at most 50 % busy takes 12 agents, more than Erlang A asks.
    expect(erlangA(120, 180)).toBeLessThan(12);
    expect(new Set(r.coverage[0].requiredAgents)).toEqual(new Set([12]));
  });
});

describe("a partner's service-level clause", () => {
  it('is judged on the contacts offered while the partner has agents scheduled, not on the in-house team’s hours', () => {
    // Callers around the clock (60 an hour, 4 minutes each). In-house: one agent 08:00–20:00 UTC
    // for 4 Erlangs, so the day misses badly. The partner: 10 agents 20:00–08:00, nobody waits.
    const callers: Stream = { id: 'calls', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'deterministic', mean: 240 }, patience: { dist: 'exponential', mean: 60 } };
    const house: Pool = { id: 'house', skills: ['en'], shifts: [{ days: 'Mon-Sun', start: '08:00', end: '20:00', agents: 1 }] };
    const partner: Pool = {
      id: 'partner',
      type: 'outsourced',
      skills: ['en'],
      shifts: [{ days: 'Mon-Sun', start: '20:00', end: '08:00', agents: 10 }],
      cost: { perHour: 20, serviceLevelClause: { target: 0.8, penalty: 0.1 } },
    };
    const r = run(scenario([callers], [house, partner], { horizon: { start: MONDAY, days: 1, warmupHours: 24 }, replications: 1 }));
    expect(r.channels.voice.serviceLevel.mean!).toBeLessThan(0.8); // all hours together miss
    // 10 agents × 12 night hours × €20, without the 10 % penalty.
    expect(r.pools.partner.costTotal.mean).toBeCloseTo(10 * 12 * 20, 6);
  });
});

describe('coverage gaps are counted per language × channel × hour', () => {
  // English and German callers around the clock; an English team 08:00–16:00 UTC only.
  const input = (intervalMinutes: 15 | 30 | 60): ScenarioInput =>
    scenario(
      [
        { id: 'en', language: 'en', volume: { perHour: 30 }, handleTime: { dist: 'exponential', mean: 240 }, patience: { dist: 'exponential', mean: 120 } },
        { id: 'de', language: 'de', volume: { perHour: 10 }, handleTime: { dist: 'exponential', mean: 240 }, patience: { dist: 'exponential', mean: 120 } },
      ],
      [{ id: 'en-team', skills: ['en'], shifts: [{ days: 'Mon-Sun', start: '08:00', end: '16:00', agents: 4 }] }],
      { intervalMinutes },
    );
  const byInterval = ([15, 30, 60] as const).map((minutes) => run(input(minutes)));

  it('a German caller at 03:00 finds nobody: every German hour with demand is uncovered', () => {
    const r = byInterval[1];
    const de = r.languages.de;
    expect(de.demandHours.mean).toBe(48);
    expect(de.uncoveredHours.mean).toBe(48);
    expect(de.hoursBelowTarget.mean).toBe(0);
    // English: the 16 hours a day outside the team's shift are uncovered.
    expect(r.languages.en.uncoveredHours.mean).toBe(32);
  });

  it('uncovered + below target = gap hours, and languages, channels and hour flags add up to the total', () => {
    for (const r of byInterval) {
      const s = r.summary;
      expect(s.gapHours.mean).toBe(s.uncoveredHours.mean! + s.hoursBelowTarget.mean!);
      expect(sum(Object.values(r.languages).map((l) => l.gapHours.mean!))).toBe(s.gapHours.mean);
      expect(sum(Object.values(r.channels).map((c) => c.gapHours.mean!))).toBe(s.gapHours.mean);
      expect(sum(r.coverage.flatMap((q) => q.hours.uncovered))).toBe(s.uncoveredHours.mean);
      expect(sum(r.coverage.flatMap((q) => q.hours.belowTarget))).toBe(s.hoursBelowTarget.mean);
      expect(s.hoursBelowTarget.ci95![0]).toBeLessThanOrEqual(s.hoursBelowTarget.mean!);
      expect(s.hoursBelowTarget.ci95![1]).toBeGreaterThanOrEqual(s.hoursBelowTarget.mean!);
    }
  });

  it('15-, 30- and 60-minute reports give the same gap figures', () => {
    const [quarter, half, hour] = byInterval.map((r) => r.summary);
    for (const other of [quarter, hour]) {
      expect(other.uncoveredHours.mean).toBe(half.uncoveredHours.mean);
      for (const f of ['hoursBelowTarget', 'gapHours'] as const) {
        expect(other[f].mean!).toBeGreaterThanOrEqual(half[f].ci95![0]);
        expect(other[f].mean!).toBeLessThanOrEqual(half[f].ci95![1]);
      }
    }
  });
});

describe('paid hours and FTEs per site, as finance reads them', () => {
  const dublin: Pool = {
    id: 'dublin',
    skills: ['en'],
    timezone: 'Europe/Dublin',
    shifts: [
      { days: 'Mon-Fri', start: '07:00', end: '15:30', agents: 46 }, // 46 × 5 × 8.5 h = 1,955 h
      { days: 'Sat', start: '08:00', end: '16:30', agents: 12 }, // 12 × 8.5 h = 102 h
    ],
  };
  const calls: Stream = { id: 'calls', language: 'en', volume: { perHour: 30 }, handleTime: { dist: 'exponential', mean: 240 } };

  it('46 agents on a weekday shift of 8.5 hours and 12 on Saturday are 2,057 paid hours a week: 51.4 FTEs at 40 h', () => {
    const r = run(scenario([calls], [dublin], { horizon: { start: MONDAY, days: 7, warmupHours: 24 }, replications: 2 }));
    expect(r.pools.dublin.paidHoursPerWeek).toBeCloseTo(2057, 6);
    expect(r.pools.dublin.ftes).toBeCloseTo(2057 / 40, 6);
  });

  it('counts per week whatever the horizon, and in the FTE the scenario defines (37.5 h)', () => {
    const r = run(scenario([calls], [dublin], { horizon: { start: MONDAY, days: 14, warmupHours: 24 }, replications: 1, hoursPerFte: 37.5 }));
    expect(r.pools.dublin.paidHoursPerWeek).toBeCloseTo(2057, 6);
    expect(r.pools.dublin.ftes).toBeCloseTo(2057 / 37.5, 6);
  });

  it('a team on the phones around the clock is paid 168 hours a week per agent', () => {
    const r = run(scenario([calls], [{ id: 'desk', skills: ['en'], agents: 5 }], { replications: 1 }));
    expect(r.pools.desk.paidHoursPerWeek).toBeCloseTo(5 * 168, 6);
  });
});

describe('occupancy per pool and interval, where burnout peaks show', () => {
  it('a day team of 10 on 2 Erlangs of calls is 20 % busy in each half hour, and has no occupancy at night', () => {
    const r = run(
      scenario(
        [{ id: 'calls', language: 'en', volume: { perHour: 40 }, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 60 } }],
        [{ id: 'desk', skills: ['en'], shifts: [{ days: 'daily', start: '08:00', end: '16:00', agents: 10 }] }],
        { horizon: { start: MONDAY, days: 1, warmupHours: 0 }, replications: 10 },
      ),
    );
    const byInterval = r.occupancy.desk;
    expect(byInterval).toHaveLength(48);
    expect(byInterval[6]).toBeNull(); // 03:00: nobody on the phones
    const day = byInterval.slice(17, 32) as number[]; // 08:30–16:00, past the morning start
    expect(day.every((x) => x !== null)).toBe(true);
    expect(Math.abs(sum(day) / day.length - (40 * 180) / 3600 / 10)).toBeLessThan(0.02);
  });
});
