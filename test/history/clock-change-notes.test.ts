// A local clock time of the night the clocks change names no one instant: in the hour they skip
// there is no such time (a clock not put forward, an export in standard time all year), in the
// hour they repeat it happened twice and the export does not say which. Such rows were placed
// without a word; they are now kept with a caveat saying how they were read — which depends on
// the zone (east of Greenwich an hour later and the later of the two, west of it an hour earlier
// and the earlier). An arrival written as an instant is never ambiguous. The bank rows are the
// Technion SEE Center's "Anonymous Bank" layout (January 1999 data, Avi Mandelbaum; see
// test/fixtures/README.md), with a call of our own on the night Israel's clocks went forward.
import { describe, expect, it } from 'vitest';
import { clockChangeNote, loadRecordsText } from '../../sim/history/load';

const HEADER = 'arrival,queue,outcome,wait_seconds,handle_seconds,agent';
const call = (arrival: string) => `${arrival},de,answered,5,100,Ana`;
const notesOf = (rows: string[], timezone: string) => loadRecordsText([HEADER, ...rows].join('\n') + '\n', 'calls.csv', { timezone }).outcome.notes;

describe('a Berlin export with calls on the nights the clocks change (2026)', () => {
  const notes = notesOf([call('2026-03-28 10:00:00'), call('2026-03-29 02:30:00'), call('2026-03-29 02:45:00'), call('2026-10-25 02:30:00'), call('2026-10-25 10:00:00')], 'Europe/Berlin');

  it('says which rows name a time that never was, and how they were read', () => {
    expect(notes[clockChangeNote(true, 'as an hour later')]).toEqual({ count: 2, firstLine: 3 });
  });

  it('says which rows name a time that happened twice, and which was taken', () => {
    expect(notes[clockChangeNote(false, 'as the later')]).toEqual({ count: 1, firstLine: 5 });
    expect(Object.keys(notes)).toHaveLength(2);
  });
});

describe('a New York export with calls on the nights the clocks change (2026)', () => {
  it('reads a skipped time an hour earlier and a repeated one as the earlier, and says so', () => {
    const notes = notesOf([call('2026-03-08 02:30:00'), call('2026-11-01 01:30:00'), call('2026-11-01 09:00:00')], 'America/New_York');
    expect(notes[clockChangeNote(true, 'as an hour earlier')]).toEqual({ count: 1, firstLine: 2 });
    expect(notes[clockChangeNote(false, 'as the earlier')]).toEqual({ count: 1, firstLine: 3 });
  });
});

describe('arrivals written as instants on those nights', () => {
  it('carry no such caveat: an instant names one time', () => {
    const notes = notesOf([call('2026-10-25T00:30:00Z'), call('2026-10-25T01:30:00Z')], 'Europe/Berlin');
    expect(Object.keys(notes)).toEqual([]);
  });
});

describe("a bank log with a call at 02:30 on 2 April 1999, when Israel's clocks went from 02:00 to 03:00", () => {
  it('counts it with the caveat', () => {
    const bank = [
      'type\tdate\tvru_entry\tvru_exit\tq_start\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver',
      'PS\t990401\t10:00:00\t10:00:05\t10:00:05\t10\tAGENT\t10:00:15\t10:02:15\t120\tMICHAL',
      'PS\t990402\t2:29:55\t2:30:00\t2:30:00\t10\tAGENT\t2:30:10\t2:32:10\t120\tMICHAL',
    ].join('\n');
    const loaded = loadRecordsText(`${bank}\n`, 'bank.tsv');
    expect(loaded.outcome.notes[clockChangeNote(true, 'as an hour later')]).toEqual({ count: 1, firstLine: 3 });
  });
});
