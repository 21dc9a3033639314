// The offset lookup against Intl's own printed offset ("GMT+05:30"), a second reading of the
// time-zone database, across both daylight-saving nights of both hemispheres and in zones with
// half- and quarter-hour offsets; and the offset timeline's changes at the exact instants.
import { describe, expect, it } from 'vitest';
import { offsetMinutes, offsetTimeline } from '../../sim/model/timezones';

const HOUR_MS = 3_600_000;

const printers = new Map<string, Intl.DateTimeFormat>();

/** Intl's printed offset of `zone` at `utcMs`, in minutes. */
function printedOffset(zone: string, utcMs: number): number {
  if (!printers.has(zone)) printers.set(zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }));
  const name = printers
    .get(zone)!
    .formatToParts(utcMs)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT", "GMT+02:00", "GMT-03:30"
  const m = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name)!;
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/Dublin', // its "winter time" is the negative DST of the database
  'America/New_York',
  'America/St_Johns', // -03:30 / -02:30
  'America/Sao_Paulo', // DST until 2019
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Australia/Sydney', // southern hemisphere
  'Australia/Lord_Howe', // half-hour DST
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Manila',
];

describe('offsetMinutes', () => {
  it('agrees with Intl every 7 h 13 min through 2018–2027 in zones of every kind', () => {
    for (const zone of ZONES) {
      for (let t = Date.UTC(2018, 0, 1); t < Date.UTC(2028, 0, 1); t += 7 * HOUR_MS + 13 * 60_000) {
        expect(offsetMinutes(zone, t), `${zone} ${new Date(t).toISOString()}`).toBe(printedOffset(zone, t));
      }
    }
  });

  it('changes at the very instant of each daylight-saving switch', () => {
    const cases: [string, string, number, number][] = [
      ['Europe/Berlin', '2026-03-29T01:00:00Z', 60, 120],
      ['Europe/Berlin', '2026-10-25T01:00:00Z', 120, 60],
      ['America/New_York', '2026-03-08T07:00:00Z', -300, -240],
      ['America/New_York', '2026-11-01T06:00:00Z', -240, -300],
      ['Australia/Sydney', '2026-04-04T16:00:00Z', 660, 600],
      ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', 630, 660],
    ];
    for (const [zone, at, before, after] of cases) {
      const t = Date.parse(at);
      expect(offsetMinutes(zone, t - 1), `${zone} just before ${at}`).toBe(before);
      expect(offsetMinutes(zone, t), `${zone} at ${at}`).toBe(after);
      expect(printedOffset(zone, t - 1)).toBe(before);
      expect(printedOffset(zone, t)).toBe(after);
    }
  });
});

describe('offsetTimeline', () => {
  it('lists every change of a year at its instant, as Intl sees it every quarter-hour', () => {
    for (const zone of ZONES) {
      const from = Date.UTC(2026, 0, 1);
      const to = Date.UTC(2027, 0, 1);
      const timeline = offsetTimeline(zone, from, to);
      let k = 0;
      for (let t = from; t < to; t += HOUR_MS / 4) {
        while (k + 1 < timeline.changeAtMs.length && timeline.changeAtMs[k + 1] <= t) k++;
        expect(timeline.offsetMinutes[k], `${zone} ${new Date(t).toISOString()}`).toBe(printedOffset(zone, t));
      }
    }
  });
});
