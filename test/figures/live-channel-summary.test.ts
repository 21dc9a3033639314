// The summary's abandon rate and share of contacts that waited are of the live channels, voice and
// chat, as its ASA is: nobody hangs up on an email, and an email nearly always waits, so emails in
// the denominator thinned the callers' abandon rate out (a desk losing 13.6 % of its callers showed
// 10.2 %) and pushed the share that waited up. The same holds for a language's row and for each
// interval's. Checked against the same callers without the inbox: streams draw their own random
// numbers, so a separate email team changes nothing the callers see.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

function desk(withInbox: boolean): ScenarioInput {
  return {
    name: withInbox ? 'phones and inbox' : 'phones',
    horizon: { start: '2026-03-23T00:00:00Z', days: 2, warmupHours: 1 },
    seed: 11,
    replications: 4,
    demand: [
      { id: 'calls', language: 'en', volume: { perHour: 120 }, handleTime: { dist: 'exponential', mean: 240 }, patience: { dist: 'exponential', mean: 90 } },
      ...(withInbox ? [{ id: 'mail', language: 'en', channel: 'email' as const, volume: { perHour: 60 }, handleTime: { dist: 'exponential' as const, mean: 300 } }] : []),
    ],
    staffing: [
      { id: 'phones', skills: ['en'], channels: ['voice' as const], agents: 8 },
      ...(withInbox ? [{ id: 'inbox', skills: ['en'], channels: ['email' as const], agents: 6 }] : []),
    ],
  };
}

describe("a desk's abandon rate is its callers', not thinned out by its emails", () => {
  const phones = run(desk(false));
  const both = run(desk(true));

  it('the inbox is busy and its emails are offered, waiting and never abandoned', () => {
    expect(both.channels.email.offered.mean!).toBeGreaterThan(2500);
    expect(both.channels.email.abandoned.mean).toBe(0);
    expect(both.channels.voice.abandonRate.mean!).toBeGreaterThan(0.05);
  });

  it('the summary abandon rate, waiting share and ASA are those of the phones alone', () => {
    for (const figure of ['abandonRate', 'pWait', 'asaSeconds'] as const) {
      expect(both.summary[figure]).toEqual(phones.summary[figure]);
    }
    expect(both.summary.abandonRate).toEqual(both.channels.voice.abandonRate);
  });

  it("English's row has the callers' abandon rate", () => {
    expect(both.languages.en.abandonRate).toEqual(phones.languages.en.abandonRate);
  });

  it("each interval's abandon rate is its callers'", () => {
    const rates = both.intervals.map((i) => i.abandonRate.mean);
    expect(rates).toEqual(phones.intervals.map((i) => i.abandonRate.mean));
    expect(rates).toEqual(both.intervals.map((i) => i.channels.voice.abandonRate.mean));
  });
});
