// The roster editor's and the field editor's way of writing a scenario file (src/lib/yaml-splice.ts),
// checked in Node on every shipped scenario: each kind of edit gives exactly the data the yaml
// Document API gives, rewrites only the lines of what changed (comments and layout elsewhere kept
// byte for byte), and an edit undone gives the original text back.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/scenario/scenario';
import { addPool, addShift, moveShift, removePool, removeShift, rosterPools, setPoolList, setShift } from '../../src/lib/roster-edit';
import { createDoc } from '../../src/lib/scenario-doc';
import { editYaml } from '../../src/lib/yaml-splice';
import { ROOT } from './browser';

const FILES = ['scenarios', join('scenarios', 'open')].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') })),
);

/** The data the Document API gives for the same change (the truth the splice must match). */
function expected(text: string, change: (d: Document) => void): unknown {
  const d = parseDocument(text);
  change(d);
  return d.toJS();
}

/** Lines of `after` not in `before`, and the other way round. */
function diff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  return {
    added: [...cb].flatMap(([l, n]) => Array(Math.max(0, n - (ca.get(l) ?? 0))).fill(l)),
    removed: [...ca].flatMap(([l, n]) => Array(Math.max(0, n - (cb.get(l) ?? 0))).fill(l)),
  };
}

describe('scenario files edited in place', () => {
  it('has shipped scenarios to edit', () => expect(FILES.length).toBeGreaterThan(4));

  for (const { name, text } of FILES) {
    it(`${name}: every roster edit rewrites only its own lines and gives the Document API's data`, () => {
      expect(editYaml(text, () => undefined)).toBe(text);
      const doc = createDoc(text, 'x.yaml', 'file');
      const pools = rosterPools(doc);
      expect(pools.length).toBeGreaterThan(0);
      const pool = pools[0];
      const fixed = pool.shifts.find((s) => s.from !== null);
      // lines: at most [added, removed] lines.
      const edits: { what: string; change: (d: Document) => void; lines: [number, number] }[] = [
        ...(pool.shifts.length ? [{ what: 'a head count', change: setShift(pool.index, 0, { agents: 7 }), lines: [1, 1] as [number, number] }] : []),
        { what: 'a new shift', change: addShift(pool), lines: pool.shifts.length ? [1, 0] : [3, 1] },
        { what: 'a new pool', change: addPool(pools.map((p) => p.id), ['en']), lines: [7, 0] },
        { what: 'the last pool removed', change: removePool(pools[pools.length - 1].index), lines: [0, 99] },
        { what: 'languages', change: setPoolList(pool, 'skills', [...pool.skills, 'it']), lines: [1, 1] },
        { what: 'channels', change: setPoolList(pool, 'channels', ['voice']), lines: [1, pool.channels ? 1 : 0] },
        { what: 'secondary languages', change: setPoolList(pool, 'secondary', pool.secondary.length ? [] : ['nl']), lines: [pool.secondary.length ? 0 : 1, pool.secondary.length ? 1 : 0] },
      ];
      if (pool.shifts.length > 1) edits.push({ what: 'a shift removed', change: removeShift(pool.index, 0), lines: [0, 1] });
      if (fixed) edits.push({ what: 'a shift moved', change: moveShift(pool.index, fixed, 60, 'move')!, lines: [1, 1] });
      for (const e of edits) {
        const out = editYaml(text, e.change);
        expect(parseDocument(out).toJS(), e.what).toEqual(expected(text, e.change));
        const { added, removed } = diff(text, out);
        // Only the edited lines changed (a removed pool takes its own lines, however many).
        expect(added.length, `${e.what}: ${added.join(' | ')}`).toBeLessThanOrEqual(e.lines[0]);
        if (e.lines[1] < 99) expect(removed.length, `${e.what}: ${removed.join(' | ')}`).toBeLessThanOrEqual(e.lines[1]);
        // Every comment line of the file is still there, unless its pool went.
        if (e.what !== 'the last pool removed') for (const c of text.split('\n').filter((l) => /^\s*#/.test(l))) expect(out).toContain(c);
      }
      // A new pool and shift are valid for the CLI's schema; removing them again gives the text back.
      const grown = editYaml(editYaml(text, addPool(pools.map((p) => p.id), ['en'])), addShift(pool));
      expect(() => parseScenario(grown, 'x.yaml')).not.toThrow();
      const grownPools = rosterPools(createDoc(grown, 'x.yaml', 'file'));
      const last = grownPools[grownPools.length - 1];
      const back = editYaml(editYaml(grown, removePool(last.index)), removeShift(pool.index, grownPools[0].shifts.length - 1));
      if (pool.shifts.length) expect(back).toBe(text);
    });
  }
});
