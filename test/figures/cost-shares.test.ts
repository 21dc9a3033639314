// What finance reads per language and channel: a pool's cost is shared out by the busy time it
// spent on each queue, and each row's cost per contact is its share ÷ its contacts handled. With
// fixed handle times and one replication every share is known by hand from the contacts answered.
// costPerMonth scales the window's cost to an average month of 365.25 / 12 days.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

type Stream = ScenarioInput['demand'][number];

const calls = (language: string, perHour: number, seconds: number, channel: 'voice' | 'chat' = 'voice'): Stream => ({
  id: `${language}-${channel}`,
  language,
  channel,
  volume: { perHour },
  handleTime: { dist: 'deterministic', mean: seconds },
});

describe('a bilingual team’s bill shared by busy time', () => {
  // 20 agents at €10 an hour for a day: €4,800. English calls take 2 minutes, German 6.
  const r = run({
    name: 'bilingual',
    horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 0 },
    intervalMinutes: 60,
    seed: 8,
    replications: 1,
    demand: [calls('en', 30, 120), calls('de', 10, 360)],
    staffing: [{ id: 'team', skills: ['en', 'de'], agents: 20, cost: { perHour: 10 } }],
  });
  const en = r.languages.en;
  const de = r.languages.de;
  const busyEn = en.answered.mean! * 120;
  const busyDe = de.answered.mean! * 360;

  it('the day costs 20 × 24 h × €10 = €4,800, all of it shared out', () => {
    expect(r.summary.costTotal.mean).toBeCloseTo(4800, 9);
    expect(en.costTotal.mean! + de.costTotal.mean!).toBeCloseTo(4800, 9);
  });

  it('English pays its share of the busy minutes: answered × 2 min against German answered × 6 min', () => {
    expect(en.costTotal.mean).toBeCloseTo((4800 * busyEn) / (busyEn + busyDe), 9);
    expect(de.costTotal.mean).toBeCloseTo((4800 * busyDe) / (busyEn + busyDe), 9);
    // The per-queue and per-channel rows say the same (one channel, one queue per language).
    expect(r.queues['en/voice'].costTotal.mean).toBeCloseTo(en.costTotal.mean!, 9);
    expect(r.channels.voice.costTotal.mean).toBeCloseTo(4800, 9);
  });

  it('so a German call, three times as long, costs three times as much as an English one', () => {
    expect(de.costPerContact.mean! / en.costPerContact.mean!).toBeCloseTo(3, 9);
    expect(r.summary.costPerContact.mean).toBeCloseTo(4800 / (en.answered.mean! + de.answered.mean!), 9);
  });
});

describe('chats shared by their share of an agent', () => {
  it('a chat taking a third of an agent for 6 minutes weighs as much as a 2-minute call', () => {
    const r = run({
      name: 'blended',
      horizon: { start: '2026-03-23T00:00:00Z', days: 1, warmupHours: 0 },
      intervalMinutes: 60,
      seed: 8,
      replications: 1,
      demand: [calls('en', 20, 120), calls('en', 20, 360, 'chat')],
      staffing: [{ id: 'team', skills: ['en'], agents: 20, chatConcurrency: 3, cost: { perHour: 10 } }],
    });
    const voice = r.channels.voice;
    const chat = r.channels.chat;
    expect(chat.costPerContact.mean! / voice.costPerContact.mean!).toBeCloseTo(1, 9);
    expect(voice.costTotal.mean! + chat.costTotal.mean!).toBeCloseTo(4800, 9);
  });
});

describe('cost per month', () => {
  it('a week’s cost × 30.4375 / 7: 12 agents at €30 an hour are €262,980 a month', () => {
    const r = run({
      name: 'month',
      horizon: { start: '2026-03-23T00:00:00Z', days: 7, warmupHours: 0 },
      intervalMinutes: 60,
      seed: 1,
      replications: 1,
      demand: [calls('en', 0, 120)],
      staffing: [{ id: 'team', skills: ['en'], agents: 12, cost: { perHour: 30 } }],
    });
    expect(r.summary.costTotal.mean).toBeCloseTo(12 * 168 * 30, 9); // 60,480
    expect(r.summary.costPerMonth.mean).toBeCloseTo(12 * 24 * 30 * (365.25 / 12), 6); // 262,980
  });
});
