// Scenario files as an analyst writes them: YAML or JSON, defaults filled in, and every problem
// reported on one line that names the file, the line, the field and what was expected.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema, ScenarioError, validateScenario } from '../../sim/scenario/scenario';
import { DEFAULT_SCENARIO } from '../../cli/files';

const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

/** A small English help desk, in the flow/block mix analysts actually write. */
const DESK_YAML = `# A small English help desk in Dublin
name: Dublin help desk
horizon: { start: 2026-03-23T00:00:00Z, hours: 6 }
demand:
  - id: en-voice
    language: en
    volume: { perHour: 60 }
    pattern:
      hourly: [1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1]
    handleTime: { dist: lognormal, mean: 300, cv: 0.6 }
    patience: { dist: exponential, mean: 120 }
staffing:
  - id: dublin
    skills: [en]
    agents: 6
    cost: { perHour: 35 }
`;

/** An AI agent on English chat, to append under staffing with its cost line last. */
const AI_POOL = `  - id: bot
    type: ai
    skills: [en]
    containment: { default: 0.3 }
    handleTime: { dist: exponential, mean: 120 }
    cost: { perResolution: 0.9 }
`;

/** The same scenario as an analyst would write it in JSON. */
const DESK_JSON = `{
  "name": "Dublin help desk",
  "horizon": { "start": "2026-03-23T00:00:00Z", "hours": 6 },
  "demand": [
    {
      "id": "en-voice",
      "language": "en",
      "volume": { "perHour": 60 },
      "pattern": {
        "hourly": [1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1]
      },
      "handleTime": { "dist": "lognormal", "mean": 300, "cv": 0.6 },
      "patience": { "dist": "exponential", "mean": 120 }
    }
  ],
  "staffing": [
    { "id": "dublin", "skills": ["en"], "agents": 6, "cost": { "perHour": 35 } }
  ]
}
`;

/** Replaces `from` (which must occur exactly once) so that an edit can never silently miss. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`'${from}' must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based number of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' is not in the text`);
  return index + 1;
}

/** The problem lines a file is rejected with (fails the test if the file is accepted). */
function problemsIn(text: string, file = 'desk.yaml'): string[] {
  try {
    parseScenario(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

describe('a scenario file as an analyst writes it', () => {
  it('means the same in YAML and in JSON', () => {
    const fromYaml = parseScenario(DESK_YAML, 'desk.yaml');
    const fromJson = parseScenario(DESK_JSON, 'desk.json');
    expect(fromJson).toEqual(fromYaml);
    expect(fromYaml).toEqual(validateScenario(JSON.parse(DESK_JSON), 'desk.json'));
    expect(fromYaml.demand[0].handleTime).toEqual({ dist: 'lognormal', mean: 300, cv: 0.6 });
    expect(fromYaml.staffing[0]).toMatchObject({ id: 'dublin', skills: ['en'], agents: 6, cost: { perHour: 35 } });
  });

  it('fills in every setting the analyst left out with its documented default', () => {
    const s = parseScenario(DESK_YAML, 'desk.yaml');
    expect(s.intervalMinutes).toBe(30);
    expect(s.serviceLevel).toEqual({ seconds: 20, target: 0.8 });
    expect(s.routing).toBe('priority');
    expect(s.seed).toBe(1);
    expect(s.replications).toBe(10);
    expect(s.currency).toBe('EUR');
    expect(s.horizon.warmupHours).toBe(24);
    const [stream] = s.demand;
    expect(stream.channel).toBe('voice');
    expect(stream.timezone).toBe('UTC');
    expect(s.staffing[0]).toMatchObject({ type: 'in-house', channels: ['voice', 'chat', 'email'], acceptAfterSeconds: 0 });
  });

  it('keeps settings the analyst did write instead of the defaults', () => {
    const text = edit(
      DESK_YAML,
      'horizon: { start: 2026-03-23T00:00:00Z, hours: 6 }',
      [
        'horizon: { start: 2026-03-23T00:00:00Z, hours: 6, warmupHours: 4 }',
        'intervalMinutes: 15',
        'serviceLevel: { seconds: 30, target: 0.9 }',
        'routing: longest-idle',
        'seed: 99',
        'replications: 3',
      ].join('\n'),
    );
    const s = parseScenario(text, 'desk.yaml');
    expect(s.horizon.warmupHours).toBe(4);
    expect(s.intervalMinutes).toBe(15);
    expect(s.serviceLevel).toEqual({ seconds: 30, target: 0.9 });
    expect(s.routing).toBe('longest-idle');
    expect(s.seed).toBe(99);
    expect(s.replications).toBe(3);
  });

  it('reads the occupancy cap for required agents and how the AI vendor bills returned resolutions', () => {
    const text = edit(`${DESK_YAML}${AI_POOL}`, 'cost: { perResolution: 0.9 }', 'cost: { perResolution: 0.9, billReturnedResolutions: false }');
    const s = parseScenario(edit(text, 'name: Dublin help desk', 'name: Dublin help desk\nmaxOccupancy: 0.85'), 'desk.yaml');
    expect(s.maxOccupancy).toBe(0.85);
    const bot = s.staffing.find((p) => p.type === 'ai');
    expect(bot?.type === 'ai' && bot.cost).toEqual({ perConversation: 0, perResolution: 0.9, billReturnedResolutions: false });
  });

  it('has no occupancy cap unless asked, and bills every AI resolution by default', () => {
    const s = parseScenario(`${DESK_YAML}${AI_POOL}`, 'desk.yaml');
    expect(s.maxOccupancy).toBeUndefined();
    const bot = s.staffing.find((p) => p.type === 'ai');
    expect(bot?.type === 'ai' && bot.cost.billReturnedResolutions).toBe(true);
  });

  it('reads a Norwegian language code as text, not as the YAML 1.1 boolean "no"', () => {
    const text = edit(edit(DESK_YAML, 'language: en', 'language: no'), 'skills: [en]', 'skills: [no, en]');
    const s = parseScenario(text, 'desk.yaml');
    expect(s.demand[0].language).toBe('no');
    expect(s.staffing[0].skills).toEqual(['no', 'en']);
  });

  it('parses every example scenario shipped in scenarios/', () => {
    const files = readdirSync(SCENARIOS_DIR).filter((name) => /\.(ya?ml|json)$/i.test(name));
    expect(files).toContain(basename(DEFAULT_SCENARIO));
    for (const name of files) {
      const s = parseScenario(readFileSync(join(SCENARIOS_DIR, name), 'utf8'), name);
      expect(s.demand.length, name).toBeGreaterThan(0);
      expect(s.staffing.length, name).toBeGreaterThan(0);
    }
  });
});

describe('a problem in a scenario file is reported on one line: file, line, field, what was expected', () => {
  // What the analyst got wrong, the text in the good file, the text written instead, the field
  // path, what the message must say was expected, and the value it must quote back.
  const cases: [string, string, string, string, RegExp, string][] = [
    ['a negative head count', 'agents: 6', 'agents: -3', 'staffing[0].agents', /^expected a whole number ≥ 0$/, '-3'],
    ['half an agent', 'agents: 6', 'agents: 2.5', 'staffing[0].agents', /^expected a whole number ≥ 0$/, '2.5'],
    ['a head count written as text', 'agents: 6', 'agents: "six"', 'staffing[0].agents', /^expected a whole number ≥ 0$/, '"six"'],
    [
      'a volume given both per hour and per day',
      'volume: { perHour: 60 }',
      'volume: { perHour: 60, perDay: 1400 }',
      'demand[0].volume',
      /^expected exactly one of perHour, perDay, perWeek$/,
      '{"perHour":60,"perDay":1400}',
    ],
    [
      'an hourly pattern with 23 weights',
      'hourly: [1, 1, 1, 1, 1, 1, 2,',
      'hourly: [1, 1, 1, 1, 1, 2,',
      'demand[0].pattern.hourly',
      /^expected 24 hourly\b.*weights/,
      '[1,1,1,1,1,2,3,4,4,4,4,3,3,3,3,3,2,2,...',
    ],
    [
      'a misspelt time zone',
      'language: en',
      'language: en\n    timezone: Europe/Berlim',
      'demand[0].timezone',
      /^expected an IANA time zone such as Europe\/Berlin$/,
      '"Europe/Berlim"',
    ],
    [
      'a service-level target written as a percentage',
      'name: Dublin help desk',
      'name: Dublin help desk\nserviceLevel: { seconds: 20, target: 80 }',
      'serviceLevel.target',
      /^expected a fraction from 0 to 1 \(0\.8, not 80\)$/,
      '80',
    ],
    [
      'an interval length the reports do not support',
      'name: Dublin help desk',
      'name: Dublin help desk\nintervalMinutes: 45',
      'intervalMinutes',
      /^expected 5, 10, 15, 20, 30 or 60$/,
      '45',
    ],
    [
      'a start date without a time of day',
      'start: 2026-03-23T00:00:00Z',
      'start: 2026-03-23',
      'horizon.start',
      /^expected an ISO date-time such as 2026-03-23T00:00:00Z$/,
      '"2026-03-23"',
    ],
    [
      'a horizon given in both hours and days',
      'hours: 6 }',
      'hours: 6, days: 7 }',
      'horizon',
      /^expected exactly one of days, hours$/,
      '{"start":"2026-03-23T00:00:00Z","hour...',
    ],
    ['an upper-case language code', 'language: en', 'language: EN', 'demand[0].language', /^expected a language code such as en, de, pt-BR$/, '"EN"'],
    [
      'a channel that does not exist',
      'language: en',
      'language: en\n    channel: phone',
      'demand[0].channel',
      /^expected one of voice, chat, email$/,
      '"phone"',
    ],
    [
      'a routing rule that does not exist',
      'name: Dublin help desk',
      'name: Dublin help desk\nrouting: fastest',
      'routing',
      /^expected priority, longest-idle or random$/,
      '"fastest"',
    ],
    ['a pool id with a space', 'id: dublin', 'id: dublin 2', 'staffing[0].id', /^expected an id \(letters, digits, - and _\)$/, '"dublin 2"'],
    ['zero replications', 'name: Dublin help desk', 'name: Dublin help desk\nreplications: 0', 'replications', /^expected a whole number ≥ 1$/, '0'],
    [
      'an occupancy cap of zero',
      'name: Dublin help desk',
      'name: Dublin help desk\nmaxOccupancy: 0',
      'maxOccupancy',
      /^expected an occupancy cap: a fraction above 0, at most 1 \(0\.85, not 85\)$/,
      '0',
    ],
    [
      'an occupancy cap written as a percentage',
      'name: Dublin help desk',
      'name: Dublin help desk\nmaxOccupancy: 85',
      'maxOccupancy',
      /^expected an occupancy cap: a fraction above 0, at most 1 \(0\.85, not 85\)$/,
      '85',
    ],
    [
      'an AI billing rule that is neither true nor false',
      'cost: { perHour: 35 }',
      `cost: { perHour: 35 }\n${AI_POOL.replace('cost: { perResolution: 0.9 }', 'cost: { perResolution: 0.9, billReturnedResolutions: sometimes }').trimEnd()}`,
      'staffing[1].cost.billReturnedResolutions',
      /^expected true or false$/,
      '"sometimes"',
    ],
  ];

  for (const [mistake, from, to, field, expected, got] of cases) {
    it(`reports ${mistake}`, () => {
      const text = edit(DESK_YAML, from, to);
      const problems = problemsIn(text);
      expect(problems).toHaveLength(1);
      const prefix = `desk.yaml:${lineOf(text, to.split('\n').pop()!)}: ${field}: `;
      const suffix = `, got ${got}`;
      expect(problems[0].startsWith(prefix), `${problems[0]}\n  should start with ${prefix}`).toBe(true);
      expect(problems[0].endsWith(suffix), `${problems[0]}\n  should end with ${suffix}`).toBe(true);
      expect(problems[0].slice(prefix.length, -suffix.length)).toMatch(expected);
    });
  }

  it('reports a handle-time distribution that does not exist, listing the ones that do', () => {
    const text = edit(DESK_YAML, 'dist: lognormal', 'dist: lognormaal');
    const problems = problemsIn(text);
    expect(problems).toHaveLength(1);
    const [, line, field, message] = /^desk\.yaml:(\d+): (\S+): (.*)$/.exec(problems[0]) ?? [];
    expect(Number(line)).toBe(lineOf(text, 'lognormaal'));
    expect(field).toBe('demand[0].handleTime.dist');
    expect(message).toMatch(/^expected dist: .*\bexponential\b.*\blognormal\b.*\bdeterministic\b.*, got "lognormaal" \(did you mean lognormal\?\)$/);
  });

  it('catches a typo in a pool field before anything runs, and says the head count is then lacking', () => {
    const text = edit(DESK_YAML, 'agents: 6', 'agnets: 6');
    const problems = problemsIn(text);
    expect(problems).toContain(`desk.yaml:${lineOf(text, 'agnets: 6')}: staffing[0].agnets: unknown field (did you mean agents?)`);
    const others = problems.filter((p) => !p.includes('agnets:'));
    expect(others).toHaveLength(1);
    // Either "staffing[0].agents: expected …, it is missing" or "staffing[0]: expected … agents …".
    expect(others[0]).toMatch(
      new RegExp(`^desk\\.yaml:${lineOf(text, '- id: dublin')}: staffing\\[0\\](\\.agents: expected .*, it is missing|: expected .*\\bagents\\b.*)$`),
    );
  });

  it('does not let a misspelt optional setting fall back silently to its default', () => {
    const text = edit(DESK_YAML, 'name: Dublin help desk', 'name: Dublin help desk\nreplicatons: 50');
    expect(problemsIn(text)).toEqual([`desk.yaml:${lineOf(text, 'replicatons')}: replicatons: unknown field (did you mean replications?)`]);

    const nested = edit(DESK_YAML, 'cost: { perHour: 35 }', 'cost: { perHuor: 35 }');
    const problems = problemsIn(nested);
    expect(problems).toContain(`desk.yaml:${lineOf(nested, 'perHuor')}: staffing[0].cost.perHuor: unknown field (did you mean perHour?)`);
  });

  it('suggests the word meant for a channel, a pool type or a distribution', () => {
    const channel = edit(DESK_YAML, 'language: en', 'language: en\n    channel: voce');
    expect(problemsIn(channel)).toEqual([`desk.yaml:${lineOf(channel, 'voce')}: demand[0].channel: expected one of voice, chat, email, got "voce" (did you mean voice?)`]);
    const dist = edit(DESK_YAML, 'dist: lognormal', 'dist: lognormall');
    expect(problemsIn(dist)[0]).toMatch(/demand\[0\]\.handleTime\.dist: expected dist: .*, got "lognormall" \(did you mean lognormal\?\)$/);
    const far = edit(DESK_YAML, 'dist: lognormal', 'dist: weibull');
    expect(problemsIn(far)[0]).toMatch(/got "weibull"$/);
  });

  it('suggests the field meant only when one is close, in every kind of pool and stream', () => {
    const far = edit(DESK_YAML, 'name: Dublin help desk', 'name: Dublin help desk\nmanager: Aoife');
    expect(problemsIn(far)).toEqual([`desk.yaml:${lineOf(far, 'manager')}: manager: unknown field (check the spelling, or whether it belongs here)`]);
    const stream = edit(DESK_YAML, 'language: en', 'langauge: en');
    expect(problemsIn(stream)).toContain(`desk.yaml:${lineOf(stream, 'langauge')}: demand[0].langauge: unknown field (did you mean language?)`);
    const capitals = edit(DESK_YAML, 'cost: { perHour: 35 }', 'cost: { PERHOUR: 35 }');
    expect(problemsIn(capitals)).toContain(`desk.yaml:${lineOf(capitals, 'PERHOUR')}: staffing[0].cost.PERHOUR: unknown field (did you mean perHour?)`);
  });

  it('says which required field is missing, and where the thing it belongs to starts', () => {
    const noName = edit(DESK_YAML, 'name: Dublin help desk\n', '');
    expect(problemsIn(noName)).toEqual([expect.stringMatching(/^desk\.yaml:\d+: name: expected a name, it is missing$/)]);

    const noHandleTime = edit(DESK_YAML, '    handleTime: { dist: lognormal, mean: 300, cv: 0.6 }\n', '');
    expect(problemsIn(noHandleTime)).toEqual([
      expect.stringMatching(
        new RegExp(`^desk\\.yaml:${lineOf(noHandleTime, '- id: en-voice')}: demand\\[0\\]\\.handleTime: expected a distribution such as \\{ dist: .*, it is missing$`),
      ),
    ]);

    const noStaffing = DESK_YAML.slice(0, DESK_YAML.indexOf('staffing:'));
    expect(problemsIn(noStaffing)).toEqual([expect.stringMatching(/^desk\.yaml:\d+: staffing: expected a list of staffing pools, it is missing$/)]);

    const noPools = `${noStaffing}staffing: []\n`;
    expect(problemsIn(noPools)).toEqual([`desk.yaml:${lineOf(noPools, 'staffing: []')}: staffing: expected at least one staffing pool, got []`]);
  });

  it('rejects two pools with the same id', () => {
    const text = `${DESK_YAML}  - id: dublin\n    skills: [en]\n    agents: 2\n`;
    const second = text.split('\n').lastIndexOf('  - id: dublin') + 1;
    const problems = problemsIn(text);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`desk.yaml:${second}: staffing[1].id: duplicate id (ids must be unique in the list), got "dublin"`)).toBe(true);
  });

  it('reports all problems of a file at once, each on its own complete line', () => {
    let text = edit(DESK_YAML, 'agents: 6', 'agents: -3');
    text = edit(text, 'dist: lognormal', 'dist: lognormaal');
    text = edit(text, 'name: Dublin help desk', 'name: Dublin help desk\nserviceLevel: { seconds: 20, target: 80 }');
    const problems = problemsIn(text, 'scenarios/dublin.yaml');
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem).toMatch(/^scenarios\/dublin\.yaml:\d+: [\w.[\]]+: expected .+, (got .+|it is missing)$/);
    expect(problems.map((p) => p.split(': ')[1]).sort()).toEqual(['demand[0].handleTime.dist', 'serviceLevel.target', 'staffing[0].agents']);

    let error: unknown;
    try {
      parseScenario(text, 'scenarios/dublin.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).name).toBe('ScenarioError');
    expect((error as ScenarioError).message).toBe(problems.join('\n'));
  });

  it('says JSON has no comments when a file has one', () => {
    const text = edit(DESK_JSON, '"name": "Dublin help desk",', '"name": "Dublin help desk", // the Dublin site');
    const problems = problemsIn(text, 'desk.json');
    expect(problems).toContain(
      `desk.json:${lineOf(text, '// the Dublin site')}: // the Dublin site "horizon": a comment, which JSON does not allow (write the file as YAML to use # comments)`,
    );
    // The field after the comment is lost with it.
    expect(problems).toContainEqual(expect.stringMatching(/^desk\.json:\d+: horizon: expected .*, it is missing$/));
  });

  it('names the file, line and field in JSON files too', () => {
    const text = edit(DESK_JSON, '"agents": 6', '"agents": -3');
    expect(problemsIn(text, 'desk.json')).toEqual([`desk.json:${lineOf(text, '"agents": -3')}: staffing[0].agents: expected a whole number ≥ 0, got -3`]);
  });
});

describe('a file that is not valid YAML or JSON', () => {
  /** "desk.yaml:LINE:COL: not valid YAML or JSON: <plain sentence>" for the one problem found. */
  function syntaxProblem(text: string, file = 'desk.yaml'): { line: number; col: number; message: string } {
    const problems = problemsIn(text, file);
    expect(problems).toHaveLength(1);
    const [, line, col, message] = /^[\w.]+:(\d+):(\d+): not valid YAML or JSON: (.+)$/.exec(problems[0]) ?? [];
    expect(message, problems[0]).toBeDefined();
    return { line: Number(line), col: Number(col), message };
  }
  /** 1-based column of `needle` on its line. */
  const columnOf = (text: string, needle: string) => text.split('\n')[lineOf(text, needle) - 1].indexOf(needle) + 1;

  it('names a field written twice, where it is written the second time', () => {
    const text = edit(DESK_YAML, '    agents: 6\n', '    agents: 6\n    agents: 8\n');
    expect(problemsIn(text)).toEqual([`desk.yaml:${lineOf(text, 'agents: 8')}:5: not valid YAML or JSON: agents is given twice (each field only once)`]);
  });

  it('points at a line indented with a tab', () => {
    const text = edit(DESK_YAML, '    skills: [en]', '\tskills: [en]');
    expect(syntaxProblem(text)).toEqual({ line: lineOf(text, 'skills'), col: 1, message: 'this line is indented with a tab; indent with spaces only' });
  });

  it('points at the opening quote that is never closed, not at the end of the file', () => {
    const text = edit(DESK_YAML, 'name: Dublin help desk', 'name: "Dublin help desk');
    expect(syntaxProblem(text)).toEqual({ line: lineOf(text, 'name:'), col: columnOf(text, '"Dublin'), message: 'the quote " opened here is never closed' });
  });

  it('points at the bracket that is never closed', () => {
    const text = edit(DESK_YAML, 'skills: [en]', 'skills: [en');
    expect(syntaxProblem(text)).toEqual({
      line: lineOf(text, 'skills: [en'),
      col: columnOf(text, '[en'),
      message: 'the [ opened here is never closed (a [ … ] list ends with ])',
    });
  });

  it('points at a field indented deeper than the one above it', () => {
    const text = edit(DESK_YAML, '    language: en', '      language: en');
    expect(syntaxProblem(text)).toEqual({
      line: lineOf(text, 'language: en'),
      col: columnOf(text, 'language'),
      message: 'bad indentation: this line is indented more than the field above it',
    });
  });

  it('points at a field that does not line up with the fields above it', () => {
    const text = edit(DESK_YAML, '    agents: 6', '   agents: 6');
    expect(syntaxProblem(text)).toEqual({
      line: lineOf(text, 'agents: 6'),
      col: columnOf(text, 'agents'),
      message: 'bad indentation: this line does not line up with the fields above it',
    });
  });

  it('points at a list item written without the space after its dash, not at the lines it throws off', () => {
    // "-id: dublin" reads as a field named "-id": the next lines then seem misindented or misplaced.
    for (const [from, to] of [
      ['  - id: dublin', '  -id: dublin'],
      ['  - id: en-voice', '  -id: en-voice'],
    ]) {
      const text = edit(DESK_YAML, from, to);
      expect(syntaxProblem(text), to).toEqual({ line: lineOf(text, to), col: columnOf(text, '-id'), message: 'expected a space after the - of a list item (- id: …)' });
    }
  });

  it('asks for quotes around a value with ": " in it', () => {
    const text = edit(DESK_YAML, 'name: Dublin help desk', 'name: Dublin: help desk');
    expect(syntaxProblem(text).line).toBe(lineOf(text, 'name:'));
    expect(syntaxProblem(text).message).toMatch(/must be in quotes/);
  });

  it('asks for a comma between two fields on one line of JSON', () => {
    const text = edit(DESK_JSON, '{ "perHour": 60 }', '{ "perHour": 60 "perDay": 2 }');
    expect(syntaxProblem(text, 'desk.json')).toEqual({
      line: lineOf(text, '"perDay"'),
      col: columnOf(text, '60 "perDay"'),
      message: "two fields with no comma between them (or a value containing ': ' without quotes)",
    });
  });

  it('asks for a comma before a quoted field that follows a quoted value on one line of JSON', () => {
    const text = edit(DESK_JSON, '{ "dist": "exponential", "mean": 120 }', '{ "dist": "exponential" "mean": 120 }');
    expect(syntaxProblem(text, 'desk.json')).toEqual({ line: lineOf(text, '"exponential" "mean"'), col: columnOf(text, '"mean": 120'), message: 'expected a comma before this item' });
  });

  it('asks for a comma between two fields of a { … } mapping in YAML, not about "block collections"', () => {
    const text = edit(DESK_YAML, 'handleTime: { dist: lognormal, mean: 300, cv: 0.6 }', 'handleTime: { dist: lognormal mean: 300, cv: 0.6 }');
    expect(syntaxProblem(text)).toEqual({
      line: lineOf(text, 'dist: lognormal mean'),
      col: columnOf(text, 'lognormal mean'),
      message: "two fields with no comma between them (or a value containing ': ' without quotes)",
    });
  });

  it('points at an alias whose anchor is not set before it', () => {
    const text = edit(DESK_YAML, 'skills: [en]', 'skills: *languages');
    expect(syntaxProblem(text)).toEqual({ line: lineOf(text, '*languages'), col: columnOf(text, '*languages'), message: '*languages refers to no anchor: &languages must be set before it' });
  });

  it('names text after a quoted value that has ended', () => {
    const text = edit(DESK_YAML, 'name: Dublin help desk', 'name: "Dublin" help desk');
    expect(syntaxProblem(text)).toEqual({
      line: lineOf(text, 'name:'),
      col: columnOf(text, '"Dublin" help') + '"Dublin" '.length,
      message: 'unexpected text after a value that has ended (a quoted value or a bracket ends where it closes)',
    });
  });

  it('asks for quotes around a value starting with a reserved character', () => {
    const text = edit(DESK_YAML, 'name: Dublin help desk', 'name: @Dublin help desk');
    expect(syntaxProblem(text)).toEqual({ line: lineOf(text, 'name:'), col: columnOf(text, '@Dublin'), message: 'a value cannot start with @ unless it is in quotes (name: "@…")' });
  });

  it('names a closing bracket that closes nothing', () => {
    const text = edit(DESK_YAML, 'skills: [en]', 'skills: [en]]');
    expect(syntaxProblem(text)).toEqual({ line: lineOf(text, 'skills'), col: columnOf(text, ']]') + 1, message: 'this ] closes nothing: no [ is open before it' });
  });

  it('reports the line and column of a missing comma in JSON', () => {
    const text = edit(DESK_JSON, '"name": "Dublin help desk",', '"name": "Dublin help desk"');
    expect(syntaxProblem(text, 'desk.json')).toEqual({
      line: lineOf(text, '"horizon"'),
      col: columnOf(text, '"horizon"'),
      message: 'expected a comma before this item of a { … } mapping',
    });
  });
});

describe('the JSON Schema for editors', () => {
  interface Node {
    type?: string;
    description?: string;
    default?: unknown;
    additionalProperties?: boolean;
    required?: string[];
    properties?: Record<string, Node>;
    items?: Node;
    anyOf?: Node[];
    oneOf?: Node[];
    allOf?: Node[];
  }
  const schema = scenarioJsonSchema() as Node & { $schema: string; properties: Record<string, Node> };
  /** The object shapes a node allows: itself, or each branch of a union. */
  const shapes = (node: Node | undefined): Node[] => (node?.anyOf ?? node?.oneOf ?? (node ? [node] : [])).flatMap((n) => (n.anyOf || n.oneOf ? shapes(n) : [n]));

  it('is a closed JSON Schema object that lists demand and staffing as required lists', () => {
    expect(schema.$schema).toMatch(/^https:\/\/json-schema\.org\//);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'horizon', 'demand', 'staffing']));
    for (const list of ['demand', 'staffing']) {
      expect(schema.properties[list].type, list).toBe('array');
      const items = shapes(schema.properties[list].items);
      expect(items.length, list).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.type, list).toBe('object');
        expect(item.additionalProperties, list).toBe(false); // a typo in a pool or stream is flagged in the editor too
        expect(item.required, list).toContain('id');
      }
    }
    expect(shapes(schema.properties.staffing.items).some((pool) => pool.properties?.agents !== undefined)).toBe(true);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('offers the same defaults the parser fills in', () => {
    const parsed = parseScenario(DESK_YAML, 'desk.yaml');
    for (const key of ['intervalMinutes', 'serviceLevel', 'routing', 'seed', 'replications', 'currency'] as const) {
      expect(schema.properties[key].default, key).toEqual(parsed[key]);
    }
  });

  it('describes every field, so that the editor can say what each one means', () => {
    const fields: { path: string; description?: string }[] = [];
    const walk = (node: Node | boolean | undefined, path: string): void => {
      if (typeof node !== 'object') return;
      for (const [key, field] of Object.entries(node.properties ?? {})) {
        fields.push({ path: `${path}.${key}`, description: field.description });
        walk(field, `${path}.${key}`);
      }
      walk(node.items, `${path}[]`);
      walk(node.additionalProperties, `${path}.*`);
      [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].forEach((branch) => walk(branch, path));
    };
    walk(schema, '');
    expect(fields.length).toBeGreaterThan(200); // the walk reached the pools, streams and distributions
    expect(fields.filter((f) => !f.description?.trim()).map((f) => f.path)).toEqual([]);
  });

  it('gives the unit of every duration, and the currency of every cost', () => {
    /** The field at a path of names, through lists and the first union branch that has it. */
    const property = (path: string[]): Node =>
      path.reduce<Node>((node, key) => shapes(node.items ?? node).find((n) => n.properties?.[key])!.properties![key], schema);
    expect(property(['demand', 'handleTime']).description).toMatch(/seconds/);
    expect(property(['staffing', 'acceptAfterSeconds']).description).toMatch(/seconds/);
    for (const cost of ['perHour', 'perProductiveHour', 'perContact', 'perHandledMinute', 'monthlyMinimum']) {
      expect(property(['staffing', 'cost', cost]).description, cost).toMatch(/currency/);
    }
  });

  it('knows every top-level field of the shipped default scenario', () => {
    const raw = parseScenario(readFileSync(DEFAULT_SCENARIO, 'utf8'), 'default scenario');
    for (const key of Object.keys(raw)) expect(Object.keys(schema.properties)).toContain(key);
  });
});
