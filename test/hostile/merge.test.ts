// `followsun merge` fed shards that do not belong together, edited, duplicated, missing, foreign
// or absurd (issue 12): each refused with one line and exit code 2, nothing written; the shards
// of one run merge into exactly the file a single run writes.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvWithChecksum, jsonWithChecksum } from '../../cli/shards';
import { expectHandled, followsunMany, oneQueue, problemLines, tempDir, type Outcome } from '../hostile-support';

const dir = tempDir('merge');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** A JSON shard edited and given a fresh checksum (so that the deeper checks are reached). */
function resigned(from: string, to: string, edit: (d: Record<string, any>) => void): void {
  const { checksum: _, ...d } = JSON.parse(readFileSync(at(from), 'utf8'));
  edit(d);
  writeFileSync(at(to), jsonWithChecksum(d));
}

/** A JSON shard edited, its checksum left as it was. */
function edited(from: string, to: string, edit: (d: Record<string, any>) => void): void {
  const d = JSON.parse(readFileSync(at(from), 'utf8'));
  edit(d);
  writeFileSync(at(to), `${JSON.stringify(d, null, 2)}\n`);
}

/** A CSV shard's lines edited; `resign` gives it a fresh checksum. */
function csvEdited(from: string, to: string, edit: (rows: string[]) => string[], resign = false): void {
  const lines = readFileSync(at(from), 'utf8').split('\n');
  const comments = lines.filter((l) => l.startsWith('#'));
  const table = edit(lines.filter((l) => l && !l.startsWith('#')));
  const text = `${table.join('\n')}\n`;
  writeFileSync(
    at(to),
    resign ? csvWithChecksum(comments.filter((l) => !l.startsWith('# checksum: ')), text) : `${comments.join('\n')}\n${text}`,
  );
}

/** [what, shard files, words of its one problem line]. */
const REFUSED: [string, string[], string][] = [
  ['a shard from another seed', ['r1.json', 'r2-seed.json'], 'another seed'],
  ['a shard with another replication count', ['r1.json', 'r2-reps.json'], 'other replications'],
  ['a shard of another set of scenarios', ['r1.json', 'r2-other.json'], 'another batch of scenarios'],
  ['a shard of another split', ['t1.json', 'r2.json'], 'another split'],
  ['the same shard twice', ['r1.json', 'r1.json'], 'given twice'],
  ['a missing shard', ['r1.json'], 'missing shard 2/2'],
  ['edited figures', ['r1-edited.json', 'r2.json'], 'checksum does not match'],
  ['no checksum', ['r1-no-checksum.json', 'r2.json'], 'has no checksum'],
  ['an item duplicated (checksum redone)', ['r1-dup.json', 'r2.json'], 'appears twice'],
  ['an item in the wrong shard (checksum redone)', ['r1-moved.json', 'r2.json'], 'belongs to shard'],
  ['a partial shard (checksum redone)', ['r1-partial.json', 'r2.json'], 'interrupted shard'],
  ['items: 1e9', ['r1-items.json', 'r2.json'], '1,000,000,000 items'],
  ['a shard count of 10^23', ['r1-count.json', 'r2.json'], 'shards'],
  ['shard 5 of 2', ['r1-index.json', 'r2.json'], 'shard 5 of 2'],
  ['a shard without provenance (an older followsun)', ['r1-old.json', 'r2.json'], 'followsun version'],
  ['a sweep shard with a run shard', ['s1.json', 'r2.json'], 'a run shard, not a sweep shard'],
  ['a CSV sweep shard with a JSON run shard', ['s1.csv', 'r2.json'], 'is CSV'],
  ['a sweep shard of another grid', ['s1.csv', 's2-grid.csv'], 'another grid'],
  ['a duplicated CSV row', ['s1-dup-row.csv', 's2.csv'], 'checksum does not match'],
  ['an appended CSV row', ['s1-appended.csv', 's2.csv'], 'checksum does not match'],
  ['an edited CSV figure', ['s1-edited.csv', 's2.csv'], 'checksum does not match'],
  ['a duplicated CSV row (checksum redone)', ['s1-dup-resigned.csv', 's2.csv'], 'appears twice'],
  ['a CSV without its provenance', ['s1-bare.csv', 's2.csv'], 'not a followsun sweep shard'],
  ['a single run, not a shard', ['single.json'], 'not a shard output'],
  ['a foreign JSON document', ['foreign.json', 'r1.json'], 'not a followsun run or sweep output'],
  ['a JSON list', ['list.json'], 'not a followsun run or sweep output'],
  ['random bytes', ['random.bin'], 'not a followsun shard output'],
  ['an empty file', ['empty.json'], 'not a followsun shard output'],
  ['a missing file', ['nowhere.json'], 'cannot read it'],
  ['a folder', ['a-folder'], 'is a folder'],
];

describe('merge', () => {
  let made: Outcome[];
  let refused: Outcome[];
  let merged: Outcome[];

  beforeAll(() => {
    const scenario = (agents: number) => ({ ...oneQueue(), name: `${agents} agents`, staffing: [{ ...oneQueue().staffing[0], agents }] });
    writeFileSync(at('a.json'), JSON.stringify(scenario(6)));
    writeFileSync(at('b.json'), JSON.stringify(scenario(7)));
    writeFileSync(at('c.json'), JSON.stringify(scenario(8)));
    writeFileSync(at('c2.json'), JSON.stringify(scenario(9)));
    const batch = ['a.json', 'b.json', 'c.json'];
    const vary = ['--vary', 'staffing.team.agents=4..6:1'];
    made = followsunMany(
      [
        ['run', ...batch, '--out', 'single.json'],
        ['run', ...batch, '--shard', '1/2', '--out', 'r1.json'],
        ['run', ...batch, '--shard', '2/2', '--out', 'r2.json'],
        ['run', ...batch, '--shard', '2/2', '--seed', '9', '--out', 'r2-seed.json'],
        ['run', ...batch, '--shard', '2/2', '--replications', '3', '--out', 'r2-reps.json'],
        ['run', 'a.json', 'b.json', 'c2.json', '--shard', '2/2', '--out', 'r2-other.json'],
        ['run', ...batch, '--shard', '1/3', '--out', 't1.json'],
        ['sweep', 'a.json', ...vary, '--out', 's.csv'],
        ['sweep', 'a.json', ...vary, '--shard', '1/2', '--out', 's1.csv'],
        ['sweep', 'a.json', ...vary, '--shard', '2/2', '--out', 's2.csv'],
        ['sweep', 'a.json', '--vary', 'staffing.team.agents=4..7:1', '--shard', '2/2', '--out', 's2-grid.csv'],
        ['sweep', 'a.json', ...vary, '--out', 's.json'],
        ['sweep', 'a.json', ...vary, '--shard', '1/2', '--out', 's1.json'],
        ['sweep', 'a.json', ...vary, '--shard', '2/2', '--out', 's2.json'],
      ].map((args) => ({ args, cwd: dir })),
    );

    edited('r1.json', 'r1-edited.json', (d) => (d.scenarios[0].summary.costTotal.mean *= 0.5));
    edited('r1.json', 'r1-no-checksum.json', (d) => delete d.checksum);
    edited('r1.json', 'r1-items.json', (d) => (d.shard.items = 1e9));
    edited('r1.json', 'r1-count.json', (d) => (d.shard.count = 1e23));
    edited('r1.json', 'r1-index.json', (d) => (d.shard.index = 5));
    resigned('r1.json', 'r1-dup.json', (d) => d.scenarios.push(d.scenarios[0]));
    resigned('r1.json', 'r1-moved.json', (d) => (d.scenarios[1].index = 1));
    resigned('r1.json', 'r1-partial.json', (d) => (d.partial = { reason: 'interrupted', missing: [{ index: 2, file: 'c.json' }] }));
    resigned('r1.json', 'r1-old.json', (d) => (d.shard = { index: d.shard.index, count: d.shard.count, items: d.shard.items }));
    csvEdited('s1.csv', 's1-dup-row.csv', (rows) => [...rows, rows[1]]);
    csvEdited('s1.csv', 's1-appended.csv', (rows) => [...rows, rows[1].replace(/^0,/, '1,')]);
    csvEdited('s1.csv', 's1-edited.csv', (rows) => [rows[0], rows[1].replace(/,[\d.]+$/, ',0.5'), ...rows.slice(2)]);
    csvEdited('s1.csv', 's1-dup-resigned.csv', (rows) => [...rows, rows[1]], true);
    writeFileSync(at('s1-bare.csv'), readFileSync(at('s1.csv'), 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('\n'));
    writeFileSync(at('foreign.json'), '{ "hello": "world" }\n');
    writeFileSync(at('list.json'), '[1, 2, 3]\n');
    writeFileSync(at('random.bin'), Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(at('empty.json'), '');
    mkdirSync(at('a-folder'));

    refused = followsunMany(REFUSED.map(([, files], i) => ({ args: ['merge', ...files, '--out', `refused-${i}.json`], cwd: dir })));
    merged = followsunMany(
      [
        ['merge', 'r2.json', 'r1.json', '--out', 'merged.json'],
        ['merge', 's2.csv', 's1.csv', '--out', 'merged.csv'],
        ['merge', 's1.json', 's2.json', '--out', 'merged-sweep.json'],
        ['merge', 'r1.json', 'r2.json', '--out', 'a-folder'],
      ].map((args) => ({ args, cwd: dir })),
    );
  });

  it('gets its shards from run and sweep', () => {
    for (const o of made) expectHandled(o, 0);
  });

  it.each(REFUSED.map((r, i) => [r[0], i] as const))('refuses %s with one line', (_, i) => {
    const o = refused[i];
    expectHandled(o, 2);
    const lines = problemLines(o.stderr);
    expect(lines, o.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^followsun merge: /);
    expect(lines[0]).toContain(REFUSED[i][2]);
    expect(existsSync(at(`refused-${i}.json`))).toBe(false);
  });

  it('writes exactly the file a single run writes, for run, CSV sweep and JSON sweep shards', () => {
    for (const o of merged.slice(0, 3)) expectHandled(o, 0);
    expect(readFileSync(at('merged.json'), 'utf8')).toBe(readFileSync(at('single.json'), 'utf8'));
    expect(readFileSync(at('merged.csv'), 'utf8')).toBe(readFileSync(at('s.csv'), 'utf8'));
    expect(readFileSync(at('merged-sweep.json'), 'utf8')).toBe(readFileSync(at('s.json'), 'utf8'));
  });

  it('refuses an --out that is a folder before merging', () => {
    expectHandled(merged[3], 2);
    expect(problemLines(merged[3].stderr)).toEqual([expect.stringContaining('--out a-folder: is a folder')]);
  });
});
