// A generic records file or interval table whose times are local clock times (no UTC offset) is
// read in --timezone, else in a zone nobody gave: UTC for import, the scenario's for backtest. A
// WFM analyst whose export is on Berlin's clock then has every hour shifted, and nothing said so.
// Now the import and the back-test say it once, naming the zone and --timezone; nothing is said
// when --timezone is given, when every time carries its offset, or for the bank (Israel's clock).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';

const dir = mkdtempSync(join(tmpdir(), 'followsun-zone-note-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two days of a call every 10 minutes from 08:00 to 18:00 (60 a day, 120 rows), local or instants. */
function records(instants: boolean): string {
  const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
  for (const day of ['2026-03-02', '2026-03-03']) {
    for (let m = 8 * 60; m < 18 * 60; m += 10) {
      const hh = String(Math.floor(m / 60)).padStart(2, '0');
      const mm = String(m % 60).padStart(2, '0');
      lines.push(`${day}${instants ? 'T' : ' '}${hh}:${mm}:00${instants ? 'Z' : ''},en,answered,10,120,anna`);
    }
  }
  return `${lines.join('\n')}\n`;
}
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const LOCAL = write('local.csv', records(false));
const INSTANTS = write('instants.csv', records(true));
const notes = (text: string) => text.split('\n').filter((l) => l.startsWith('Note: '));

describe('local clock times read in a zone nobody gave', () => {
  it('import says so once, naming the zone, the rows and --timezone', async () => {
    const o = await followsun('import', LOCAL, '--out', join(dir, 'local.yaml'));
    expect(o.status).toBe(0);
    // 2 days × 60 calls, the first on line 2 (after the header).
    expect(notes(o.stdout)).toEqual([
      "Note: 120 rows give a local clock time without a UTC offset (first on line 2), read as UTC time, the default, as no --timezone was given. If the export's clock is another zone's, give --timezone ZONE (an IANA name such as Europe/Berlin); a time written with its offset (2026-03-02T08:15:00Z) is placed by it.",
    ]);
    // And the accounting counts the rows it concerns.
    expect(o.stdout).toMatch(/^ +120 {2}clock time without a UTC offset, read as UTC local time \(first on line 2\)$/m);
  });

  it('says nothing when --timezone is given, or when every time is an instant', async () => {
    const given = await followsun('import', LOCAL, '--timezone', 'Europe/Berlin', '--out', join(dir, 'berlin.yaml'));
    expect(given.status).toBe(0);
    expect(given.stdout).not.toContain('UTC offset');
    const instants = await followsun('import', INSTANTS, '--out', join(dir, 'instants.yaml'));
    expect(instants.status).toBe(0);
    expect(instants.stdout).not.toContain('UTC offset');
  });

  it('an interval table of local times gets the note too', async () => {
    const rows = ['interval_start,queue,offered,answered,aht_seconds,asa_seconds,agents'];
    for (let h = 8; h < 18; h++) rows.push(`2026-03-02 ${String(h).padStart(2, '0')}:00,en,6,6,120,10,1`);
    const table = write('table.csv', `${rows.join('\n')}\n`);
    const o = await followsun('import', table, '--out', join(dir, 'table.yaml'));
    expect(o.status).toBe(0);
    expect(notes(o.stdout)).toHaveLength(1);
    expect(notes(o.stdout)[0]).toMatch(/^Note: 10 rows give a local clock time without a UTC offset \(first on line 2\), read as UTC time, the default/);
  });

  it("backtest says so once too: the scenario's zone, in the text and in --json", async () => {
    const scenario = join(dir, 'for-backtest.yaml');
    expect((await followsun('import', LOCAL, '--out', scenario)).status).toBe(0);
    const text = await followsun('backtest', scenario, LOCAL, '--replications', '2');
    expect(text.status).toBe(0);
    expect(notes(text.stdout)).toHaveLength(1);
    expect(notes(text.stdout)[0]).toContain("read as UTC time, the scenario's zone, as no --timezone was given");
    // Anna answered every call: one agent, in the singular.
    expect(text.stdout).toContain('120 contacts, 1 agent seen,');
    const json = await followsun('backtest', scenario, LOCAL, '--replications', '2', '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).notes).toEqual([notes(text.stdout)[0].slice('Note: '.length)]);
    const outOfSample = await followsun('backtest', LOCAL, '--train-until', '2026-03-03', '--replications', '2');
    expect(notes(outOfSample.stdout)[0]).toContain('read as UTC time, the default, as no --timezone was given');
    const given = await followsun('backtest', scenario, LOCAL, '--timezone', 'UTC', '--replications', '2', '--json');
    expect(JSON.parse(given.stdout).notes).toBeUndefined();
  });
});
