// Files that are not UTF-8 (saved as Latin-1 or Windows-1252, as spreadsheets on Windows do): their
// bytes were replaced by �, so a scenario's name changed without a word and the agents Zoë and
// Zoé of a records file became one. They are refused, naming the file and line; binary files are
// still "not a text file", and UTF-16 with its byte-order mark is still read.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';
import { oneQueue, problemLines, tempDir } from '../hostile-support';

const dir = tempDir('encoding');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

describe('text that is not UTF-8', () => {
  it('a Latin-1 scenario is refused at the line of its first such byte', async () => {
    const text = JSON.stringify({ ...oneQueue(), name: 'Café' }, null, 2);
    writeFileSync(at('latin1.json'), Buffer.from(text, 'latin1'));
    const r = await followsun('run', at('latin1.json'), '--json');
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/latin1\.json:2: not UTF-8 text \(a byte 0xE9 that UTF-8 does not allow there: saved as Latin-1 or Windows-1252\?\); save the scenario as UTF-8 text$/)]);
    expect(JSON.parse(r.stdout).scenarios).toEqual([]);
  });

  it('Latin-1 records are refused at their line, and nothing is written', async () => {
    const records = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent', '2026-03-02 09:00:00,en,answered,12,300,Zoë', '2026-03-02 09:01:00,en,answered,12,300,Zoé'].join('\n');
    writeFileSync(at('latin1.csv'), Buffer.from(`${records}\n`, 'latin1'));
    const r = await followsun('import', at('latin1.csv'), '--out', at('latin1.yaml'));
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/latin1\.csv:2: not UTF-8 text \(a byte 0xEB .*\); export the records as UTF-8/)]);
    expect(existsSync(at('latin1.yaml'))).toBe(false);
  });

  it('binary files are still not text, and UTF-8 with a byte-order mark and UTF-16 are read', async () => {
    writeFileSync(at('binary.yaml'), Buffer.from([0x6e, 0x61, 0x00, 0xff, 0xfe, 0x00, 0x80]));
    const binary = await followsun('run', at('binary.yaml'));
    expect(binary.status).toBe(2);
    expect(problemLines(binary.stderr)).toEqual([expect.stringMatching(/binary\.yaml: not a text file \(it holds NUL bytes\)/)]);
    const text = JSON.stringify({ ...oneQueue(), name: 'Zoë’s queue' }, null, 2);
    writeFileSync(at('bom.json'), `\ufeff${text}`);
    writeFileSync(at('utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await followsun('run', at('bom.json'), at('utf16.json'), '--replications', '1', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenarios.map((s: { name: string }) => s.name)).toEqual(['Zoë’s queue', 'Zoë’s queue']);
  });
});
