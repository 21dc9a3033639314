// Answered calls that name no agent (the bank's NO_SERVER on an AGENT row: 490 in January 1999,
// 143 in its first week) were handled all the same: their handle time is busy time in the
// back-test's actual occupancy. They add no agent to the observed staffing (whose call it was
// is unknown). Data: the Technion SEE Center's "Anonymous Bank" call log, January 1999 (Avi
// Mandelbaum; Guedj and Mandelbaum, 2000), first week, in test/fixtures (see its README).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { observeRecords, SUMS } from '../../sim/history/backtest';
import { bankLayout, BANK_TIMEZONE } from '../../sim/history/layouts';
import { inferStaffing } from '../../sim/history/observed-staffing';
import { readRecords } from '../../sim/history/records';

const WEEK = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-week1.tsv', import.meta.url));
const read = readRecords(readFileSync(WEEK, 'utf8'), 'week1.tsv', bankLayout);
const HOUR = 3_600_000;
// 1999-01-01 00:00 in Israel (UTC+2 in January).
const FROM = Date.parse('1998-12-31T22:00:00Z');

describe('answered calls with no agent named', () => {
  it('are counted as busy time, hour by hour, as an independent computation has it', () => {
    const sums = observeRecords(read.records).sums({ zone: BANK_TIMEZONE, startMs: FROM, intervalMs: HOUR, count: 7 * 24, thresholdSeconds: 20 });
    const busy = (h: number) => sums[h * SUMS.length + SUMS.indexOf('busySeconds')];
    // Computed with a short Python script (/tmp/fs4/busy.py) straight from the fixture's columns:
    // every AGENT row of a known type, not a repeat, busy from vru_exit (the next day when the IVR
    // ran past midnight) + q_time for ser_time seconds, summed per local hour. With the unnamed
    // calls: 18,978 s on 1 January 11:00, 19,082 s on 4 January 08:00, 9,781 s on 5 January 20:00
    // and 1,489,621 s over the week; without them (as before) 18,960, 19,066, 9,528 and 1,485,965.
    expect(busy(11)).toBe(18_978);
    expect(busy(3 * 24 + 8)).toBe(19_082);
    expect(busy(4 * 24 + 20)).toBe(9_781);
    let total = 0;
    for (let h = 0; h < 7 * 24; h++) total += busy(h);
    expect(total).toBe(1_489_621);
  });

  it('add no agent: the sessions are the named agents\' alone, and the caveat says what is done', () => {
    const unnamed = read.records.filter((r) => r.answered && r.agent === undefined);
    // Counted independently (the same script): 143 AGENT rows with server NO_SERVER.
    expect(unnamed.length).toBe(143);
    const all = inferStaffing(read.records);
    const named = inferStaffing(read.records.filter((r) => !(r.answered && r.agent === undefined)));
    expect(all.sessions).toEqual(named.sessions);
    expect(all.agents).toBe(named.agents);
    expect(all.busy.length).toBe(named.busy.length + 143);
    expect(read.notes['answered with no agent named (its handle time counted as busy time; no agent added to the staffing)'].count).toBe(143);
  });
});
