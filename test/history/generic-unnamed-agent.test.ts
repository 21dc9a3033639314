// An export in the generic layout with an agent column, blank on some answered contacts: they are
// handled all the same (busy time) and add no agent to the observed staffing, and the import now
// says so, as it does for the bank's NO_SERVER (490 calls in its January: the same month written
// in the generic layout listed no caveat at all). A file without the column has no staffing, which
// the import says once, not on every row.
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../sim/history/records';
import { genericLayout, NO_AGENT_NAMED } from '../../sim/history/layouts';

const export_ = [
  'arrival,queue,outcome,wait_seconds,handle_seconds,agent',
  '2026-03-02 09:00:00,en,answered,12,180,Ana',
  '2026-03-02 09:01:00,en,answered,15,240,',
  '2026-03-02 09:02:00,en,abandoned,40,0,',
  '2026-03-02 09:03:00,en,answered,3,200,',
].join('\n');

describe('answered contacts with a blank agent, in an export that names agents', () => {
  const read = readRecords(export_, 'calls.csv', genericLayout('Europe/Berlin'));

  it('are kept with the caveat, counted from the first line it is on (not the abandoned one: nobody answered it)', () => {
    expect(read.records.length).toBe(4);
    expect(read.notes[NO_AGENT_NAMED]).toEqual({ count: 2, firstLine: 3 });
  });
});

describe('an export without an agent column', () => {
  it('has no such caveat on its rows', () => {
    const withoutAgents = export_.split('\n').map((line) => line.split(',').slice(0, 5).join(',')).join('\n');
    const read = readRecords(withoutAgents, 'calls.csv', genericLayout('Europe/Berlin'));
    expect(read.records.length).toBe(4);
    expect(read.notes[NO_AGENT_NAMED]).toBeUndefined();
  });
});
