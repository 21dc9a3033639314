// The web app's logic without a browser: the heatmap's folding of intervals into hours of the week
// in a display zone, the scenario document (edits keep comments, problems land on fields), the URL
// state, the Plan action (open shifts, roster, before/after, the planned variant). The browser
// tests (test/e2e) cover the same paths end to end.
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { attainment, buildHeatmap, cellStatus, hourColumns, intervalColumns, intervalsByHour } from '../../src/lib/coverage';
import { caseReportName, csvExport, fileStem } from '../../src/lib/exports';
import { createDoc, downloadFile, duplicateDoc, editDoc, isModified, rawData, resetDoc, splitProblems } from '../../src/lib/scenario-doc';
import { openShiftCount, planDeltas, plannedDoc, rosterOf } from '../../src/lib/plan';
import { parseScenario } from '../../sim/scenario/scenario';
import { hourOfWeek, localMidnights } from '../../src/lib/time';
import { checkState, decodeRaw, decodeState, encodeState, LinkError, MAX_LINK_TEXT } from '../../src/lib/url-state';
import { checkRun } from '../../src/lib/run-limits';
import { keyedPoint } from '../../src/lib/chart';
import { DEFAULT_EXAMPLE, EXAMPLES } from '../../src/lib/examples';
import { readdirSync, readFileSync } from 'node:fs';

/** A result with the shape sim/stats/metrics produces, filled with simple numbers: 85% answered, 10%
 * abandoned; hours with demand and nobody on the phones (voice, chat) are uncovered, and the hours
 * listed in `below` are below target. */
function fakeResult(options: {
  start: string;
  hours: number;
  intervalMinutes: number;
  queues: { language: string; channel: string; offered: (i: number) => number; agents: (i: number) => number; below?: number[] }[];
}): ScenarioResult {
  const n = (options.hours * 60) / options.intervalMinutes;
  const perHour = 60 / options.intervalMinutes;
  const start = Date.parse(options.start);
  const estimate = (mean: number) => ({ mean, ci95: null });
  const coverage = options.queues.map((q) => {
    const hourOf = (h: number) => Array.from({ length: perHour }, (_, k) => h * perHour + k);
    const offeredInHour = (h: number) => hourOf(h).reduce((s, i) => s + q.offered(i), 0);
    const uncovered = Array.from({ length: options.hours }, (_, h) => (q.channel !== 'email' && offeredInHour(h) > 0 && hourOf(h).every((i) => q.agents(i) === 0) ? 1 : 0));
    return {
      language: q.language,
      channel: q.channel,
      thresholdSeconds: q.channel === 'email' ? 86_400 : 20,
      target: q.channel === 'email' ? 0.9 : 0.8,
      offered: Array.from({ length: n }, (_, i) => q.offered(i)),
      // As sim/ counts them: 85% answered, 10% abandoned, 5% still waiting at the end.
      answered: Array.from({ length: n }, (_, i) => 0.85 * q.offered(i)),
      abandoned: Array.from({ length: n }, (_, i) => 0.1 * q.offered(i)),
      serviceLevel: Array.from({ length: n }, (_, i) => (q.offered(i) > 0 ? (q.agents(i) > 0 ? 0.9 : 0) : null)),
      asaSeconds: Array.from({ length: n }, () => 10),
      abandonRate: Array.from({ length: n }, (_, i) => (q.offered(i) > 0 ? 0.1 : null)),
      agentsOnPhones: Array.from({ length: n }, (_, i) => q.agents(i)),
      requiredAgents: Array.from({ length: n }, () => 3),
      requiredScheduled: Array.from({ length: n }, () => 5),
      backlog: Array.from({ length: n }, () => 0),
      hours: {
        offered: Array.from({ length: options.hours }, (_, h) => offeredInHour(h)),
        serviceLevel: Array.from({ length: options.hours }, (_, h) => (offeredInHour(h) > 0 ? (uncovered[h] ? 0 : (q.below ?? []).includes(h) ? 0.5 : 0.9) : null)),
        uncovered,
        belowTarget: Array.from({ length: options.hours }, (_, h) => (!uncovered[h] && offeredInHour(h) > 0 && (q.below ?? []).includes(h) ? 1 : 0)),
      },
    };
  });
  const gap = (queues: typeof coverage) => {
    const u = queues.reduce((s, q) => s + q.hours.uncovered.reduce<number>((a, b) => a + b, 0), 0);
    const b = queues.reduce((s, q) => s + q.hours.belowTarget.reduce<number>((a, x) => a + x, 0), 0);
    return { uncoveredHours: estimate(u), hoursBelowTarget: estimate(b), gapHours: estimate(u + b) };
  };
  const languages = [...new Set(coverage.map((q) => q.language))];
  const channels = [...new Set(coverage.map((q) => q.channel))];
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + options.hours * 3600_000).toISOString(),
    intervalMinutes: options.intervalMinutes,
    intervals: Array.from({ length: n }, (_, i) => ({ start: new Date(start + i * options.intervalMinutes * 60_000).toISOString() })),
    coverage,
    summary: gap(coverage),
    languages: Object.fromEntries(languages.map((l) => [l, gap(coverage.filter((q) => q.language === l))])),
    channels: Object.fromEntries(channels.map((c) => [c, gap(coverage.filter((q) => q.channel === c))])),
    queues: Object.fromEntries(coverage.map((q) => [`${q.language}/${q.channel}`, gap([q])])),
  } as unknown as ScenarioResult;
}

describe('heatmap folding', () => {
  it('puts each interval in its hour of the week in the display zone, half-hour zones included', () => {
    const r = fakeResult({ start: '2026-03-16T00:00:00Z', hours: 168, intervalMinutes: 30, queues: [{ language: 'en', channel: 'voice', offered: () => 1, agents: () => 1 }] });
    expect(intervalColumns(r, 'UTC').slice(0, 4)).toEqual([0, 0, 1, 1]);
    // Kolkata is UTC+5:30: Monday 00:00 UTC is Monday 05:30 there, 00:30 UTC is 06:00.
    expect(intervalColumns(r, 'Asia/Kolkata').slice(0, 3)).toEqual([5, 6, 6]);
    // New York (UTC−4 that week): Monday 00:00 UTC is Sunday 20:00.
    expect(intervalColumns(r, 'America/New_York')[0]).toBe(6 * 24 + 20);
    const hm = buildHeatmap(r, 'Asia/Kolkata');
    expect(hm.rows[0].cells.reduce((s, c) => s + c.offered, 0)).toBe(336);
    expect(Math.max(...hm.rows[0].cells.map((c) => c.intervals.length))).toBe(2);
    // An hour of the horizon starts at :30 in Kolkata: it is shown in the column of its start.
    expect(hourColumns(r, 'Asia/Kolkata')[0]).toBe(5);
  });

  it('follows daylight saving time: the skipped spring hour has no interval, the week still adds up', () => {
    // Berlin springs forward on Sunday 2026-03-29 at 02:00 local (01:00 UTC).
    expect(hourOfWeek(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe(6 * 24 + 1);
    expect(hourOfWeek(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(6 * 24 + 3);
    const r = fakeResult({ start: '2026-03-23T00:00:00Z', hours: 168, intervalMinutes: 60, queues: [{ language: 'de', channel: 'chat', offered: () => 2, agents: () => 1 }] });
    const hm = buildHeatmap(r, 'Europe/Berlin');
    const cells = hm.rows[0].cells;
    expect(cells[6 * 24 + 2].hours).toEqual([]); // Sunday 02:00 does not exist that night
    expect(cells.reduce((s, c) => s + c.offered, 0)).toBe(2 * 168);
    expect(localMidnights(Date.parse(r.start), Date.parse(r.end), 'Europe/Berlin')).toHaveLength(7);
  });

  it('averages weeks together and marks hours nobody covers, real-time channels only', () => {
    const night = (i: number) => (i % 24 < 6 ? 0 : 2);
    const r = fakeResult({
      start: '2026-03-16T00:00:00Z',
      hours: 2 * 168,
      intervalMinutes: 60,
      queues: [
        { language: 'ja', channel: 'voice', offered: () => 5, agents: night, below: [10, 11, 168 + 10] },
        { language: 'ja', channel: 'email', offered: () => 1, agents: () => 0 },
      ],
    });
    const hm = buildHeatmap(r, 'UTC');
    expect(hm.maxHoursPerCell).toBe(2);
    expect(hm.weeks).toBe(2);
    // One row per language × channel: voice and email are never merged into one cell.
    expect(hm.rows.map((row) => row.key)).toEqual(['ja/voice', 'ja/email']);
    expect(hm.rows.map((row) => row.firstOfLanguage)).toEqual([true, false]);
    const [voice, email] = hm.rows;
    expect(voice.cells[3].uncovered).toBe(2); // both Mondays 03:00
    expect(cellStatus(voice.cells[3])).toBe('uncovered');
    expect(voice.cells[3].offered).toBe(10); // two Mondays 03:00, 5 each
    expect(voice.cells[3].target).toBe(0.8);
    expect(email.cells[3].target).toBe(0.9);
    // Answered and abandoned are sim/'s counts, summed (not derived from offered and the rate).
    expect(voice.cells[3].answered).toBeCloseTo(0.85 * 10, 12);
    expect(voice.cells[3].abandoned).toBeCloseTo(0.1 * 10, 12);
    // Below target: sim/'s flags, counted per week; a cell below in one week is never shown as met.
    expect(voice.cells[10].belowTarget).toBe(2);
    expect(voice.cells[11].belowTarget).toBe(1);
    expect(cellStatus(voice.cells[11])).toBe('below');
    expect(attainment(voice.cells[11])!).toBeLessThan(0);
    expect(cellStatus(voice.cells[12])).toBe('met');
    // Email alone never counts as "nobody on the phones": its backlog is worked later.
    expect(email.cells.some((c) => c.uncovered > 0)).toBe(false);
    const emailOnly = buildHeatmap(r, 'UTC', 'email');
    expect(emailOnly.rows.map((row) => row.key)).toEqual(['ja/email']);
    expect(buildHeatmap(r, 'UTC', 'chat').rows).toHaveLength(0);
    // Everything adds up: cells' flags = the row's figures; rows = languages = the total.
    for (const row of hm.rows) {
      expect(row.cells.reduce((s, c) => s + c.uncovered, 0)).toBe(row.uncoveredHours);
      expect(row.cells.reduce((s, c) => s + c.belowTarget, 0)).toBe(row.hoursBelowTarget);
      expect(row.gapHours).toBe(row.uncoveredHours + row.hoursBelowTarget);
    }
    expect(voice.uncoveredHours).toBe(2 * 7 * 6);
    expect(voice.hoursBelowTarget).toBe(3);
    expect(hm.totals.gapHours).toBe(hm.rows.reduce((s, row) => s + row.gapHours, 0));
    expect(hm.totals.gapHours).toBe(hm.languages.reduce((s, l) => s + l.gapHours, 0));
    // One channel: the totals are that channel's.
    const voiceOnly = buildHeatmap(r, 'UTC', 'voice');
    expect(voiceOnly.totals).toEqual({ uncoveredHours: 84, hoursBelowTarget: 3, gapHours: 87 });
    expect(voiceOnly.languages).toEqual([{ language: 'ja', uncoveredHours: 84, hoursBelowTarget: 3, gapHours: 87 }]);
  });

  it('shows each hour of the horizon in the column of its start, intervals inside their hour', () => {
    const r = fakeResult({ start: '2026-03-16T00:00:00Z', hours: 168, intervalMinutes: 15, queues: [{ language: 'en', channel: 'chat', offered: () => 1, agents: () => 1 }] });
    expect(intervalsByHour(r)[1]).toEqual([4, 5, 6, 7]);
    expect(hourColumns(r, 'UTC').slice(0, 3)).toEqual([0, 1, 2]);
    const cell = buildHeatmap(r, 'Asia/Tokyo').rows[0].cells[9]; // Monday 09:00 Tokyo = 00:00 UTC
    expect(cell.hours).toEqual([0]);
    expect(cell.intervals).toEqual([0, 1, 2, 3]);
    expect(cell.offered).toBe(4);
    expect(cell.requiredScheduled).toBe(5);
  });
});

const TEXT = `# A comment the analyst wrote
name: Small # inline comment
horizon: { start: 2026-03-16T00:00:00Z, days: 1 }
demand:
  - { id: calls, language: en, volume: { perHour: 100 }, handleTime: { dist: exponential, mean: 180 } }
staffing:
  - id: team
    type: outsourced
    skills: [en]
    agents: 12 # night partner
    cost: { perHour: 16 }
`;

describe('scenario documents', () => {
  it('edits a field in place, keeping comments and layout', () => {
    const doc = createDoc(TEXT, 'small.yaml', 'file');
    expect(doc.scenario?.name).toBe('Small');
    const edited = editDoc(doc, ['staffing', 0, 'agents'], 20);
    expect(edited.text).toContain('agents: 20 # night partner');
    expect(edited.text).toContain('# A comment the analyst wrote');
    expect(edited.text).toContain('cost: { perHour: 16 }');
    expect(edited.scenario?.staffing[0]).toMatchObject({ agents: 20 });
    expect(isModified(edited)).toBe(true);
    expect(resetDoc(edited).text).toBe(TEXT);
  });

  it("puts the schema's message on the field that has the problem, keeps the last valid scenario", () => {
    const doc = editDoc(createDoc(TEXT, 'small.yaml', 'file'), ['staffing', 0, 'agents'], -3);
    expect(doc.scenario).toBeNull();
    expect(doc.lastValid?.name).toBe('Small');
    const [problem] = splitProblems(doc);
    expect(problem).toMatchObject({ path: 'staffing[0].agents', line: 10, message: 'expected a whole number ≥ 0, got -3' });
    const cleared = editDoc(doc, ['staffing', 0, 'agents'], null);
    expect(splitProblems(cleared)[0].message).toMatch(/got null/);
  });

  it('reports syntax errors without a field, and refuses a bad file when asked to be strict', () => {
    const bad = createDoc('name: [oops', 'bad.yaml', 'file');
    expect(splitProblems(bad)[0]).toMatchObject({ path: null });
    expect(splitProblems(bad)[0].message).toMatch(/not valid YAML or JSON/);
    expect(() => createDoc('name: [oops', 'bad.yaml', 'file', { strict: true })).toThrow(/bad\.yaml:1/);
    expect(rawData(bad)).toBeNull();
  });

  it('duplicates into a named variant and downloads JSON as YAML', () => {
    const doc = createDoc(TEXT, 'small.yaml', 'example', { exampleKey: 'small' });
    const v2 = duplicateDoc(doc, [doc]);
    expect(v2.scenario?.name).toBe('Small (variant 2)');
    expect(v2.fileName).toBe('small-variant-2.yaml');
    expect(v2.origin).toBe('variant');
    expect(v2.id).not.toBe(doc.id);
    const v3 = duplicateDoc(v2, [doc, v2]);
    expect(v3.scenario?.name).toBe('Small (variant 3)');
    const json = createDoc(JSON.stringify(doc.scenario), 'small.json', 'file');
    expect(json.format).toBe('json');
    const file = downloadFile(json);
    expect(file.name).toBe('small.yaml');
    expect(file.text).toMatch(/^name: Small$/m);
    expect(editDoc(json, ['seed'], 5).format).toBe('yaml');
  });
});

describe('downloads', () => {
  it('names CSV files after the scenario file and the case report after the scenarios compared', () => {
    expect(fileStem('global-follow-the-sun.yaml')).toBe('global-follow-the-sun');
    expect(fileStem('Plan B — São Paulo (draft).JSON')).toBe('plan-b-sao-paulo-draft');
    expect(fileStem('.yaml')).toBe('scenario');
    expect(caseReportName(['global-in-house.yaml', 'global-follow-the-sun-variant-2.yaml'])).toBe('case-global-in-house-vs-global-follow-the-sun-variant-2.html');
    expect(caseReportName(Array.from({ length: 4 }, (_, k) => `${'x'.repeat(60)}-${k}.yaml`)).length).toBeLessThanOrEqual('case-.html'.length + 120);
    const r = fakeResult({ start: '2026-03-16T00:00:00Z', hours: 24, intervalMinutes: 30, queues: [
      { language: 'en', channel: 'voice', offered: () => 2, agents: () => 1 },
      { language: 'en', channel: 'chat', offered: () => 1, agents: () => 1 },
    ] });
    const file = csvExport('coverage', r, 'small.yaml');
    expect(file.name).toBe('small-coverage.csv');
    expect(file.type).toMatch(/^text\/csv/);
    expect(file.text.trimEnd().split('\n')).toHaveLength(48 * 2 + 1);
    // The gap-hours table: one row per hour × queue with demand, as the CLI writes it.
    const gaps = csvExport('gap-hours', r, 'small.yaml');
    expect(gaps.name).toBe('small-gap-hours.csv');
    expect(gaps.text.trimEnd().split('\n')).toHaveLength(24 * 2 + 1);
  });
});

describe('the shipped examples', () => {
  it('come with the scenario their text validates to, checked when the app is built', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();
    expect(EXAMPLES.map((e) => e.fileName).sort()).toEqual(files);
    expect(EXAMPLES[0].key).toBe(DEFAULT_EXAMPLE);
    for (const e of EXAMPLES) {
      expect(e.text).toBe(readFileSync(`scenarios/${e.fileName}`, 'utf8'));
      expect(e.scenario, e.fileName).toEqual(parseScenario(e.text, e.fileName));
    }
  });
});

describe('URL state', () => {
  it('round-trips through compressed JSON in the hash', async () => {
    const state = { v: 1 as const, docs: [{ ex: 'global-follow-the-sun' }, { f: 'small.yaml', t: TEXT, o: 'variant' as const }], active: 1, view: 'compare', tz: 'Asia/Manila', ch: 'voice', lang: 'pt-BR', day: '2026-03-17', cmp: [0, 1] };
    const hash = await encodeState(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(await decodeState(hash)).toEqual(state);
    expect(await decodeState('#other')).toBeNull();
    await expect(decodeState('#s=AAAA')).rejects.toThrow();
  });
});

describe('the Plan action', () => {
  const OPEN = `# A pool the planner staffs.
name: Small open
horizon: { start: 2026-03-16T00:00:00Z, days: 1 }
replications: 2
demand:
  - { id: en-voice, language: en, channel: voice, timezone: Europe/Dublin, volume: { perWeek: 7000 }, pattern: business-day, handleTime: { dist: exponential, mean: 240 } }
staffing:
  - id: fixed
    timezone: Europe/Dublin
    skills: [en]
    shifts:
      - { days: Mon-Fri, start: "09:00", end: "17:00", agents: 4 } # given
  - id: team
    timezone: America/New_York
    skills: [en]
    shifts:
      - { days: daily, start: "22:00", end: "06:00", agents: auto }
      - { days: [Sat, Sun], startBetween: ["10:00", "12:00"], every: 120, hours: 8, agents: { min: 1, max: 30 } }
`;
  const scenario = parseScenario(OPEN, 'small.yaml');

  it('counts the head counts left open: auto, ranges and every candidate start', () => {
    expect(openShiftCount(scenario)).toBe(3);
    expect(openShiftCount(parseScenario(OPEN.replace('agents: auto', 'agents: 2').replace(/startBetween.*\n/, 'start: "10:00", end: "18:00", agents: 3 }\n'), 'x.yaml'))).toBe(0);
    expect(openShiftCount(null)).toBe(0);
  });

  it('lays out the roster per pool in local time, overnight shifts in two parts of the day', () => {
    const plan = {
      team: [
        { days: ['Sat', 'Sun'], start: '12:00', end: '20:00', agents: 2 },
        { days: 'daily', start: '22:00', end: '06:00', agents: 3 },
        { days: ['Sat', 'Sun'], start: '10:00', end: '18:00', agents: 1 },
      ],
    };
    const [pool, ...others] = rosterOf({ plan }, scenario);
    expect(others).toEqual([]); // the pool with nothing open is not in the plan
    expect(pool.id).toBe('team');
    expect(pool.timezone).toBe('America/New_York');
    expect(pool.agents).toBe(6);
    expect(pool.rows.map((r) => [r.days, r.start, r.end, r.agents, r.hours])).toEqual([
      ['Sat, Sun', '10:00', '18:00', 1, 8],
      ['Sat, Sun', '12:00', '20:00', 2, 8],
      ['daily', '22:00', '06:00', 3, 8],
    ]);
    expect(pool.rows[2].segments).toEqual([
      [(22 / 24) * 100, 100],
      [0, 25],
    ]);
  });

  it('sets the figures after the plan against those before, better or worse by the figure', () => {
    const e = (mean: number) => ({ mean, ci95: null });
    const result = (cost: number, gap: number, sl: number) =>
      ({
        summary: { costPerMonth: e(cost), costPerContact: e(cost / 1000), costPerResolvedCustomer: e(cost / 900), gapHours: e(gap) },
        channels: { voice: { serviceLevel: e(sl) } },
      }) as unknown as ScenarioResult;
    const rows = planDeltas(result(1000, 20, 0.5), result(3000, 4, 0.85));
    expect(rows.map((r) => r.key)).toEqual(['costPerMonth', 'costPerContact', 'costPerResolvedCustomer', 'gapHours', 'serviceLevel:voice']);
    expect(rows[0]).toMatchObject({ before: 1000, after: 3000, delta: 2000, better: false });
    expect(rows[3]).toMatchObject({ delta: -16, better: true });
    expect(rows[4].better).toBe(true);
    expect(rows[4].delta).toBeCloseTo(0.35, 12);
    // No result before (the scenario did not run): the planned figures alone.
    expect(planDeltas(null, result(3000, 4, 0.85))[0]).toMatchObject({ before: null, after: 3000, delta: null, better: null });
  });

  it("writes the plan into the file's own text as a variant: comments kept, only the open pools' shifts replaced", () => {
    const doc = createDoc(OPEN, 'small.yaml', 'file');
    const planned = {
      ...scenario,
      staffing: scenario.staffing.map((p) =>
        p.id === 'team' && p.type !== 'ai'
          ? { ...p, shifts: [{ days: 'daily', start: '22:00', end: '06:00', agents: 3 }, { days: ['Sat', 'Sun'], start: '12:00', end: '20:00', agents: 2 }] }
          : p,
      ),
    };
    const variant = plannedDoc(doc, planned, [doc]);
    expect(variant.origin).toBe('variant');
    expect(variant.fileName).toBe('small-planned.yaml');
    expect(variant.problems).toEqual([]);
    expect(variant.scenario!.name).toBe('Small open (planned)');
    expect(variant.text).toContain('# A pool the planner staffs.');
    expect(variant.text).toContain('agents: 4 } # given');
    expect(variant.text).toContain('- { days: daily, start: "22:00", end: "06:00", agents: 3 }');
    expect(openShiftCount(variant.scenario)).toBe(0);
    const team = variant.scenario!.staffing[1];
    expect(team.type !== 'ai' && team.shifts).toEqual(planned.staffing[1].type !== 'ai' && planned.staffing[1].shifts);
    // A second plan of the same file gets its own name.
    const again = plannedDoc(doc, planned, [doc, variant]);
    expect([again.fileName, again.scenario!.name]).toEqual(['small-planned-2.yaml', 'Small open (planned 2)']);
  });
});

describe('links: what a link may ask for', () => {
  const ONE_QUEUE = `name: One queue
horizon: { start: 2026-03-16T00:00:00Z, days: 1, warmupHours: 2 }
replications: 3
demand:
  - { id: calls, language: en, volume: { perHour: 300 }, handleTime: { dist: exponential, mean: 180 } }
staffing:
  - { id: team, skills: [en], agents: 18 }
`;

  it('reads a good link unchanged', () => {
    const state = { v: 1 as const, docs: [{ ex: 'global-follow-the-sun' }, { f: 'one.yaml', t: ONE_QUEUE, o: 'file' as const }], active: 1, view: 'waits', tz: 'Asia/Tokyo', ch: 'voice', lang: 'de', day: '2026-03-17', cmp: [1, 0] };
    expect(checkState(state)).toEqual({ state, problems: [] });
  });

  it('refuses what is not a followsun link at all, in plain words', () => {
    for (const raw of [null, 42, 'x', [], { v: 2, docs: [] }, { v: 1 }, { v: 1, docs: {} }]) {
      expect(() => checkState(raw)).toThrow(LinkError);
      expect(() => checkState(raw)).toThrow(/not a followsun link/);
    }
  });

  it('leaves out bad scenarios and settings and says which', () => {
    const { state, problems } = checkState(
      { v: 1, docs: [null, 7, { t: 12 }, { ex: 'no-such-example' }, { f: 'one.yaml', t: ONE_QUEUE }], active: 4, cmp: 'abc', tz: 'Mars/Olympus', ch: 'fax', view: 3, lang: 'Klingon!', day: 'tomorrow' },
      (key) => key !== 'no-such-example',
    );
    expect(state).toEqual({ v: 1, docs: [{ f: 'one.yaml', t: ONE_QUEUE }], active: 0 });
    expect(problems.join('\n')).toMatch(/Scenario 1 of the link is empty/);
    expect(problems.join('\n')).toMatch(/Scenario 2 of the link is empty or not a scenario \(7\)/);
    expect(problems.join('\n')).toMatch(/Scenario 3 of the link has no readable text/);
    expect(problems.join('\n')).toMatch(/does not ship \(“no-such-example”\)/);
    expect(problems.join('\n')).toMatch(/time zone “Mars\/Olympus” is not one this browser knows/);
    expect(problems.join('\n')).toMatch(/comparison \(“abc”\)/);
    expect(problems.join('\n')).toMatch(/channel “fax”/);
    expect(problems.join('\n')).toMatch(/view \(3\)/);
    expect(problems.join('\n')).toMatch(/language “Klingon!” is not a language code/);
    expect(problems.join('\n')).toMatch(/day “tomorrow” is not a date/);
  });

  it('checks each scenario with the schema files get, keeps it to fix and says what is wrong', () => {
    const bad = ONE_QUEUE.replace('replications: 3', 'replications: 1000000000');
    const { state, problems } = checkState({ v: 1, docs: [{ f: 'big.yaml', t: bad }], active: 0, cmp: [0, 5] });
    expect(state.docs).toEqual([{ f: 'big.yaml', t: bad }]);
    expect(problems[0]).toMatch(/^Scenario 1 of the link \(big\.yaml\) has problems: big\.yaml:\d+: replications: /);
    expect(problems[1]).toMatch(/comparison \(\[0,5\]\)/);
    expect(state.cmp).toBeUndefined();
  });

  it('maps the open scenario and the comparison past scenarios left out', () => {
    const { state } = checkState({ v: 1, docs: [null, { ex: 'a' }, { ex: 'b' }], active: 2, cmp: [2, 0, 1] });
    expect(state).toEqual({ v: 1, docs: [{ ex: 'a' }, { ex: 'b' }], active: 1, cmp: [1, 0] });
  });

  it('stops inflating a link beyond the size cap', async () => {
    const hash = await encodeState({ v: 1, docs: [{ f: 'x.yaml', t: 'a'.repeat(MAX_LINK_TEXT + 10) }], active: 0 });
    expect(hash.length).toBeLessThan(20_000);
    await expect(decodeRaw(hash)).rejects.toThrow(/more than 2 MB of scenarios/);
    // Within the cap it reads.
    expect(await decodeRaw(hash, 4 * MAX_LINK_TEXT)).toMatchObject({ v: 1 });
  });

  it('says a damaged link is damaged', async () => {
    await expect(decodeRaw('#s=abc')).rejects.toThrow(LinkError);
    await expect(decodeRaw('#s=!!!')).rejects.toThrow(/damaged/);
    expect(await decodeState('#x')).toBeNull();
    const good = await encodeState({ v: 1, docs: [{ ex: 'global-follow-the-sun' }], active: 0 });
    await expect(decodeRaw(good.slice(0, good.length - 3))).rejects.toThrow(/damaged/);
  });

  it('asks before a run above the work limit, runs the shipped examples by themselves', () => {
    for (const file of readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f))) {
      expect(checkRun(parseScenario(readFileSync(`scenarios/${file}`, 'utf8'), file), file).kind, file).toBe('ok');
    }
    const large = ONE_QUEUE.replace('perHour: 300', 'perHour: 1000000').replace('days: 1,', 'days: 30,').replace('mean: 180', 'mean: 1').replace('replications: 3', 'replications: 10');
    const check = checkRun(parseScenario(large, 'large.yaml'), 'large.yaml');
    expect(check.kind).toBe('ask');
    expect(check.kind === 'ask' && check.text).toMatch(/^This run asks for about 7\.\d billion contacts \(10 replications × about 7\d\d million each\).*Run anyway\?$/);
  });
});

describe('moving through a chart from the keyboard', () => {
  it('steps by one point, by a day of points with Page Up/Down, and stops at the ends', () => {
    expect(keyedPoint('ArrowRight', null, 48, 24)).toBe(0);
    expect(keyedPoint('ArrowRight', 47, 48, 24)).toBe(47);
    expect(keyedPoint('ArrowLeft', null, 48, 24)).toBe(0);
    expect(keyedPoint('PageDown', 10, 48, 24)).toBe(34);
    expect(keyedPoint('PageDown', 30, 48, 24)).toBe(47);
    expect(keyedPoint('PageUp', 10, 48, 24)).toBe(0);
    expect(keyedPoint('End', 3, 48, 24)).toBe(47);
    expect(keyedPoint('Home', 30, 48, 24)).toBe(0);
    expect(keyedPoint('Escape', 30, 48, 24)).toBeNull();
    expect(keyedPoint('a', 30, 48, 24)).toBeUndefined();
  });
});
