// The AI front door: an AI agent meets the contacts of the languages and channels it covers,
// resolves ("contains") a share of them and hands the rest to people, with the context it passes
// on and the harder cases reflected in their handle time; a share of its resolutions do not hold
// and the customer comes back; it may be down (outages) or full (maxConcurrent); it is billed per
// conversation and per resolution.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../sim/kernel/engine';
import { erlangB } from '../../sim/stats/erlang';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

type Pool = ScenarioInput['staffing'][number];
type Stream = ScenarioInput['demand'][number];

const MONDAY = '2026-03-23T00:00:00Z';
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

/** English chats, each exactly 5 minutes with a person, never abandoned. */
const chats: Stream = {
  id: 'chats',
  language: 'en',
  channel: 'chat',
  volume: { perHour: 300 },
  handleTime: { dist: 'deterministic', mean: 300 },
};

/** A chatbot with two-minute conversations. */
const bot = (extra: Partial<Extract<Pool, { type: 'ai' }>> = {}): Pool => ({
  id: 'bot',
  type: 'ai',
  skills: ['en'],
  containment: { default: 0.4 },
  handleTime: { dist: 'deterministic', mean: 120 },
  ...extra,
});

/** Enough people that nobody waits long: escalations are answered, nobody is left behind. */
const team: Pool = { id: 'team', skills: ['en'], agents: 40 };

function frontDoor(demand: Stream[], staffing: Pool[], o: { hours?: number; warmupHours?: number; replications?: number } = {}): ScenarioInput {
  return {
    name: 'front door',
    horizon: { start: MONDAY, hours: o.hours ?? 24, warmupHours: o.warmupHours ?? 24 },
    intervalMinutes: 30,
    seed: 5,
    replications: o.replications ?? 1,
    demand,
    staffing,
  };
}

const compile = (input: ScenarioInput) => compileScenario(validateScenario(input, 'test.yaml'));
const tallies = (input: ScenarioInput, replication = 0) => {
  const model = compile(input);
  return { model, t: simulateReplication(model, replication) };
};

/** Sum of a per interval × queue tally over the intervals, for queue q. */
function perQueue(a: Float64Array, queues: number, q: number): number {
  let s = 0;
  for (let i = q; i < a.length; i += queues) s += a[i];
  return s;
}

/** |observed share − p| within 4 binomial standard errors of n trials. */
function expectShare(successes: number, n: number, p: number) {
  expect(n).toBeGreaterThan(500);
  const se = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(successes / n - p)).toBeLessThan(4 * se);
}

describe('containment by language and channel', () => {
  // default 0.2; German 0.5; French 0.4, but French email 0.8 ("lang/channel" beats "lang").
  const streams: Stream[] = [
    { ...chats, id: 'en-chat', language: 'en', volume: { perHour: 200 } },
    { ...chats, id: 'de-chat', language: 'de', volume: { perHour: 200 } },
    { ...chats, id: 'fr-chat', language: 'fr', volume: { perHour: 200 } },
    { ...chats, id: 'fr-email', language: 'fr', channel: 'email', volume: { perHour: 200 } },
  ];
  const staffing: Pool[] = [
    bot({ skills: ['en', 'de', 'fr'], channels: ['chat', 'email'], containment: { default: 0.2, de: 0.5, fr: 0.4, 'fr/email': 0.8 } }),
    { id: 'team', skills: ['en', 'de', 'fr'], agents: 60 },
  ];
  const input = frontDoor(streams, staffing);
  const expected = [0.2, 0.5, 0.4, 0.8];

  it('compiles each queue to its most specific setting', () => {
    expect(Array.from(compile(input).aiPools[0].containmentByQueue)).toEqual(expected);
  });

  it('contained ÷ conversations matches each setting within 4 binomial standard errors', () => {
    const { t } = tallies(input);
    expected.forEach((p, q) => {
      const conversations = perQueue(t.aiConversations, t.queueCount, q);
      // Every contact of a covered queue meets the AI (it is never down nor full here).
      expect(conversations).toBe(perQueue(t.contacts, t.queueCount, q));
      expectShare(perQueue(t.contained, t.queueCount, q), conversations, p);
    });
  });

  it('the result reports contained contacts per language and per channel', () => {
    const r = run(input);
    const { languages: l, channels: c } = r;
    expectShare(l.en.contained.mean!, l.en.contacts.mean!, 0.2);
    expectShare(l.de.contained.mean!, l.de.contacts.mean!, 0.5);
    expectShare(c.email.contained.mean!, c.email.contacts.mean!, 0.8);
    // French is half chat (0.4), half email (0.8): 0.6 overall, with the binomial spread of 0.6.
    expectShare(l.fr.contained.mean!, l.fr.contacts.mean!, 0.6);
    expect(c.chat.contained.mean! + c.email.contained.mean!).toBe(r.summary.contained.mean);
    expect(r.summary.contained.mean).toBe(l.en.contained.mean! + l.de.contained.mean! + l.fr.contained.mean!);
  });
});

describe('escalation to people', () => {
  it('the chats the AI does not resolve reach the human queue: offered = conversations − contained', () => {
    // Every conversation that came in the window and was not resolved is offered, including those
    // still running at its end (counted where they arrived).
    const r = run(frontDoor([chats], [bot(), team], { warmupHours: 0 }));
    const s = r.summary;
    const escalated = s.aiConversations.mean! - s.contained.mean!;
    expect(escalated).toBeGreaterThan(3000);
    expect(s.offered.mean).toBe(escalated);
    expect(s.answered.mean).toBe(s.offered.mean);
  });

  it('an escalated chat takes handle time × handoff × escalated factor × the pool’s own factor; voice the AI never saw does not', () => {
    // 300 s × 0.8 (context passed on) × 1.5 (the harder cases) × 1.25 (this team's speed) = 450 s.
    // Handle times are deterministic, so every handled chat is exactly 7.5 minutes and every call
    // exactly 5: billed per handled minute, the two teams' invoices are exact.
    const calls: Stream = { ...chats, id: 'calls', channel: 'voice', volume: { perHour: 120 } };
    const input = frontDoor(
      [chats, calls],
      [
        bot({ handoffHandleTimeFactor: 0.8, escalatedHandleTimeFactor: 1.5 }),
        { id: 'chat-team', skills: ['en'], channels: ['chat'], agents: 40, handleTimeFactor: 1.25, cost: { perHandledMinute: 1 } },
        { id: 'voice-team', skills: ['en'], channels: ['voice'], agents: 20, cost: { perHandledMinute: 1 } },
      ],
    );
    const r = run(input);
    const p = r.pools;
    expect(p['chat-team'].costTotal.mean).toBeCloseTo(7.5 * p['chat-team'].handled.mean!, 6);
    expect(p['voice-team'].costTotal.mean).toBeCloseTo(5 * p['voice-team'].handled.mean!, 6);
    // The same through the engine's tallies: handled seconds ÷ handled contacts, per pool.
    const { t } = tallies(input);
    const perPool = (a: Float64Array, pool: number) => perQueue(a, t.poolCount, pool);
    expect(perPool(t.poolHandledSeconds, 0) / perPool(t.poolHandled, 0)).toBeCloseTo(450, 9);
    expect(perPool(t.poolHandledSeconds, 1) / perPool(t.poolHandled, 1)).toBeCloseTo(300, 9);
    // And consistent with occupancy (Little's law on the servers): 300 chats an hour × 60 %
    // escalated × 450 s = 22.5 Erlangs on 40 agents, 0.5625; had the factors been ignored
    // (300 s) it would be 0.375.
    expect(Math.abs(p['chat-team'].occupancy!.mean! - 0.5625)).toBeLessThan(0.03);
  });

  it('a customer who hangs up and tries again is not made harder by every pass through the AI', () => {
    // A redial is the same customer with the same need: the escalation factor applies to each
    // attempt's handling, never compounded over attempts (it once was: 2×, 4×, 8×…). Every handled
    // chat here takes exactly 300 s × 2 = 600 s.
    const impatient: Stream = {
      ...chats,
      volume: { perHour: 60 },
      patience: { dist: 'deterministic', mean: 30 },
      redial: { share: 0.5, delay: { dist: 'deterministic', mean: 60 } },
    };
    const { t } = tallies(
      frontDoor([impatient], [bot({ containment: { default: 0 }, handleTime: { dist: 'deterministic', mean: 60 }, escalatedHandleTimeFactor: 2 }), { id: 'team', skills: ['en'], agents: 10 }], {
        hours: 8,
        warmupHours: 0,
      }),
    );
    expect(sum(t.repeats)).toBeGreaterThan(20); // redials did happen
    expect(sum(t.poolHandledSeconds) / sum(t.poolHandled)).toBeCloseTo(600, 6);
  });
});

describe('recontacts: resolutions that do not hold', () => {
  const input = frontDoor([chats], [bot({ containment: { default: 0.6 }, recontact: { share: 0.3, delay: { dist: 'deterministic', mean: 7200 } } }), team], {
    warmupHours: 0,
  });

  it('30 % of contained contacts come back: contacts − customers ≈ contained × 0.3', () => {
    // With no warm-up, a customer contained in the last 2 h 2 min comes back after the horizon:
    // count the returns against the contained conversations that started early enough.
    const { t } = tallies(input);
    const Q = t.queueCount;
    const intervalsBefore = (22 * 3600 - 120) / 1800; // a conversation starting before 21:58 returns before 24:00
    let containedEarly = 0;
    for (let i = 0; i < Math.floor(intervalsBefore); i++) containedEarly += t.contained[i * Q];
    const returns = sum(t.repeats);
    // The partly counted interval 21:30–22:00 adds at most its own contained × share.
    const boundary = t.contained[Math.floor(intervalsBefore) * Q];
    const p = 0.3;
    const se = Math.sqrt(containedEarly * p * (1 - p));
    expect(returns).toBeGreaterThan(containedEarly * p - 4 * se);
    expect(returns).toBeLessThan((containedEarly + boundary) * p + 4 * se);
    // The same in the result's own terms.
    const r = run(input);
    expect(r.summary.contacts.mean! - r.summary.customers.mean!).toBe(returns);
  });

  it('they come back after the delay: nobody returns in the first two hours', () => {
    const { t } = tallies(input);
    const Q = t.queueCount;
    const repeatsIn = (from: number, to: number) => {
      let s = 0;
      for (let i = from; i < to; i++) s += t.repeats[i * Q];
      return s;
    };
    expect(repeatsIn(0, 4)).toBe(0); // 00:00–02:00: a 2-minute conversation + 2 h cannot have ended
    expect(t.repeats[4 * Q]).toBeGreaterThan(0); // 02:00–02:30: the first ones are back
    expect(repeatsIn(4, 48)).toBeGreaterThan(500);
  });

  it('resolutions that came back are tallied with the resolution: ≈ 30 % of contained, and each one returns', () => {
    const week = frontDoor(input.demand, input.staffing, { hours: 24 * 7, warmupHours: 0 });
    const { t } = tallies(week);
    const Q = t.queueCount;
    for (let cell = 0; cell < t.contained.length; cell++) expect(t.containedReturned[cell]).toBeLessThanOrEqual(t.contained[cell]);
    expectShare(sum(t.containedReturned), sum(t.contained), 0.3);
    // Every returned resolution comes back 2 min + 2 h after its conversation started: those
    // started before 21:30 on the last day are back inside the horizon, those after 22:00 are not.
    const lastDay = 48 * 6;
    const returnedBefore = (interval: number) => {
      let s = 0;
      for (let i = 0; i < interval; i++) s += t.containedReturned[i * Q];
      return s;
    };
    expect(sum(t.repeats)).toBeGreaterThanOrEqual(returnedBefore(lastDay + 43));
    expect(sum(t.repeats)).toBeLessThanOrEqual(returnedBefore(lastDay + 44));
  });
});

describe('outages and capacity', () => {
  it('during an outage every contact goes straight to people; outside it the AI takes them all', () => {
    // Containment 1: outside the outage nobody reaches a person, so the outage shows plainly.
    const input = frontDoor([chats], [bot({ containment: { default: 1 }, outages: [{ start: '2026-03-23T06:00:00Z', hours: 3 }] }), team], {
      hours: 12,
    });
    const r = run(input);
    const { t } = tallies(input);
    r.intervals.forEach((row, i) => {
      const inOutage = i >= 12 && i < 18; // 06:00–09:00 in half hours
      const conversations = t.aiConversations[i * t.queueCount];
      if (inOutage) {
        expect(conversations).toBe(0);
        expect(row.contained.mean).toBe(0);
        expect(row.offered.mean).toBe(t.contacts[i * t.queueCount]);
        expect(row.offered.mean).toBeGreaterThan(100);
        expect(r.coverage[0].offered[i]).toBe(row.offered.mean);
      } else {
        expect(conversations).toBe(t.contacts[i * t.queueCount]);
        expect(row.offered.mean).toBe(0);
        expect(r.coverage[0].offered[i]).toBe(0);
      }
    });
  });

  it('maxConcurrent 1 against 50 Erlangs of conversations: most contacts bypass the AI', () => {
    // 600 chats an hour × 300 s = 50 Erlangs offered to one conversation slot. A contact meets the
    // AI only when the slot is free: Erlang B (insensitive to the deterministic length) puts that
    // at 1/(1 + 50). And one slot can hold at most 24 h ÷ 300 s = 288 conversations a day.
    const input = frontDoor(
      [{ ...chats, volume: { perHour: 600 } }],
      [bot({ maxConcurrent: 1, handleTime: { dist: 'deterministic', mean: 300 } }), { id: 'team', skills: ['en'], agents: 80 }],
    );
    const r = run(input);
    const s = r.summary;
    expect(s.aiConversations.mean).toBeLessThanOrEqual(288 + 1);
    expectShare(s.aiConversations.mean!, s.contacts.mean!, 1 - erlangB(1, 50));
    expect(s.offered.mean).toBeGreaterThan(0.97 * s.contacts.mean!);
  });

  it('maxConcurrent 10 lets through the share Erlang B allows (≈ 20 % at 50 Erlangs)', () => {
    const input = frontDoor(
      [{ ...chats, volume: { perHour: 600 } }],
      [bot({ maxConcurrent: 10, handleTime: { dist: 'deterministic', mean: 300 } }), { id: 'team', skills: ['en'], agents: 80 }],
    );
    const s = run(input).summary;
    expect(s.aiConversations.mean).toBeLessThanOrEqual(10 * (288 + 1));
    expectShare(s.aiConversations.mean!, s.contacts.mean!, 1 - erlangB(10, 50));
  });
});

describe('what the result says about the AI pool', () => {
  it('an AI pool reports handled (= conversations) and contained, no occupancy or head count', () => {
    const r = run(frontDoor([chats], [bot(), team], { hours: 12, replications: 2 }));
    const p = r.pools.bot;
    expect(p.type).toBe('ai');
    expect(p.handled.mean).toBe(r.summary.aiConversations.mean);
    expect(p.contained!.mean).toBe(r.summary.contained.mean);
    expect(p.contained!.mean).toBeGreaterThan(0);
    expect(p.occupancy).toBeUndefined();
    expect(p.agentsOnPhones).toBeUndefined();
    expect(r.pools.team.handled.mean).toBe(r.summary.answered.mean);
  });

  it('a chatbot (channels default to chat) leaves voice to people', () => {
    const calls: Stream = { ...chats, id: 'calls', channel: 'voice', volume: { perHour: 100 } };
    const input = frontDoor([chats, calls], [bot(), team], { hours: 12 });
    const r = run(input);
    expect(r.channels.voice.contained.mean).toBe(0);
    expect(r.channels.voice.offered.mean).toBe(r.channels.voice.contacts.mean);
    expect(r.channels.chat.contained.mean).toBeGreaterThan(0);
    const { model, t } = tallies(input);
    const voice = model.queues.findIndex((q) => q.channel === 'voice');
    expect(model.queues[voice].aiPool).toBe(-1);
    expect(perQueue(t.aiConversations, t.queueCount, voice)).toBe(0);
  });

  it('costs 0.40 per conversation and 1.10 per resolution, exactly, on one replication', () => {
    const r = run(frontDoor([chats], [bot({ cost: { perConversation: 0.4, perResolution: 1.1 } }), team], { hours: 12 }));
    const p = r.pools.bot;
    const cost = 0.4 * p.handled.mean! + 1.1 * p.contained!.mean!;
    expect(p.costTotal.mean).toBeCloseTo(cost, 6);
    expect(r.costByType.ai.mean).toBeCloseTo(cost, 6);
    expect(r.summary.costTotal.mean).toBeCloseTo(cost, 6); // the team has no price set
    expect(r.summary.costPerContact.mean).toBeCloseTo(cost / (r.summary.answered.mean! + r.summary.contained.mean!), 9);
  });
});

describe('edges of the horizon and of the model', () => {
  it('a chat handed over after an hour and a half with the AI is counted in the interval it arrived in, inside the horizon or not', () => {
    // 90-minute conversations over a 3-hour horizon after a day of warm-up: hand-overs land in later
    // intervals, after the horizon's end, and (for chats that came during the warm-up) inside it.
    const input = frontDoor(
      [{ ...chats, volume: { perHour: 100 } }],
      [bot({ containment: { default: 0.5 }, handleTime: { dist: 'deterministic', mean: 5400 } }), { id: 'team', skills: ['en'], agents: 40 }],
      { hours: 3 },
    );
    const { model, t } = tallies(input);
    const Q = model.queues.length;
    let escalated = 0;
    for (let i = 0; i < model.intervalCount; i++) {
      const k = i * Q;
      expect(t.offered[k], `interval ${i}`).toBe(t.aiConversations[k] - t.contained[k]);
      escalated += t.offered[k];
    }
    expect(escalated).toBeGreaterThan(100);
    expect(sum(t.answered)).toBe(sum(t.offered));
  });

  it('a conversation that starts inside the horizon is counted (and billed) as contained even when it ends after it', () => {
    // The run drains until every AI conversation that started in the window has ended, so its
    // containment is counted and its resolution billed (the run once stopped as soon as nobody
    // waited for a person, losing about half of these one-hour conversations).
    const input = frontDoor(
      [{ ...chats, volume: { perHour: 100 } }],
      [bot({ containment: { default: 1 }, handleTime: { dist: 'deterministic', mean: 3600 }, cost: { perResolution: 1 } }), { id: 'team', skills: ['en'], agents: 5 }],
      { hours: 2, warmupHours: 0 },
    );
    const r = run(input);
    expect(r.pools.bot.handled.mean).toBeGreaterThan(150);
    expect(r.pools.bot.contained!.mean).toBe(r.pools.bot.handled.mean);
    expect(r.pools.bot.costTotal.mean).toBe(r.pools.bot.handled.mean);
  });

  it('warns about a queue nobody serves when the AI only partly contains it', () => {
    // The warning is judged per queue: an AI that fully contains English chat must not hide the
    // one for German chat, whose escalated half waits for nobody.
    const input = frontDoor(
      [chats, { ...chats, id: 'de-chats', language: 'de' }],
      [bot({ skills: ['en', 'de'], containment: { en: 1, de: 0.5 } }), { id: 'paris', skills: ['fr'], agents: 3 }],
    );
    const warnings = compile(input).warnings;
    expect(warnings.some((w) => w.includes('de/chat'))).toBe(true);
    expect(warnings.some((w) => w.includes('en/chat'))).toBe(false);
  });
});
