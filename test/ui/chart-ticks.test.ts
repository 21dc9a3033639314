// The layout helpers of the web app's charts, without a browser: which hours the coverage heatmap
// labels for a cell width, the time axis's hour ticks over a day (whole hours in the display zone,
// also with a half-hour offset and across a change of the clocks), bar-chart ticks whose labels do
// not touch, and the one order of language × channel rows both heatmaps use.
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { fittingTicks, hourLabels, timeTicks } from '../../src/lib/chart';
import { queueOrder } from '../../src/lib/coverage';
import { wallTime } from '../../src/lib/time';

const HOUR = 3_600_000;

describe('chart layout helpers', () => {
  it('labels the heatmap every 6 hours where there is room, every 12 on a narrow screen, else only the days', () => {
    expect(hourLabels(4.8, 14)).toEqual(Array.from({ length: 28 }, (_, k) => k * 6));
    expect(hourLabels(2.3, 14)).toEqual(Array.from({ length: 14 }, (_, k) => k * 12));
    expect(hourLabels(1.2, 14)).toEqual([]);
    // Presenting (a larger rem) needs wider cells for the same labels.
    expect(hourLabels(3.5, 14)).toHaveLength(28);
    expect(hourLabels(3.5, 17)).toHaveLength(14);
  });

  it('adds hour ticks to a day or two, on whole hours of the zone, and only day ticks to a week', () => {
    const start = Date.parse('2026-03-17T00:00:00Z');
    const utc = timeTicks(start, start + 24 * HOUR, 'UTC', 900);
    expect(utc.map((t) => t.label)).toEqual(['Tue 17', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', 'Wed 18']);
    // Narrow: fewer ticks, still on the hour (every 6 or 12).
    const narrow = timeTicks(start, start + 24 * HOUR, 'UTC', 300).map((t) => t.label);
    expect(narrow).toEqual(['Tue 17', '06:00', '12:00', '18:00', 'Wed 18']);
    // Kolkata is UTC+5:30: its whole hours fall on :30 UTC.
    const kolkata = timeTicks(start, start + 24 * HOUR, 'Asia/Kolkata', 900);
    expect(kolkata.length).toBeGreaterThan(5);
    for (const t of kolkata) {
      expect(wallTime(t.at, 'Asia/Kolkata').minute).toBe(0);
      expect(new Date(t.at).getUTCMinutes()).toBe(30);
    }
    // The night the clocks go back (Berlin, 25 Oct 2026): no two ticks on top of each other.
    const fall = Date.parse('2026-10-24T22:00:00Z');
    const berlin = timeTicks(fall, fall + 25 * HOUR, 'Europe/Berlin', 900);
    berlin.slice(1).forEach((t, i) => expect(t.at - berlin[i].at).toBeGreaterThanOrEqual(2 * HOUR));
    expect(berlin.map((t) => t.label)).toContain('Sun 25');
    // A week: day ticks only.
    expect(timeTicks(start, start + 7 * 24 * HOUR, 'UTC', 900).every((t) => !t.label.includes(':'))).toBe(true);
  });

  it('keeps as many bar-chart ticks as leave their labels apart', () => {
    const label = (v: number) => `€${v / 1000}K`.length * 7;
    const wide = fittingTicks(scaleLinear().domain([0, 300_000]).range([0, 600]), label);
    expect(wide.length).toBeGreaterThanOrEqual(4);
    const narrow = scaleLinear().domain([0, 300_000]).range([0, 90]);
    const ticks = fittingTicks(narrow, label);
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    ticks.slice(1).forEach((t, i) => expect(narrow(t) - narrow(ticks[i])).toBeGreaterThanOrEqual((label(t) + label(ticks[i])) / 2 + 10));
    // No room even for two: one label, the largest tick's.
    expect(fittingTicks(scaleLinear().domain([0, 300_000]).range([0, 30]), label)).toEqual([200_000]);
  });

  it('orders language × channel rows by language as they first appear, then voice, chat, email', () => {
    const rows = ['pt/chat', 'pt/voice', 'ja/email', 'ja/chat', 'ja/voice', 'en/voice'].map((k) => ({ language: k.split('/')[0], channel: k.split('/')[1] }));
    expect(queueOrder(rows).map((q) => `${q.language}/${q.channel}`)).toEqual(['pt/voice', 'pt/chat', 'ja/voice', 'ja/chat', 'ja/email', 'en/voice']);
  });
});
