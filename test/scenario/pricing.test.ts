// BPO pricing, computed exactly on cases simple enough to work out by hand: paid hours with night
// and weekend premiums on the site's clock, productive hours after shrinkage, per handled contact
// and per handled minute, the copilot licence, monthly minimums prorated to the part of the
// calendar month the horizon covers, and the service-level clause. Every expected figure below is
// worked out from the scenario's numbers, never copied from a run.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

type Pool = ScenarioInput['staffing'][number];
type Stream = ScenarioInput['demand'][number];

const MONDAY = '2026-03-23T00:00:00Z'; // Monday 23 March 2026: the week holds the European spring-forward night

/** English callers, 60 an hour, each exactly 4 minutes on the phone, never hanging up. */
const callers: Stream = {
  id: 'calls',
  language: 'en',
  volume: { perHour: 60 },
  handleTime: { dist: 'deterministic', mean: 240 },
};

interface Invoice {
  start?: string;
  days?: number;
  hours?: number;
  demand?: Stream[];
  replications?: number;
  thresholdSeconds?: number;
}

/** A scenario for checking an invoice: half-hour intervals, one replication unless told. */
function invoice(staffing: Pool[], o: Invoice = {}): ScenarioInput {
  return {
    name: 'invoice',
    horizon: { start: o.start ?? MONDAY, ...(o.hours !== undefined ? { hours: o.hours } : { days: o.days ?? 1 }) },
    intervalMinutes: 30,
    serviceLevel: { seconds: o.thresholdSeconds ?? 20, target: 0.8 },
    seed: 11,
    replications: o.replications ?? 1,
    demand: o.demand ?? [callers],
    staffing,
  };
}

/** Money to a millionth of the currency unit (sums of products over hundreds of intervals). */
const expectMoney = (actual: number | null, expected: number) => expect(actual).toBeCloseTo(expected, 6);

/** Cost of the reported intervals that start at these UTC instants. */
function costOfIntervals(r: ReturnType<typeof run>, from: string, to: string): number {
  return r.intervals
    .filter((i) => i.start >= from && i.start < to)
    .reduce((s, i) => s + i.costTotal.mean!, 0);
}

describe('priced per paid hour', () => {
  it('an in-house team of 12 around the clock for a week costs 12 × 168 h × 30 EUR, busy or idle', () => {
    const r = run(invoice([{ id: 'berlin', skills: ['en'], agents: 12, cost: { perHour: 30 } }], { days: 7 }));
    expectMoney(r.pools.berlin.costTotal.mean, 12 * 168 * 30);
    expectMoney(r.costByType['in-house'].mean, 12 * 168 * 30);
    // Every half hour of the week is billed the same.
    for (const i of r.intervals) expectMoney(i.costTotal.mean, 12 * 0.5 * 30);
  });

  it('paid hours are scheduled hours: shrinkage and absence do not lower the invoice, in any replication', () => {
    const pool: Pool = { id: 'team', skills: ['en'], agents: 10, shrinkage: 0.3, absence: 0.1, cost: { perHour: 20 } };
    const r = run(invoice([pool], { replications: 3 }));
    expectMoney(r.pools.team.costTotal.mean, 10 * 24 * 20);
    expectMoney(r.pools.team.costTotal.ci95![0], 10 * 24 * 20);
    expectMoney(r.pools.team.costTotal.ci95![1], 10 * 24 * 20);
  });

  it('a Manila Saturday 20:00–24:00 shift pays 2 h at +50 % weekend, then 2 h at +25 % night +50 % weekend', () => {
    // Manila is UTC+8 all year: Sat 28 March 20:00–24:00 local is 12:00–16:00 UTC.
    const manila: Pool = {
      id: 'manila',
      type: 'outsourced',
      timezone: 'Asia/Manila',
      skills: ['en'],
      shifts: [{ days: 'Sat', start: '20:00', end: '24:00', agents: 3 }],
      cost: { perHour: 10, nightPremium: 0.25, weekendPremium: 0.5 },
    };
    const r = run(invoice([manila], { days: 7 }));
    const perAgentHours = 2 * 1.5 + 2 * (1 + 0.25 + 0.5); // 6.5 premium-weighted hours
    expectMoney(r.pools.manila.costTotal.mean, 3 * perAgentHours * 10); // 195
    expectMoney(r.costByType.outsourced.mean, 195);
    // The money lands in the hours worked, by the UTC clock of the report.
    expectMoney(costOfIntervals(r, '2026-03-28T12:00', '2026-03-28T14:00'), 3 * 2 * 1.5 * 10);
    expectMoney(costOfIntervals(r, '2026-03-28T14:00', '2026-03-28T16:00'), 3 * 2 * 1.75 * 10);
    expectMoney(r.summary.costTotal.mean! - costOfIntervals(r, '2026-03-28T12:00', '2026-03-28T16:00'), 0);
  });

  it('a Manila week: weekday day shifts at the base rate, a Friday night shift into Saturday at night, then night + weekend', () => {
    const manila: Pool = {
      id: 'manila',
      type: 'outsourced',
      timezone: 'Asia/Manila',
      skills: ['en'],
      shifts: [
        { days: 'Mon-Fri', start: '09:00', end: '17:00', agents: 4 }, // 5 × 8 h, no premium
        { days: 'Fri', start: '22:00', end: '06:00', agents: 2 }, // Fri 22–24 night; Sat 00–06 night and weekend
      ],
      cost: { perHour: 12, nightPremium: 0.25, weekendPremium: 0.5 },
    };
    const r = run(invoice([manila], { days: 7 }));
    const dayShifts = 4 * 5 * 8;
    const nightShift = 2 * (2 * 1.25 + 6 * 1.75);
    expectMoney(r.pools.manila.costTotal.mean, (dayShifts + nightShift) * 12); // 186 h × 12 = 2232
  });

  it('a custom night window in Bangalore (UTC+5:30) is weighted to the minute inside hourly intervals', () => {
    // Tuesday 18:00–23:00 IST with night from 20:00: 2 h plain, 3 h at +20 %. 18:00 IST is 12:30 UTC,
    // so the shift and the night window both begin in the middle of an hourly interval.
    const bangalore: Pool = {
      id: 'bangalore',
      type: 'outsourced',
      timezone: 'Asia/Kolkata',
      skills: ['en'],
      shifts: [{ days: 'Tue', start: '18:00', end: '23:00', agents: 3 }],
      cost: { perHour: 10, nightPremium: 0.2, night: { from: '20:00', to: '04:00' } },
    };
    const r = run({ ...invoice([bangalore], { days: 7 }), intervalMinutes: 60 });
    expectMoney(r.pools.bangalore.costTotal.mean, 3 * (2 + 3 * 1.2) * 10); // 168
    const hour = (utc: string) => r.intervals.find((i) => i.start === `2026-03-24T${utc}:00:00.000Z`)!.costTotal.mean;
    expectMoney(hour('12'), 3 * 0.5 * 10); // 18:00–18:30 IST
    expectMoney(hour('13'), 3 * 1 * 10); // 18:30–19:30
    expectMoney(hour('14'), 3 * (0.5 + 0.5 * 1.2) * 10); // 19:30–20:30: half plain, half night
    expectMoney(hour('15'), 3 * 1.2 * 10);
    expectMoney(hour('16'), 3 * 1.2 * 10);
    expectMoney(hour('17'), 3 * 0.5 * 1.2 * 10); // 22:30–23:00
  });

  it("Berlin's Saturday night shift across the spring-forward night is 7 paid hours, all night and weekend", () => {
    // Sat 28 March 22:00 CET (21:00 UTC) to Sun 29 March 06:00 CEST (04:00 UTC): the clock skips 02:00–03:00.
    const berlin: Pool = {
      id: 'berlin',
      timezone: 'Europe/Berlin',
      skills: ['en'],
      shifts: [{ days: 'Sat', start: '22:00', end: '06:00', agents: 2 }],
      cost: { perHour: 20, nightPremium: 0.25, weekendPremium: 0.5 },
    };
    const r = run(invoice([berlin], { days: 7 }));
    expectMoney(r.pools.berlin.costTotal.mean, 2 * 7 * 1.75 * 20); // 490
  });
});

describe('priced per productive hour', () => {
  it('a Manila partner priced per productive hour bills 7 agents × 24 h × 16 EUR a day (10 scheduled, 30 % shrinkage)', () => {
    const manila: Pool = {
      id: 'manila',
      type: 'outsourced',
      timezone: 'Asia/Manila',
      skills: ['en'],
      agents: 10,
      shrinkage: 0.3,
      cost: { perProductiveHour: 16 },
    };
    const r = run(invoice([manila]));
    expect(r.pools.manila.agentsOnPhones!.mean).toBeCloseTo(7, 9);
    expectMoney(r.pools.manila.costTotal.mean, 7 * 24 * 16); // 2688
  });

  it('a weekday roster billed both per paid and per productive hour: 400 paid hours, 320 on the phones', () => {
    // No contacts at all, so nobody stays on past the end of a shift to finish a call.
    const quiet: Stream = { ...callers, volume: { perHour: 0 } };
    const pool: Pool = {
      id: 'partner',
      type: 'outsourced',
      skills: ['en'],
      shifts: [{ days: 'Mon-Fri', start: '08:00', end: '16:00', agents: 10 }],
      shrinkage: 0.2,
      cost: { perHour: 5, perProductiveHour: 11 },
    };
    const r = run(invoice([pool], { days: 7, demand: [quiet] }));
    const paid = 10 * 8 * 5;
    const productive = 8 * 8 * 5;
    expectMoney(r.pools.partner.costTotal.mean, paid * 5 + productive * 11); // 2000 + 3520
  });
});

describe('priced per handled contact and per handled minute', () => {
  it('2.50 EUR per handled contact is 2.50 × the contacts the pool answered', () => {
    const r = run(invoice([{ id: 'partner', type: 'outsourced', skills: ['en'], agents: 8, cost: { perContact: 2.5 } }]));
    const handled = r.pools.partner.handled.mean!;
    expect(handled).toBeGreaterThan(1200); // about 60 an hour for a day
    expectMoney(r.pools.partner.costTotal.mean, 2.5 * handled);
  });

  it('0.50 EUR per handled minute of 4-minute calls is 2 EUR a call', () => {
    const r = run(invoice([{ id: 'partner', type: 'outsourced', skills: ['en'], agents: 8, cost: { perHandledMinute: 0.5 } }]));
    expectMoney(r.pools.partner.costTotal.mean, 0.5 * 4 * r.pools.partner.handled.mean!);
  });

  it("handled minutes are the pool's own: a slower site (×1.5) with a copilot (×0.8) bills 4.8 minutes a call, plus the copilot per paid hour", () => {
    const pool: Pool = {
      id: 'partner',
      type: 'outsourced',
      skills: ['en'],
      agents: 10,
      shrinkage: 0.3, // the copilot licence is per paid hour: shrinkage does not lower it
      handleTimeFactor: 1.5,
      copilot: { handleTimeFactor: 0.8, costPerAgentHour: 3 },
      cost: { perHandledMinute: 0.5 },
    };
    const r = run(invoice([pool]));
    const minutesPerCall = (240 * 1.5 * 0.8) / 60; // 4.8
    expectMoney(r.pools.partner.costTotal.mean, 10 * 24 * 3 + 0.5 * minutesPerCall * r.pools.partner.handled.mean!);
  });

  it('with an overflow partner, each pool bills only the contacts it answered', () => {
    const r = run(
      invoice(
        [
          { id: 'berlin', skills: ['en'], agents: 4, cost: { perContact: 1 } },
          { id: 'manila', type: 'outsourced', skills: ['en'], agents: 4, acceptAfterSeconds: 10, cost: { perContact: 3 } },
        ],
        { demand: [{ ...callers, volume: { perHour: 75 } }] }, // 5 Erlangs on 4 in-house agents: some overflow
      ),
    );
    const berlin = r.pools.berlin.handled.mean!;
    const manila = r.pools.manila.handled.mean!;
    expect(manila).toBeGreaterThan(50);
    expect(berlin + manila).toBe(r.summary.answered.mean);
    expectMoney(r.pools.berlin.costTotal.mean, 1 * berlin);
    expectMoney(r.pools.manila.costTotal.mean, 3 * manila);
  });
});

describe('monthly minimum, prorated to the part of the calendar month the horizon covers', () => {
  it('a week of March (31 days) with usage below the minimum is billed minimum × 7/31', () => {
    const pool: Pool = { id: 'partner', type: 'outsourced', skills: ['en'], agents: 2, cost: { perHour: 1, monthlyMinimum: 3100 } };
    const r = run(invoice([pool], { start: '2026-03-02T00:00:00Z', days: 7 }));
    // Usage 2 × 168 × 1 = 336 < 3100 × 7/31 = 700: topped up to 700, spread evenly over the week.
    expectMoney(r.pools.partner.costTotal.mean, 700);
    for (const i of r.intervals) expectMoney(i.costTotal.mean, 700 / (7 * 48));
  });

  it('usage above the prorated minimum is billed as used, with no top-up', () => {
    const pool: Pool = { id: 'partner', type: 'outsourced', skills: ['en'], agents: 10, cost: { perHour: 40, monthlyMinimum: 31000 } };
    const r = run(invoice([pool], { start: '2026-03-02T00:00:00Z', days: 7 }));
    expectMoney(r.pools.partner.costTotal.mean, 10 * 168 * 40); // 67,200 > 7,000
  });

  it('a week from Saturday 28 March: 4 days of March (31) and 3 of April (30) are floored separately', () => {
    // Agents only Saturday to Tuesday, i.e. 28–31 March: March usage 10 × 96 h × 10 = 9,600, above
    // its floor 31,000 × 4/31 = 4,000; April has no usage and is billed its floor 31,000 × 3/30 = 3,100.
    const pool: Pool = {
      id: 'partner',
      type: 'outsourced',
      skills: ['en'],
      shifts: [{ days: 'Sat-Tue', start: '00:00', end: '24:00', agents: 10 }],
      cost: { perHour: 10, monthlyMinimum: 31000 },
    };
    const r = run(invoice([pool], { start: '2026-03-28T00:00:00Z', days: 7 }));
    expectMoney(r.pools.partner.costTotal.mean, 9600 + 3100);
    expectMoney(costOfIntervals(r, '2026-03-28', '2026-04-01'), 9600);
    expectMoney(costOfIntervals(r, '2026-04-01', '2026-04-04'), 3100);
    for (const i of r.intervals.filter((x) => x.start >= '2026-04-01')) expectMoney(i.costTotal.mean, 3100 / (3 * 48));
  });

  it('a 36-hour horizon on the last day of February and the first half-day of March: 1/28 and 0.5/31 of the minimum', () => {
    const pool: Pool = { id: 'partner', type: 'outsourced', skills: ['en'], agents: 1, cost: { monthlyMinimum: 6200 } };
    const r = run(invoice([pool], { start: '2026-02-28T00:00:00Z', hours: 36 }));
    expectMoney(r.pools.partner.costTotal.mean, 6200 / 28 + (6200 * 0.5) / 31); // 221.43 + 100
  });
});

describe('service-level clause', () => {
  // One outsourced partner alone on the queue, 5 agents × 24 h × 20 EUR = 2,400 EUR before the clause.
  const partner = (extra: Partial<Extract<Pool, { type?: 'in-house' | 'outsourced' }>>, agents = 5): Pool => ({
    id: 'partner',
    type: 'outsourced',
    skills: ['en'],
    agents,
    ...extra,
  });
  const base = 5 * 24 * 20;

  it('a partner that only picks up after 60 s never answers within 20 s: SL 0 < 80 % target, 10 % penalty', () => {
    const r = run(
      invoice([partner({ acceptAfterSeconds: 60, cost: { perHour: 20, serviceLevelClause: { target: 0.8, penalty: 0.1 } } })]),
    );
    expect(r.summary.answered.mean).toBeGreaterThan(1000);
    expect(r.channels.voice.serviceLevel.mean).toBe(0);
    expectMoney(r.pools.partner.costTotal.mean, base * 0.9);
  });

  it('a partner answering everything at once (SL 100 %) earns its 5 % bonus above 95 %', () => {
    // 60 calls an hour of 4 minutes is 4 Erlangs on 20 agents: nobody ever waits.
    const cost = { perHour: 20, serviceLevelClause: { target: 0.8, penalty: 0.1, bonusAbove: 0.95, bonus: 0.05 } };
    const r = run(invoice([partner({ cost }, 20)]));
    expect(r.channels.voice.serviceLevel.mean).toBe(1);
    expectMoney(r.pools.partner.costTotal.mean, 20 * 24 * 20 * 1.05);
  });

  it('the bonus is earned at bonusAbove, not only above it (SL 100 %, bonusAbove 100 %)', () => {
    const cost = { perHour: 20, serviceLevelClause: { target: 0.8, bonusAbove: 1, bonus: 0.05 } };
    const r = run(invoice([partner({ cost }, 20)]));
    expect(r.channels.voice.serviceLevel.mean).toBe(1);
    expectMoney(r.pools.partner.costTotal.mean, 20 * 24 * 20 * 1.05);
  });

  it('without bonusAbove there is no bonus, however good the service', () => {
    const cost = { perHour: 20, serviceLevelClause: { target: 0.8, penalty: 0.1, bonus: 0.05 } };
    const r = run(invoice([partner({ cost }, 20)]));
    expect(r.channels.voice.serviceLevel.mean).toBe(1);
    expectMoney(r.pools.partner.costTotal.mean, 20 * 24 * 20);
  });

  it('between the target and bonusAbove the invoice stands as it is', () => {
    // 600 calls an hour of 3 minutes (30 Erlangs) on 34 agents: Erlang C gives SL ≈ 76 % within
    // 20 s, clearly between a 50 % target and a 95 % bonus threshold.
    const busy: Stream = { ...callers, volume: { perHour: 600 }, handleTime: { dist: 'exponential', mean: 180 } };
    const cost = { perHour: 20, serviceLevelClause: { target: 0.5, penalty: 0.1, bonusAbove: 0.95, bonus: 0.05 } };
    const r = run(invoice([partner({ cost }, 34)], { demand: [busy] }));
    expect(r.channels.voice.serviceLevel.mean).toBeGreaterThan(0.6);
    expect(r.channels.voice.serviceLevel.mean).toBeLessThan(0.9);
    expectMoney(r.pools.partner.costTotal.mean, 34 * 24 * 20);
  });

  it('the penalty is a share of the whole invoice: paid hours and per-contact fees alike', () => {
    const r = run(
      invoice([
        partner({ acceptAfterSeconds: 60, cost: { perHour: 20, perContact: 0.5, serviceLevelClause: { target: 0.8, penalty: 0.2 } } }),
      ]),
    );
    expectMoney(r.pools.partner.costTotal.mean, (base + 0.5 * r.pools.partner.handled.mean!) * 0.8);
  });
});

describe('a partner serving voice and chat', () => {
  it('picks up only after 30 s: its chats meet 60 s, its calls never meet 20 s, and the clause is missed (20 % off)', () => {
    // 300 chats and 60 calls an hour: blended, 83 % of contacts are answered within their own
    // channel's threshold, above the 80 % target; but voice is at 0 %, and channels are judged
    // each against the target, never averaged together.
    const chats: Stream = { ...callers, id: 'chats', channel: 'chat', volume: { perHour: 300 } };
    const partner: Pool = {
      id: 'partner',
      type: 'outsourced',
      skills: ['en'],
      channels: ['voice', 'chat'],
      agents: 40,
      acceptAfterSeconds: 30,
      cost: { perHour: 20, serviceLevelClause: { target: 0.8, penalty: 0.2 } },
    };
    const r = run({ ...invoice([partner], { demand: [callers, chats] }), channels: { chat: { serviceLevel: { seconds: 60, target: 0.8 } } } });
    expect(r.channels.voice.serviceLevel.mean).toBe(0);
    expect(r.channels.chat.serviceLevel.mean).toBeGreaterThan(0.99);
    expect(r.summary.answeredWithinThresholdShare.mean).toBeGreaterThan(0.8);
    expectMoney(r.pools.partner.costTotal.mean, 40 * 24 * 20 * 0.8);
  });
});

describe('totals: by type, per pool, per contact', () => {
  it('in-house, outsourced and AI costs add up to the total, and cost per contact is total ÷ (answered + contained)', () => {
    const chats: Stream = { ...callers, id: 'chats', channel: 'chat', volume: { perHour: 120 } };
    const r = run(
      invoice(
        [
          { id: 'bot', type: 'ai', skills: ['en'], containment: { default: 0.4 }, handleTime: { dist: 'deterministic', mean: 90 }, cost: { perConversation: 0.3, perResolution: 1 } },
          { id: 'berlin', skills: ['en'], agents: 6, cost: { perHour: 30 } },
          { id: 'manila', type: 'outsourced', timezone: 'Asia/Manila', skills: ['en'], agents: 10, shrinkage: 0.3, acceptAfterSeconds: 15, cost: { perProductiveHour: 16 } },
        ],
        { demand: [callers, chats] },
      ),
    );
    const p = r.pools;
    expectMoney(p.berlin.costTotal.mean, 6 * 24 * 30);
    expectMoney(p.manila.costTotal.mean, 7 * 24 * 16);
    expectMoney(p.bot.costTotal.mean, 0.3 * p.bot.handled.mean! + 1 * p.bot.contained!.mean!);
    expect(p.bot.handled.mean).toBeGreaterThan(2000);

    expectMoney(r.costByType['in-house'].mean, p.berlin.costTotal.mean!);
    expectMoney(r.costByType.outsourced.mean, p.manila.costTotal.mean!);
    expectMoney(r.costByType.ai.mean, p.bot.costTotal.mean!);
    const total = p.berlin.costTotal.mean! + p.manila.costTotal.mean! + p.bot.costTotal.mean!;
    expectMoney(r.summary.costTotal.mean, total);
    expectMoney(r.summary.costPerContact.mean, total / (r.summary.answered.mean! + r.summary.contained.mean!));
    // The same money, shared out over intervals, languages and channels.
    expectMoney(r.intervals.reduce((s, i) => s + i.costTotal.mean!, 0), total);
    expectMoney(r.languages.en.costTotal.mean, total);
    expectMoney(r.channels.voice.costTotal.mean! + r.channels.chat.costTotal.mean!, total);
  });
});
