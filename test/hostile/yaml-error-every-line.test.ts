// Scenario files within the item limit whose YAML errors or keys made the parser's work grow past
// the file's size: a line of `- @x` repeated 590,000 times (an error each) took 15 s and 1.5 GB to
// be refused, and 300,000 distinct fields in one mapping about 18 minutes (the parser compared each
// key with every key before it). Each is now refused within the hostile-input budget (60 s, 512 MB
// of heap), naming the file, the line and the first problems.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, problemLines, tempDir } from '../hostile-support';
import { parseYaml, syntaxProblems } from '../../sim/scenario/syntax-problems';

const dir = tempDir('yaml-error-every-line');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file with a YAML error on every line', () => {
  it('is refused from its first lines, with the first ten problems', () => {
    writeFileSync(join(dir, 'at.yaml'), '- @x\n'.repeat(590_000));
    const o = followsun(['run', 'at.yaml'], { cwd: dir });
    expectHandled(o, 2);
    const lines = problemLines(o.stderr);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('at.yaml:1:3: not valid YAML or JSON: a value cannot start with @ unless it is in quotes (name: "@…")');
    expect(lines[9]).toBe(
      'at.yaml:10:3: not valid YAML or JSON: a value cannot start with @ unless it is in quotes (name: "@…") (and more problems further on: the file was not read past line 10,000)',
    );
  }, 120_000);

  it('after a long valid start: the first problems, the errors counted no further than the first thousand', () => {
    writeFileSync(join(dir, 'late.yaml'), '- 1\n'.repeat(20_000) + '- @x\n'.repeat(400_000));
    const o = followsun(['run', 'late.yaml'], { cwd: dir });
    expectHandled(o, 2);
    const lines = problemLines(o.stderr);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^late\.yaml:20001:3: not valid YAML or JSON: a value cannot start with @/);
    expect(lines[9]).toMatch(/^late\.yaml:20010:3: .* \(and at least 990 more problems further on\)$/);
  }, 120_000);

  it('a file of tab-indented lines says so once', () => {
    writeFileSync(join(dir, 'tabs.yaml'), 'a:\n\tb: 1\n'.repeat(200_000));
    const o = followsun(['run', 'tabs.yaml'], { cwd: dir });
    expectHandled(o, 2);
    expect(problemLines(o.stderr)[0]).toMatch(/^tabs\.yaml:2:1: not valid YAML or JSON: this line is indented with a tab; indent with spaces only \(and at least [\d,]+ more lines like it\)$/);
  }, 120_000);
});

describe('a mapping of 300,000 fields', () => {
  it('is read in linear time: a field given twice at its end is named', () => {
    let text = '';
    for (let i = 0; i < 300_000; i++) text += `k${i}: 1\n`;
    writeFileSync(join(dir, 'keys.yaml'), `${text}k0: 2\n`);
    const o = followsun(['run', 'keys.yaml'], { cwd: dir });
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual(['keys.yaml:300001:1: not valid YAML or JSON: k0 is given twice (each field only once)']);
  }, 120_000);
});

describe('fields given twice are found as the parser found them', () => {
  const parserSays = (text: string) => {
    const lines = new LineCounter();
    const doc = parseDocument(text, { schema: 'core', resolveKnownTags: false, merge: false, lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    return doc.errors.length === 0 ? [] : syntaxProblems(text, doc.errors, lines);
  };
  it.each([
    ['a: 1\nb: 2\na: 3\n'],
    ['1: a\n1.0: b\n'], // the same number
    ['"1": a\n1: b\n'], // text and a number: two keys
    ['.nan: a\n.nan: b\n'], // NaN equals nothing
    ['~: a\nnull: b\n'],
    ['-0: a\n0: b\n'],
    ['x: { a: 1, b: 2, a: 3 }\n'],
    ['- { a: 1 }\n- { a: 2, a: 3 }\n- a: 1\n  b: 2\n  a: 4\n'],
    ['a: 1\n@x: 2\na: 3\n  bad indent\n'],
    ['? [a]\n: 1\n? [a]\n: 2\n'], // collections as keys are never equal
    ['&k a: 1\n*k : 2\n'],
    ['"a": 1\n\'a\': 2\na: 3\n'],
    ['a:\n  b:\n    c: 1\n    c: 2\n  b: 3\n'],
  ])('%j', (text) => {
    expect(parseYaml(text, { schema: 'core', resolveKnownTags: false, merge: false }).problems).toEqual(parserSays(text));
  });
});
