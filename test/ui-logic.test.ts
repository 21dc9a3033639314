// The web app's logic without a browser: the heatmap's folding of intervals into hours of the week
// in a display zone, the scenario document (edits keep comments, problems land on fields), the URL
// state. The browser tests (test/e2e) cover the same paths end to end.
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../sim/metrics';
import { buildHeatmap, intervalColumns } from '../src/lib/coverage';
import { caseReportName, csvExport, fileStem } from '../src/lib/exports';
import { createDoc, downloadFile, duplicateDoc, editDoc, isModified, rawData, resetDoc, splitProblems } from '../src/lib/scenario-doc';
import { hourOfWeek, localMidnights } from '../src/lib/time';
import { decodeState, encodeState } from '../src/lib/url-state';

/** A result with the shape sim/metrics produces, filled with simple numbers. */
function fakeResult(options: { start: string; hours: number; intervalMinutes: number; queues: { language: string; channel: string; offered: (i: number) => number; agents: (i: number) => number }[] }): ScenarioResult {
  const n = (options.hours * 60) / options.intervalMinutes;
  const start = Date.parse(options.start);
  const estimate = (mean: number) => ({ mean, ci95: null });
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + options.hours * 3600_000).toISOString(),
    intervalMinutes: options.intervalMinutes,
    intervals: Array.from({ length: n }, (_, i) => ({ start: new Date(start + i * options.intervalMinutes * 60_000).toISOString() })),
    coverage: options.queues.map((q) => ({
      language: q.language,
      channel: q.channel,
      thresholdSeconds: 20,
      target: 0.8,
      offered: Array.from({ length: n }, (_, i) => q.offered(i)),
      // As sim/ counts them: 85% answered, 10% abandoned, 5% still waiting at the end.
      answered: Array.from({ length: n }, (_, i) => 0.85 * q.offered(i)),
      abandoned: Array.from({ length: n }, (_, i) => 0.1 * q.offered(i)),
      serviceLevel: Array.from({ length: n }, (_, i) => (q.offered(i) > 0 ? (q.agents(i) > 0 ? 0.9 : 0) : null)),
      asaSeconds: Array.from({ length: n }, () => 10),
      abandonRate: Array.from({ length: n }, (_, i) => (q.offered(i) > 0 ? 0.1 : null)),
      agentsOnPhones: Array.from({ length: n }, (_, i) => q.agents(i)),
      requiredAgents: Array.from({ length: n }, () => 3),
      gapShare: Array.from({ length: n }, (_, i) => (q.offered(i) > 0 && q.agents(i) === 0 ? 1 : 0)),
      backlog: Array.from({ length: n }, () => 0),
    })),
    languages: Object.fromEntries(options.queues.map((q) => [q.language, { gapHours: estimate(1) }])),
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
  });

  it('follows daylight saving time: the skipped spring hour has no interval, the week still adds up', () => {
    // Berlin springs forward on Sunday 2026-03-29 at 02:00 local (01:00 UTC).
    expect(hourOfWeek(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe(6 * 24 + 1);
    expect(hourOfWeek(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(6 * 24 + 3);
    const r = fakeResult({ start: '2026-03-23T00:00:00Z', hours: 168, intervalMinutes: 60, queues: [{ language: 'de', channel: 'chat', offered: () => 2, agents: () => 1 }] });
    const hm = buildHeatmap(r, 'Europe/Berlin');
    const cells = hm.rows[0].cells;
    expect(cells[6 * 24 + 2].intervals).toEqual([]); // Sunday 02:00 does not exist that night
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
        { language: 'ja', channel: 'voice', offered: () => 5, agents: night },
        { language: 'ja', channel: 'email', offered: () => 1, agents: () => 0 },
      ],
    });
    const hm = buildHeatmap(r, 'UTC');
    expect(hm.maxIntervalsPerCell).toBe(2);
    expect(hm.weeks).toBe(2);
    const cells = hm.rows[0].cells;
    expect(cells[3].noCoverage).toBe(true);
    expect(cells[3].offered).toBe(12); // two Mondays 03:00, voice 5 + email 1 each
    // Answered and abandoned are sim/'s counts, summed (not derived from offered and the rate).
    expect(cells[3].answered).toBeCloseTo(0.85 * 12, 12);
    expect(cells[3].abandoned).toBeCloseTo(0.1 * 12, 12);
    expect(cells[3].queues.map((q) => [q.channel, q.answered, q.abandoned])).toEqual([
      ['voice', 0.85 * 5 * 2, 0.1 * 5 * 2],
      ['email', 0.85 * 2, 0.1 * 2],
    ]);
    expect(cells[10].noCoverage).toBe(false);
    // Email alone never counts as "nobody on the phones": its backlog is worked later.
    const emailOnly = buildHeatmap(r, 'UTC', 'email');
    expect(emailOnly.rows[0].cells.some((c) => c.noCoverage)).toBe(false);
    expect(buildHeatmap(r, 'UTC', 'chat').rows).toHaveLength(0);
    // One channel: the language's gap hours are that queue's gap shares × interval length.
    expect(buildHeatmap(r, 'UTC', 'voice').rows[0].gapHours).toBe(2 * 7 * 6);
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
  });
});

describe('URL state', () => {
  it('round-trips through compressed JSON in the hash', async () => {
    const state = { v: 1 as const, docs: [{ ex: 'global-follow-the-sun' }, { f: 'small.yaml', t: TEXT, o: 'variant' as const }], active: 1, view: 'compare', tz: 'Asia/Manila', ch: 'voice', cmp: [0, 1] };
    const hash = await encodeState(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(await decodeState(hash)).toEqual(state);
    expect(await decodeState('#other')).toBeNull();
    await expect(decodeState('#s=AAAA')).rejects.toThrow();
  });
});
