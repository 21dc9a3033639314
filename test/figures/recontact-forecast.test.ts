// Recontacts are forecast when they come back. A chat the AI front door "resolves" may come back:
// in the simulation it returns after the conversation and then the recontact delay, meets the
// front door as it is then (up or down), and is offered to people in the hour it comes back. The
// forecast behind "required agents" and `plan` must put it in that hour too — not in the hour of
// the chat it follows — so that a peak's recontacts are staffed hours later, and recontacts that
// come back during an outage go to people.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim/model/model';
import { expectedOfferedToPeople } from '../../sim/model/forecast';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

type Pool = ScenarioInput['staffing'][number];
type AiPool = Extract<Pool, { type: 'ai' }>;

const MONDAY = '2026-03-23T00:00:00Z';
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);
const forecastOf = (input: ScenarioInput) => expectedOfferedToPeople(compileScenario(validateScenario(input, 'recontacts.yaml')))[0];

/** Only 09:00–10:00 has chats: 600 of them. */
const nineOClock = Array.from({ length: 24 }, (_, h) => (h === 9 ? 1 : 0));

/** The AI resolves half of the chats, in a conversation of 1 second; 40 % of its resolutions do
 * not hold and the customer comes back exactly 2 hours later. */
const bot = (o: Partial<AiPool> = {}): AiPool => ({
  id: 'bot',
  type: 'ai',
  skills: ['en'],
  channels: ['chat'],
  containment: { default: 0.5 },
  handleTime: { dist: 'deterministic', mean: 1 },
  recontact: { share: 0.4, delay: { dist: 'deterministic', mean: 7200 } },
  ...o,
});
const team: Pool = { id: 'team', skills: ['en'], channels: ['chat'], agents: 200, chatConcurrency: 1 };

function desk(ai: Pool, o: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: 'Recontacts',
    horizon: { start: MONDAY, days: 1, warmupHours: 0 },
    intervalMinutes: 60,
    seed: 5,
    replications: 40,
    demand: [
      {
        id: 'chats',
        language: 'en',
        channel: 'chat',
        volume: { perDay: 600 },
        pattern: { hourly: nineOClock },
        handleTime: { dist: 'exponential', mean: 180 },
        patience: { dist: 'exponential', mean: 600 },
      },
    ],
    staffing: [ai, team],
    ...o,
  };
}

describe('recontacts are forecast when they come back', () => {
  // 09:00: 600 chats, the AI resolves 300, people get 300. 120 of the resolutions come back at
  // 11:00:01 (1 s of conversation, then 2 hours): the AI resolves 60 of those, people get 60; 24
  // of those 60 come back at 13:00:02, and so on. One second in 3600 of each hour's recontacts
  // comes back in the next hour.
  const input = desk(bot());
  const forecast = forecastOf(input);
  const late = 3599 / 3600;

  it('the 120 chats that come back two hours later are forecast at 11:00, not at 09:00: people get 60 of them', () => {
    expect(forecast[9]).toBeCloseTo(300, 9);
    expect(forecast[10]).toBe(0);
    expect(forecast[11]).toBeCloseTo(60 * late, 6);
    expect(forecast[12]).toBeCloseTo(60 * (1 - late), 6);
    // Their recontacts in turn: 24 come back at 13:00, people get 12; then 2.4 at 15:00.
    expect(forecast[13]).toBeCloseTo(12 * late ** 2, 6);
    expect(forecast[15]).toBeCloseTo(2.4 * late ** 3, 5);
    // People get 600 × ½ / (1 − ½ × 0.4) = 375 in all, but for the eighth generation on (a
    // thousandth of a chat), which would come back after midnight, when the day's report has ended.
    expect(sum(forecast)).toBeCloseTo(375, 2);
    expect(sum(forecast)).toBeLessThan(375);
  });

  it('the simulation offers people as many chats at 11:00 as the forecast, within its confidence interval', () => {
    const r = run(input);
    const [low, high] = r.intervals[11].offered.ci95!;
    expect(low).toBeLessThanOrEqual(forecast[11]);
    expect(high).toBeGreaterThanOrEqual(forecast[11]);
    // Nothing is offered at 10:00, and 09:00 has only its own chats' half.
    expect(r.intervals[10].offered.mean).toBe(0);
    const [low9, high9] = r.intervals[9].offered.ci95!;
    expect(low9).toBeLessThanOrEqual(forecast[9]);
    expect(high9).toBeGreaterThanOrEqual(forecast[9]);
  });
});

describe('recontacts that come back during an outage go to people whole', () => {
  // The AI is up at 09:00, when it resolves 300 chats, and down 11:00–13:00, when the 120 that
  // do not hold come back: all of them go to people, and none is resolved to come back again.
  const input = desk(bot({ outages: [{ start: '2026-03-23T11:00:00Z', hours: 2 }] }));
  const forecast = forecastOf(input);

  it('people are forecast all 120 at 11:00, and nothing after 12:00', () => {
    expect(forecast[9]).toBeCloseTo(300, 9);
    expect(forecast[11]).toBeCloseTo(120 * (3599 / 3600), 6);
    expect(sum(forecast)).toBeCloseTo(420, 6);
    expect(sum(forecast.slice(13))).toBe(0);
  });

  it('as the simulation offers them, within its confidence interval', () => {
    const r = run(input);
    const [low, high] = r.intervals[11].offered.ci95!;
    expect(low).toBeLessThanOrEqual(forecast[11]);
    expect(high).toBeGreaterThanOrEqual(forecast[11]);
  });
});

describe('a long flat day', () => {
  // 100 chats every hour, day and night; recontacts come back after an exponential 4 hours (so
  // some within the hour, some the next day), and a day's warm-up has brought the ones of the
  // night before. Every hour then gets what the per-arrival factor says: 100 × (1 − c) / (1 − c·r).
  const input: ScenarioInput = {
    ...desk(bot({ containment: { default: 0.3 }, handleTime: { dist: 'lognormal', mean: 240, cv: 1 }, recontact: { share: 0.12, delay: { dist: 'exponential', mean: 14400 } } })),
    horizon: { start: MONDAY, days: 2, warmupHours: 24 * 5 },
  };
  input.demand = [{ ...input.demand[0], volume: { perHour: 100 }, pattern: 'flat' }];
  const perHour = (100 * (1 - 0.3)) / (1 - 0.3 * 0.12);

  it('the total is unchanged: 48 × 100 × 0.7 / 0.964, and so is every hour', () => {
    const forecast = forecastOf(input);
    expect(forecast.length).toBe(48);
    expect(sum(forecast)).toBeCloseTo(48 * perHour, 6);
    for (const o of forecast) expect(o).toBeCloseTo(perHour, 6);
  });
});
