// Rosters are written in the site's local time and land on the UTC simulation clock correctly,
// across both daylight-saving nights; paid hours, premiums and daily absence follow from them.
import { describe, expect, it } from 'vitest';
import { randomStream } from '../../sim/kernel/random';
import { drawAvailability, type Availability, type CompiledRoster, type RosterWindow } from '../../sim/model/availability';
import { compileRoster, expandShift, type ConcreteShift, type CostPremiums } from '../../sim/model/roster';
import { shiftSchema } from '../../sim/scenario/shift-schema';

const HOUR = 3600;
const DAY = 86400;

/** A reported window of `days` from `start`, the way the model compiles one (drain of a day). */
function windowFrom(start: string, days: number, intervalMinutes = 60, warmupHours = 0): RosterWindow {
  const warmup = warmupHours * HOUR;
  return {
    clockZeroMs: Date.parse(start) - warmup * 1000,
    reportStartSeconds: warmup,
    reportEndSeconds: warmup + days * DAY,
    intervalSeconds: intervalMinutes * 60,
    intervalCount: Math.ceil((days * DAY) / (intervalMinutes * 60)),
    stopSeconds: warmup + days * DAY + DAY,
  };
}

const iso = (w: RosterWindow, seconds: number) => new Date(w.clockZeroMs + seconds * 1000).toISOString();
const clock = (w: RosterWindow, at: string) => (Date.parse(at) - w.clockZeroMs) / 1000;

/** Indices of the shift instances that start inside the reported window (the roster also holds
 * those of the warm-up and the drain day after it). */
const reported = (r: CompiledRoster, w: RosterWindow) =>
  Array.from(r.shiftStartSeconds.keys()).filter(
    (i) => r.shiftStartSeconds[i] >= w.reportStartSeconds && r.shiftStartSeconds[i] < w.reportEndSeconds,
  );

/** The reported shift instances as UTC ISO times. */
function shiftsUtc(r: CompiledRoster, w: RosterWindow) {
  return reported(r, w).map((i) => ({
    start: iso(w, r.shiftStartSeconds[i]),
    end: iso(w, r.shiftEndSeconds[i]),
    hours: (r.shiftEndSeconds[i] - r.shiftStartSeconds[i]) / HOUR,
    agents: r.shiftAgents[i],
  }));
}

/** The reported shift instances as the site sees them: "Fri 22:00 – Sat 06:00". */
function shiftsLocal(r: CompiledRoster, w: RosterWindow, zone: string) {
  // Intl's own wall clock, independent of the offset timeline the roster is compiled with.
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const local = (s: number) => format.format(w.clockZeroMs + s * 1000).replace(',', '');
  return reported(r, w).map((i) => `${local(r.shiftStartSeconds[i])} – ${local(r.shiftEndSeconds[i])}`);
}

/** Agents scheduled at a UTC instant. */
function scheduledAt(r: CompiledRoster, w: RosterWindow, at: string): number {
  const t = clock(w, at);
  let n = 0;
  r.shiftStartSeconds.forEach((s, i) => {
    if (s <= t && t < r.shiftEndSeconds[i]) n += r.shiftAgents[i];
  });
  return n;
}

/** Agents on the phones at a point of the simulation clock. */
function availableAt(a: Availability, t: number): number {
  let k = 0;
  while (k + 1 < a.changeSeconds.length && a.changeSeconds[k + 1] <= t) k++;
  return a.available[k];
}

const shift = (days: ConcreteShift['days'], start: string, end: string, agents: number): ConcreteShift => ({
  days,
  start,
  end,
  agents,
});
const seconds = (hh: number) => hh * HOUR;

describe('local shifts on the UTC clock', () => {
  const berlinDayTeam = [shift('Mon-Fri', '08:00', '16:30', 12)];

  it('puts a Berlin Mon–Fri 08:00–16:30 team on at 07:00–15:30 UTC in winter, not at weekends', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 7); // Monday to Sunday
    const r = compileRoster('Europe/Berlin', berlinDayTeam, undefined, undefined, w);
    const shifts = shiftsUtc(r, w);
    expect(shifts).toHaveLength(5);
    expect(shifts[0]).toEqual({ start: '2026-01-05T07:00:00.000Z', end: '2026-01-05T15:30:00.000Z', hours: 8.5, agents: 12 });
    expect(shifts[4]).toEqual({ start: '2026-01-09T07:00:00.000Z', end: '2026-01-09T15:30:00.000Z', hours: 8.5, agents: 12 });
    expect(scheduledAt(r, w, '2026-01-07T06:59:00Z')).toBe(0);
    expect(scheduledAt(r, w, '2026-01-07T07:00:00Z')).toBe(12);
    expect(scheduledAt(r, w, '2026-01-07T15:29:00Z')).toBe(12);
    expect(scheduledAt(r, w, '2026-01-07T15:30:00Z')).toBe(0);
    expect(scheduledAt(r, w, '2026-01-10T10:00:00Z')).toBe(0); // Saturday
    expect(scheduledAt(r, w, '2026-01-11T10:00:00Z')).toBe(0); // Sunday
  });

  it('puts the same team on at 06:00–14:30 UTC in summer', () => {
    const w = windowFrom('2026-07-06T00:00:00Z', 7);
    const r = compileRoster('Europe/Berlin', berlinDayTeam, undefined, undefined, w);
    const shifts = shiftsUtc(r, w);
    expect(shifts.map((s) => s.start.slice(0, 10))).toEqual([
      '2026-07-06',
      '2026-07-07',
      '2026-07-08',
      '2026-07-09',
      '2026-07-10',
    ]);
    for (const s of shifts) {
      expect(s.start.slice(11, 16)).toBe('06:00');
      expect(s.end.slice(11, 16)).toBe('14:30');
    }
    expect(scheduledAt(r, w, '2026-07-11T08:00:00Z')).toBe(0);
  });

  it('runs a Manila 22:00–06:00 night shift over midnight, Friday’s into Saturday', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 7);
    const r = compileRoster('Asia/Manila', [shift('Mon-Fri', '22:00', '06:00', 8)], undefined, undefined, w);
    expect(shiftsLocal(r, w, 'Asia/Manila')).toEqual([
      'Mon 22:00 – Tue 06:00',
      'Tue 22:00 – Wed 06:00',
      'Wed 22:00 – Thu 06:00',
      'Thu 22:00 – Fri 06:00',
      'Fri 22:00 – Sat 06:00',
    ]);
    const friday = shiftsUtc(r, w)[4];
    expect(friday).toEqual({ start: '2026-01-09T14:00:00.000Z', end: '2026-01-09T22:00:00.000Z', hours: 8, agents: 8 });
    expect(scheduledAt(r, w, '2026-01-09T19:00:00Z')).toBe(8); // Saturday 03:00 in Manila
    expect(scheduledAt(r, w, '2026-01-10T15:00:00Z')).toBe(0); // Saturday 23:00: no Saturday shift
  });

  it('wraps "Fri-Mon" over the weekend', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 7);
    const r = compileRoster('Europe/Berlin', [shift('Fri-Mon', '09:00', '17:00', 3)], undefined, undefined, w);
    expect(shiftsLocal(r, w, 'Europe/Berlin')).toEqual([
      'Mon 09:00 – Mon 17:00',
      'Fri 09:00 – Fri 17:00',
      'Sat 09:00 – Sat 17:00',
      'Sun 09:00 – Sun 17:00',
    ]);
  });

  it('reads day lists, ranges and "daily", case-insensitively', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 7);
    const daysOf = (days: ConcreteShift['days']) =>
      shiftsLocal(compileRoster('UTC', [shift(days, '10:00', '11:00', 1)], undefined, undefined, w), w, 'UTC').map(
        (s) => s.slice(0, 3),
      );
    expect(daysOf('Mon,Wed,Fri')).toEqual(['Mon', 'Wed', 'Fri']);
    expect(daysOf('mon, wed, fri')).toEqual(['Mon', 'Wed', 'Fri']);
    expect(daysOf(['Mon', 'Wed'])).toEqual(['Mon', 'Wed']);
    expect(daysOf(['SAT', 'sun'])).toEqual(['Sat', 'Sun']);
    expect(daysOf('Sat')).toEqual(['Sat']);
    expect(daysOf('sat-sun')).toEqual(['Sat', 'Sun']);
    expect(daysOf('daily')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('sorts instances by start and clips one already running at the clock’s start', () => {
    const w = windowFrom('2026-01-05T03:00:00Z', 2); // the Sunday night shift is on at 03:00
    const r = compileRoster('UTC', [shift('daily', '22:00', '06:00', 2), shift('daily', '05:00', '13:00', 4)], undefined, undefined, w);
    expect(r.shiftStartSeconds[0]).toBe(0);
    expect(r.shiftEndSeconds[0]).toBe(seconds(3)); // 06:00 UTC
    expect(r.shiftAgents[0]).toBe(2);
    for (let i = 1; i < r.shiftStartSeconds.length; i++) {
      expect(r.shiftStartSeconds[i]).toBeGreaterThanOrEqual(r.shiftStartSeconds[i - 1]);
    }
    expect(r.shiftStartSeconds.every((s) => s < w.stopSeconds)).toBe(true);
  });
});

describe('daylight-saving nights', () => {
  const nights = [shift('daily', '22:00', '06:00', 6)];

  it('makes an overnight 22:00–06:00 shift 7 h across the spring night', () => {
    const w = windowFrom('2026-03-27T00:00:00Z', 3); // Fri, Sat, Sun; clocks go forward early Sunday
    const r = compileRoster('Europe/Berlin', nights, undefined, undefined, w);
    const byStart = Object.fromEntries(shiftsUtc(r, w).map((s) => [s.start, s.hours]));
    expect(byStart['2026-03-27T21:00:00.000Z']).toBe(8); // Fri 22:00 CET – Sat 06:00 CET
    expect(byStart['2026-03-28T21:00:00.000Z']).toBe(7); // Sat 22:00 CET – Sun 06:00 CEST
    expect(byStart['2026-03-29T20:00:00.000Z']).toBe(8); // Sun 22:00 CEST – Mon 06:00 CEST
  });

  it('makes it 9 h across the autumn night', () => {
    const w = windowFrom('2026-10-23T00:00:00Z', 3); // clocks go back early Sunday 25 October
    const r = compileRoster('Europe/Berlin', nights, undefined, undefined, w);
    const byStart = Object.fromEntries(shiftsUtc(r, w).map((s) => [s.start, s.hours]));
    expect(byStart['2026-10-23T20:00:00.000Z']).toBe(8);
    expect(byStart['2026-10-24T20:00:00.000Z']).toBe(9); // Sat 22:00 CEST – Sun 06:00 CET
    expect(byStart['2026-10-25T21:00:00.000Z']).toBe(8);
  });

  it('starts a shift set inside the spring gap at the first instant after it', () => {
    const w = windowFrom('2026-03-28T00:00:00Z', 2);
    const r = compileRoster('Europe/Berlin', [shift('Sun', '02:30', '10:00', 1)], undefined, undefined, w);
    // 02:30 does not exist on 29 March: the shift starts at 03:00 CEST = 01:00 UTC.
    expect(shiftsUtc(r, w)).toEqual([
      { start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T08:00:00.000Z', hours: 7, agents: 1 },
    ]);
    // A shift wholly inside the gap has no time at all and is left out.
    const lost = compileRoster('Europe/Berlin', [shift('Sun', '02:00', '02:30', 1)], undefined, undefined, w);
    expect(lost.shiftStartSeconds).toHaveLength(0);
  });

  it('reads a time in the repeated autumn hour as its first occurrence', () => {
    const w = windowFrom('2026-10-24T00:00:00Z', 2);
    const r = compileRoster('Europe/Berlin', [shift('Sun', '02:30', '10:00', 1)], undefined, undefined, w);
    // 02:30 CEST = 00:30 UTC (the second 02:30, in CET, would be 01:30 UTC).
    expect(shiftsUtc(r, w)).toEqual([
      { start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T09:00:00.000Z', hours: 8.5, agents: 1 },
    ]);
  });

  it('keeps New York and Berlin 5 h apart only between the US and EU changes', () => {
    const w = windowFrom('2026-03-01T00:00:00Z', 36); // to 5 April
    const nine = [shift('daily', '09:00', '17:00', 1)];
    const ny = shiftsUtc(compileRoster('America/New_York', nine, undefined, undefined, w), w);
    const berlin = shiftsUtc(compileRoster('Europe/Berlin', nine, undefined, undefined, w), w);
    const gapByDay = new Map<string, number>();
    for (const b of berlin) {
      const n = ny.find((s) => s.start.slice(0, 10) === b.start.slice(0, 10));
      if (n) gapByDay.set(b.start.slice(0, 10), (Date.parse(n.start) - Date.parse(b.start)) / 3_600_000);
    }
    expect(gapByDay.size).toBe(36);
    for (const [day, gap] of gapByDay) {
      const betweenChanges = day >= '2026-03-08' && day < '2026-03-29';
      expect({ day, gap }).toEqual({ day, gap: betweenChanges ? 5 : 6 });
    }
  });
});

describe('paid hours and premiums', () => {
  it('counts paid agent-seconds per interval exactly: 3 agents 09:00–17:00, hourly intervals', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 1);
    const r = compileRoster('UTC', [shift('Mon-Fri', '09:00', '17:00', 3)], undefined, undefined, w);
    expect(Array.from(r.paidAgentSeconds)).toEqual([
      ...Array(9).fill(0),
      ...Array(8).fill(3 * HOUR), // 10800 in each covered hour
      ...Array(7).fill(0),
    ]);
    expect(Array.from(r.premiumWeightedAgentSeconds)).toEqual(Array.from(r.paidAgentSeconds));
  });

  it('splits a half-hour start across the interval and lines intervals up with the warm-up', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 1, 60, 24); // the Sunday before is warm-up
    const r = compileRoster('UTC', [shift('daily', '09:30', '11:00', 2)], undefined, undefined, w);
    expect(r.shiftStartSeconds).toHaveLength(3); // Sunday (warm-up), Monday, Tuesday (drain)
    expect(r.paidAgentSeconds[8]).toBe(0);
    expect(r.paidAgentSeconds[9]).toBe(2 * 1800);
    expect(r.paidAgentSeconds[10]).toBe(2 * HOUR);
    expect(r.paidAgentSeconds.reduce((a, b) => a + b, 0)).toBe(2 * 1.5 * HOUR); // Monday only
  });

  it('cuts the last interval at the end of the reported window', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 1, 60);
    const shortWindow = { ...w, reportEndSeconds: 10.5 * HOUR, intervalCount: 11 };
    const r = compileRoster('UTC', [shift('daily', '09:00', '17:00', 1)], undefined, undefined, shortWindow);
    expect(r.paidAgentSeconds[9]).toBe(HOUR);
    expect(r.paidAgentSeconds[10]).toBe(1800);
  });

  const premiums: CostPremiums = { nightShare: 0.25, nightFrom: '22:00', nightTo: '06:00', weekendShare: 0.5 };

  it('weights exactly the night hours and the weekend days', () => {
    const w = windowFrom('2026-01-09T00:00:00Z', 3); // Friday, Saturday, Sunday
    const r = compileRoster('UTC', undefined, 1, premiums, w);
    const weightOfHour = (i: number) => r.premiumWeightedAgentSeconds[i] / r.paidAgentSeconds[i];
    const day = (d: number) => Array.from({ length: 24 }, (_, h) => weightOfHour(d * 24 + h));
    const night = (h: number) => h < 6 || h >= 22;
    expect(day(0)).toEqual(Array.from({ length: 24 }, (_, h) => (night(h) ? 1.25 : 1)));
    expect(day(1)).toEqual(Array.from({ length: 24 }, (_, h) => (night(h) ? 1.75 : 1.5)));
    expect(day(2)).toEqual(Array.from({ length: 24 }, (_, h) => (night(h) ? 1.75 : 1.5)));
    expect(r.paidAgentSeconds.every((s) => s === HOUR)).toBe(true);
  });

  it('judges night and weekend by the site’s local time, not UTC', () => {
    const w = windowFrom('2026-01-09T00:00:00Z', 2);
    // Friday 20:00–02:00 in Berlin (winter, UTC+1) is 19:00–01:00 UTC.
    const r = compileRoster('Europe/Berlin', [shift('Fri', '20:00', '02:00', 2)], undefined, premiums, w);
    const paid = Array.from(r.paidAgentSeconds.subarray(19, 25));
    const weighted = Array.from(r.premiumWeightedAgentSeconds.subarray(19, 25));
    expect(paid).toEqual([7200, 7200, 7200, 7200, 7200, 7200]);
    expect(weighted).toEqual([
      7200, // Fri 20:00 local
      7200, // Fri 21:00
      7200 * 1.25, // Fri 22:00: night
      7200 * 1.25, // Fri 23:00
      7200 * 1.75, // Sat 00:00 local (Fri 23:00 UTC): night and weekend
      7200 * 1.75, // Sat 01:00
    ]);
  });

  it('gives no premium when no premiums are set', () => {
    const w = windowFrom('2026-01-10T00:00:00Z', 1); // a Saturday
    const r = compileRoster('UTC', undefined, 2, undefined, w);
    expect(Array.from(r.premiumWeightedAgentSeconds)).toEqual(Array.from(r.paidAgentSeconds));
  });
});

describe('around the clock', () => {
  it('gives agents: 5 in every interval, across a daylight-saving night too', () => {
    const w = windowFrom('2026-03-27T00:00:00Z', 4, 15); // through Berlin's 23-hour Sunday
    const r = compileRoster('Europe/Berlin', undefined, 5, undefined, w);
    expect(r.paidAgentSeconds.every((s) => s === 5 * 900)).toBe(true);
    expect(r.shiftStartSeconds.length).toBeGreaterThanOrEqual(5); // one instance per local day
    const a = drawAvailability(r, 0, 0, randomStream(1, 0, 'absence'), w);
    expect(Array.from(a.changeSeconds)).toEqual([0]);
    expect(Array.from(a.available)).toEqual([5]);
    expect(a.availableAgentSeconds.every((s) => s === 5 * 900)).toBe(true);
  });

  it('uses the shifts, not the around-the-clock count, when both are given', () => {
    const w = windowFrom('2026-01-05T00:00:00Z', 1);
    const r = compileRoster('UTC', [shift('daily', '09:00', '10:00', 1)], 5, undefined, w);
    expect(r.paidAgentSeconds.reduce((a, b) => a + b, 0)).toBe(HOUR);
  });
});

describe('agents on the phones', () => {
  const w = windowFrom('2026-01-05T00:00:00Z', 1);

  it('takes shrinkage 0.3 off 22 agents, leaving 15.4: 15 all along and a 16th for the first 6 minutes of every quarter hour', () => {
    const r = compileRoster('UTC', undefined, 22, undefined, w);
    const a = drawAvailability(r, 0.3, 0, randomStream(1, 0, 'absence'), w);
    expect(a.maxAvailable).toBe(16);
    expect(Array.from(a.changeSeconds.slice(0, 5))).toEqual([0, 360, 900, 1260, 1800]);
    expect(Array.from(a.available.slice(0, 5))).toEqual([16, 15, 16, 15, 16]);
    for (const s of a.availableAgentSeconds) expect(s).toBeCloseTo(15.4 * HOUR, 6);
  });

  it('adds up overlapping shifts', () => {
    const r = compileRoster(
      'UTC',
      [shift('Mon', '06:00', '14:00', 4), shift('Mon', '12:00', '20:00', 3)],
      undefined,
      undefined,
      w,
    );
    const a = drawAvailability(r, 0, 0, randomStream(1, 0, 'absence'), w);
    expect(Array.from(a.changeSeconds)).toEqual([0, seconds(6), seconds(12), seconds(14), seconds(20)]);
    expect(Array.from(a.available)).toEqual([0, 4, 7, 3, 0]);
    expect(a.maxAvailable).toBe(7);
    expect(a.availableAgentSeconds[12]).toBe(7 * HOUR);
    expect(a.availableAgentSeconds[13]).toBe(7 * HOUR);
    expect(a.availableAgentSeconds[14]).toBe(3 * HOUR);
    expect(r.paidAgentSeconds[13]).toBe(7 * HOUR);
  });

  it('merges back-to-back shifts of the same size into one step', () => {
    const r = compileRoster('UTC', [shift('Mon', '06:00', '14:00', 4), shift('Mon', '14:00', '22:00', 4)], undefined, undefined, w);
    const a = drawAvailability(r, 0, 0, randomStream(1, 0, 'absence'), w);
    expect(Array.from(a.changeSeconds)).toEqual([0, seconds(6), seconds(22)]);
    expect(Array.from(a.available)).toEqual([0, 4, 0]);
  });

  describe('unplanned absence, drawn per agent per shift', () => {
    const year = windowFrom('2026-01-01T00:00:00Z', 365);
    const agents = 20;
    const roster = compileRoster('UTC', [shift('daily', '09:00', '17:00', agents)], undefined, undefined, year);
    const reportedDays = Array.from({ length: 365 }, (_, d) => d * DAY + seconds(12)); // noon each day

    it('averages the absence rate within a binomial standard-error bound', () => {
      const rate = 0.1;
      const a = drawAvailability(roster, 0, rate, randomStream(42, 0, 'absence', 'team'), year);
      const absentShare = reportedDays.map((t) => 1 - availableAt(a, t) / agents);
      const mean = absentShare.reduce((x, y) => x + y, 0) / absentShare.length;
      const standardError = Math.sqrt((rate * (1 - rate)) / (agents * absentShare.length)); // ≈ 0.0035
      expect(Math.abs(mean - rate)).toBeLessThan(4 * standardError);
      expect(new Set(absentShare).size).toBeGreaterThan(3); // it does vary from day to day
    });

    it('has no absence at rate 0', () => {
      const a = drawAvailability(roster, 0, 0, randomStream(42, 0, 'absence', 'team'), year);
      expect(reportedDays.every((t) => availableAt(a, t) === agents)).toBe(true);
      expect(a.maxAvailable).toBe(agents);
    });

    it('draws the same availability from the same seed, another from another replication', () => {
      const draw = (replication: number) =>
        drawAvailability(roster, 0.2, 0.1, randomStream(42, replication, 'absence', 'team'), year);
      const first = draw(0);
      const again = draw(0);
      expect(Array.from(again.changeSeconds)).toEqual(Array.from(first.changeSeconds));
      expect(Array.from(again.available)).toEqual(Array.from(first.available));
      expect(Array.from(again.availableAgentSeconds)).toEqual(Array.from(first.availableAgentSeconds));
      expect(Array.from(draw(1).available)).not.toEqual(Array.from(first.available));
    });
  });
});

describe('shift fields in the scenario file', () => {
  const valid = { days: 'Mon-Fri', start: '08:00', end: '16:30', agents: 12 };
  const messages = (input: unknown) => {
    const r = shiftSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts the forms an analyst writes', () => {
    for (const days of ['Mon-Fri', 'sat', 'Mon,Wed,Fri', 'Fri-Mon', 'daily', 'DAILY', ['Mon', 'Wed']]) {
      expect(messages({ ...valid, days })).toEqual([]);
    }
    expect(messages({ ...valid, start: '22:00', end: '06:00' })).toEqual([]);
    expect(messages({ ...valid, start: '00:00', end: '24:00' })).toEqual([]);
    expect(messages({ ...valid, agents: 0 })).toEqual([]);
  });

  it('says what days it expected', () => {
    const expected = ['days: expected days such as Mon-Fri, Sat or Mon,Wed,Fri'];
    for (const days of ['weekdays', 'Mon-Fry', 'Monday', 'Mon-Wed-Fri', 'Mon,,Fri', '', [], ['Mon', 3], 5]) {
      expect(messages({ ...valid, days })).toEqual(expected);
    }
  });

  it('says what time it expected', () => {
    const expected = (field: string) => [`${field}: expected a time HH:MM such as 08:30`];
    expect(messages({ ...valid, start: '8.30' })).toEqual(expected('start'));
    expect(messages({ ...valid, start: '24:00' })).toEqual(expected('start'));
    expect(messages({ ...valid, start: 830 })).toEqual(expected('start'));
    expect(messages({ ...valid, end: '16:60' })).toEqual(expected('end'));
    expect(messages({ ...valid, end: '25:00' })).toEqual(expected('end'));
  });

  it('wants a whole number of agents (or a decision for the planner) and no unknown fields', () => {
    const headCount = ['agents: expected a whole number ≥ 0, auto (the planner decides), or { min, max }'];
    expect(messages({ ...valid, agents: 2.5 })).toEqual(headCount);
    expect(messages({ ...valid, agents: -1 })).toEqual(['agents: expected a whole number ≥ 0']);
    expect(messages({ ...valid, agents: 'some' })).toEqual(headCount);
    expect(messages({ ...valid, agents: { min: 5, max: 2 } })).toEqual(['agents: expected max ≥ min']);
    expect(messages({ ...valid, people: 3 })).toHaveLength(1);
  });

  it('takes head counts for the planner to decide, and candidate shifts by start-time range', () => {
    expect(messages({ ...valid, agents: 'auto' })).toEqual([]);
    expect(messages({ ...valid, agents: { min: 0, max: 40 } })).toEqual([]);
    const candidates = { days: 'Mon-Fri', startBetween: ['06:00', '14:00'], every: 60, hours: 8.5, agents: 'auto' };
    expect(messages(candidates)).toEqual([]);
    expect(messages({ ...candidates, agents: 3 })).toEqual(['agents: expected auto or { min, max }: candidate shifts are for the planner to fill']);
    expect(messages({ ...candidates, hours: undefined })).toEqual(['hours: expected the length of the candidate shifts in hours (with startBetween)']);
    expect(messages({ ...candidates, start: '08:00' })).toEqual(['startBetween: expected either start and end, or startBetween and hours, not both']);
    expect(messages({ ...candidates, startBetween: ['14:00', '06:00'] })).toEqual(['startBetween: expected the earlier start time first']);
  });

  it('expands a start-time range into one candidate per step, ending `hours` later in local time', () => {
    const spec = shiftSchema.parse({ days: 'Mon-Fri', startBetween: ['20:00', '22:00'], every: 60, hours: 8.5, agents: 'auto' });
    expect(expandShift(spec)).toEqual([
      { days: 'Mon-Fri', start: '20:00', end: '04:30', agents: 'auto' },
      { days: 'Mon-Fri', start: '21:00', end: '05:30', agents: 'auto' },
      { days: 'Mon-Fri', start: '22:00', end: '06:30', agents: 'auto' },
    ]);
  });
});
