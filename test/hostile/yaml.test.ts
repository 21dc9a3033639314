// Scenario files that are valid YAML but not what they seem, which the first audit
// (scenario-files.test.ts) did not try: a %YAML 1.1 directive, tags, merge keys, old Mac line
// ends, control characters in the name, numbers beyond what a file holds exactly, a pool that is
// null. Each is read as written or refused with one line naming the file, line and field.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHandled, followsun, followsunMany, problemLines, tempDir, type Outcome } from '../hostile-support';

const dir = tempDir('yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one-queue scenario as YAML, one field a line, so that a problem's line is known. */
const YAML = [
  'name: One queue',
  'horizon: { start: 2026-03-23T00:00:00Z, hours: 2, warmupHours: 1 }',
  'replications: 2',
  'demand:',
  '  - id: calls',
  '    language: en',
  '    volume: { perHour: 100 }',
  '    handleTime: { dist: exponential, mean: 180 }',
  'staffing:',
  '  - id: team',
  '    skills: [en]',
  '    agents: 6',
  '',
].join('\n');
/** YAML with line `n` (1-based) replaced. */
const withLine = (n: number, text: string) => YAML.split('\n').map((l, i) => (i === n - 1 ? text : l)).join('\n');

/** [file name, what, file content, expected exit code, the problem line (for 2)]. */
const CASES: [string, string, string, 0 | 2, RegExp?][] = [
  // YAML 1.1 read 010 as 8 agents and 1:30 as 90, silently.
  ['yaml-1.1', 'a %YAML 1.1 directive', `%YAML 1.1\n---\n${withLine(12, '    agents: 010')}`, 2, /^yaml-1\.1\.yaml:1:1: %YAML 1\.1: a scenario file is read as YAML 1\.2 \(where 010 is ten/],
  // Its value was read as the text "6": "expected a whole number ≥ 0, got "6"".
  ['custom-tag', 'a custom tag', withLine(12, '    agents: !custom 6'), 2, /^custom-tag\.yaml:12:13: the tag !custom is not one a scenario file uses/],
  ['binary', '!!binary', withLine(1, 'name: !!binary T25lIHF1ZXVl'), 2, /^binary\.yaml:1:7: the tag !!binary is not one a scenario file uses/],
  // A date read as a Date: "expected an ISO date-time …, got "2026-03-23T00:00:00.000Z"".
  ['timestamp', '!!timestamp', withLine(2, 'horizon: { start: !!timestamp 2026-03-23T00:00:00Z, hours: 2, warmupHours: 1 }'), 2, /^timestamp\.yaml:2:19: the tag !!timestamp is not one/],
  // The parser took the file for one line: "this } closes nothing" at line 1, column 197.
  ['mac', 'old Mac line ends (lone \\r)', YAML.replaceAll('\n', '\r'), 0],
  ['mac-bad', 'old Mac line ends and a bad field', withLine(12, '    agents: lots').replaceAll('\n', '\r'), 2, /^mac-bad\.yaml:12: staffing\[0\]\.agents: expected a whole number/],
  // "unknown field (did you mean id?)", after a line for each field the merge was to bring.
  ['merge', 'a merge key', `${YAML}  - <<: { skills: [en], agents: 2 }\n    id: second\n`, 2, /^merge\.yaml:13: staffing\[1\]\.<<: a merge key \(<<: \*name\), which a scenario file does not take/],
  // Printed as is, an escape sequence recoloured (or hid) the terminal's text after it.
  ['escape', 'an escape sequence in the name', withLine(1, 'name: "Q\\e[8mhidden"'), 2, /^escape\.yaml:1: name: expected a name on one line, without control characters/],
  ['bell', 'a bell in the description', `${YAML}description: "ding\\a"\n`, 2, /^bell\.yaml:13: description: expected text without control characters/],
  ['lines', 'a description of several lines and a tab', `${YAML}description: "first\\n\\tsecond"\n`, 0],
  // "Invalid input, got null".
  ['null-pool', 'a pool that is null', `${YAML}  - null\n`, 2, /^null-pool\.yaml:13: staffing\[1\]: expected a staffing pool: a mapping such as \{ id: team, skills: \[en\], agents: 10 \}, got null$/],
  // "expected a whole number ≥ 0, got 1152921504606847000" (it is one).
  ['seed', 'a seed of 2^60', `${YAML}seed: 1152921504606846976\n`, 2, /^seed\.yaml:13: seed: expected a whole number from 0 to 9,007,199,254,740,991 \(the largest a file holds exactly\)/],
  [
    'shift',
    'a shift of 2^60 agents',
    withLine(12, '    shifts: [{ days: daily, start: "08:00", end: "16:00", agents: 1152921504606846976 }]'),
    2,
    /^shift\.yaml:12: staffing\[0\]\.shifts\[0\]\.agents: expected a whole number from 0 to 100,000 \(agents of one shift\), got/,
  ],
];

describe('YAML that is not what it seems', () => {
  let outcomes: Outcome[];
  beforeAll(() => {
    for (const [name, , text] of CASES) writeFileSync(join(dir, `${name}.yaml`), text);
    outcomes = followsunMany(CASES.map(([name]) => ({ args: ['run', `${name}.yaml`, '--json'], cwd: dir })));
  });

  it.each(CASES.map((c, i) => [c[1], i] as const))('%s', (_, i) => {
    const [, , , status, line] = CASES[i];
    const o = outcomes[i];
    expectHandled(o, status);
    if (status === 2) expect(problemLines(o.stderr)).toEqual([expect.stringMatching(line!)]);
    else expect(JSON.parse(o.stdout).scenarios[0].name).toBe('One queue');
  });
});

describe('a file of unclosed quotes', () => {
  it('is refused before the parser fails on each of its lines (590,000 took 37 s and 1.7 GB)', () => {
    for (const [name, line] of [['double', '- "\n'], ['single', "- '\n"]]) {
      writeFileSync(join(dir, `${name}-quotes.yaml`), line.repeat(150_000));
      const o = followsun(['run', `${name}-quotes.yaml`], { cwd: dir });
      expectHandled(o, 2);
      expect(problemLines(o.stderr)).toEqual([
        `${name}-quotes.yaml:100001: not valid YAML or JSON: more than 100,000 lines open or close quoted text that runs on to another line (a quote left open?); not read further`,
      ]);
    }
  });

  it('a description in quotes over many lines is still read', () => {
    writeFileSync(join(dir, 'long-quote.yaml'), `${YAML}description: "${'a line of the description\n  '.repeat(1000)}end"\n`);
    const o = followsun(['run', 'long-quote.yaml', '--json'], { cwd: dir });
    expectHandled(o, 0);
  });
});
