// The outsourcing case report (issue 5): the `report` command writes one self-contained HTML
// file that opens offline in headless Chromium with every chart, prints to PDF; the summary's
// wording follows the numbers (significance from the CIs); the sweep's efficient frontier.
// Expected numbers come from sim/ run here (same seed), never hard-coded.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportCommand } from '../cli/report';
import { loadScenario, PROJECT_ROOT } from '../cli/files';
import { caseReportHtml } from '../report/case-report';
import { heatmapRows, cellKind, HOURS_PER_WEEK } from '../report/charts';
import { shortNames } from '../report/format';
import { caseSummary, direction, efficiency, separation } from '../report/summary';
import { efficientFrontier, sweepChartSvg, sweepReportHtml, type SweepPoint } from '../report/sweep';
import type { Comparison } from '../sim/compare';
import type { Estimate } from '../sim/confidence';
import type { ScenarioResult } from '../sim/metrics';
import { compareModels, compileForComparison } from '../sim/compare';
import type { Scenario } from '../sim/scenario';

const BASE = join(PROJECT_ROOT, 'scenarios', 'global-in-house.yaml');
const VARIANT = join(PROJECT_ROOT, 'scenarios', 'global-follow-the-sun.yaml');
const SHOTS = join(PROJECT_ROOT, '.tmp', 'report-test');
const REPLICATIONS = 3;

/** Runs the command in-process, capturing what it writes. */
async function report(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await reportCommand(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('followsun report: the outsourcing case as one HTML file', () => {
  let dir: string;
  let file: string;
  let html: string;
  let run: { code: number; stdout: string; stderr: string };
  let scenarios: Scenario[];
  let comparison: Comparison;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followsun-report-'));
    file = join(dir, 'out', 'case.html');
    run = await report(BASE, VARIANT, '-o', file, '--replications', String(REPLICATIONS));
    html = readFileSync(file, 'utf8');
    // The same comparison, here: the expected numbers (same files, seed and replications).
    scenarios = [loadScenario(BASE), loadScenario(VARIANT)];
    comparison = compareModels(compileForComparison(scenarios, { replications: REPLICATIONS }));
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'followsun-chromium-')), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the file and says where', () => {
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(run.stdout).toContain('case.html');
    expect(statSync(file).size).toBeGreaterThan(10_000);
    // The command's warnings are about the scenarios (Japanese unstaffed in-house), nothing else.
    for (const l of lines(run.stderr)) expect(l).toMatch(/warning/);
  });

  it('is one self-contained HTML document: no scripts, no links or sources, no web addresses', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<html[\s>]/g)).toHaveLength(1);
    expect(html).not.toMatch(/http/i);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/\shref\s*=/i);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|@font-face/i);
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]).toMatch(/^#/);
    // Opened from disk, the page asked for nothing but itself.
    expect(requests).toEqual([pathToFileURL(file).href]);
  });

  it('has every chart: heatmaps before and after, per-language bars, cost by provider, efficiency', async () => {
    const charts = page.locator('svg.chart[role="img"]');
    expect(await charts.count()).toBe(2 + 5);
    for (const cls of ['heatmap', 'service-level', 'abandonment', 'cost-month', 'cost-contact', 'efficiency']) {
      expect(await page.locator(`svg.chart.${cls}`).count(), cls).toBeGreaterThan(0);
    }
    // Each chart: an accessible name, a <title>, a title on the page, and a visible size.
    const info = await charts.evaluateAll((svgs) =>
      svgs.map((s) => ({
        label: s.getAttribute('aria-label') ?? '',
        title: s.querySelector(':scope > title')?.textContent ?? '',
        heading: s.querySelector('.chart-title')?.textContent ?? '',
        legend: s.querySelectorAll('.legend').length,
        width: s.getBoundingClientRect().width,
        height: s.getBoundingClientRect().height,
      })),
    );
    for (const c of info) {
      expect(c.label.length).toBeGreaterThan(10);
      expect(c.title).toBe(c.label);
      expect(c.heading.length).toBeGreaterThan(5);
      expect(c.width).toBeGreaterThan(800);
      expect(c.height).toBeGreaterThan(150);
    }
    // Legends on all but the efficiency scatter (its points are labelled).
    expect(info.filter((c) => c.legend > 0)).toHaveLength(6);
  });

  it('heatmaps: 168 hours × each language, cells as the coverage figures say, a legend, tooltips', async () => {
    const maps = page.locator('svg.heatmap');
    expect(await maps.count()).toBe(2);
    for (let k = 0; k < 2; k++) {
      const result = comparison.scenarios[k];
      const expected = heatmapRows(result);
      const map = maps.nth(k);
      expect(await map.locator('.heat-row').count()).toBe(expected.length);
      expect(await map.locator('rect.cell').count()).toBe(expected.length * HOURS_PER_WEEK);
      for (const kind of ['no-coverage', 'no-demand', 'served'] as const) {
        const want = expected.reduce((s, row) => s + row.cells.filter((c) => cellKind(c) === kind).length, 0);
        expect(await map.locator(`rect.cell.${kind}`).count(), `${kind} in heatmap ${k}`).toBe(want);
      }
      expect(await map.locator('rect.cell > title').count()).toBe(expected.length * HOURS_PER_WEEK);
      const legend = (await map.locator('.heat-legend').textContent()) ?? '';
      expect(legend).toContain('target');
      expect(legend).toContain('nobody with the skill');
      expect(legend).toContain('no contacts');
      if (await map.locator('rect.cell.no-coverage').count()) expect(await map.locator('path.hatch').count()).toBeGreaterThan(0);
    }
    // Japanese has no in-house agent (an assumption of the base file), so its hours with
    // contacts are hatched before; the BPO Japanese desk covers some of them after.
    expect(scenarios[0].staffing.some((p) => p.skills.includes('ja'))).toBe(false);
    const before = await maps.nth(0).locator('.heat-row[data-language="ja"] rect.cell.no-coverage').count();
    const after = await maps.nth(1).locator('.heat-row[data-language="ja"] rect.cell.no-coverage').count();
    expect(before).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const tip = await maps.nth(0).locator('.heat-row[data-language="ja"] rect.cell.no-coverage > title').first().textContent();
    expect(tip).toMatch(/^Japanese · (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:00–\d\d:00 UTC/);
  });

  it('states the question and a summary generated from the numbers, with the paired CI', async () => {
    const labels = shortNames(comparison.scenarios.map((r) => r.name));
    expect(await page.locator('h1.question').textContent()).toBe(`What changes if we move from ${labels[0]} to ${labels[1]}?`);
    const headline = (await page.locator('.summary .headline').textContent()) ?? '';
    expect(headline).toBe(caseSummary(comparison, labels)[0].headline);
    expect(headline).toMatch(/^Moving from .+ (closes|adds|leaves) .+ weekly gap hours in [A-Z][a-z]+/);
    // The cost clause carries the paired CI of cost per contact, in the direction it shows.
    const d = comparison.deltas[1]!.costPerContact;
    const two = (x: number) => Math.abs(x).toFixed(2);
    const [lo, hi] = [two(d.ci95![0]), two(d.ci95![1])].sort((a, b) => Number(a) - Number(b));
    if (direction(d) === 'none') expect(headline).toContain('not significant');
    else expect(headline).toContain(`${direction(d) === 'up' ? 'adds' : 'saves'} ${two(d.mean!)} EUR per contact, 95% CI ${lo}–${hi} EUR`);
    const details = await page.locator('.summary li').allTextContents();
    expect(details.some((t) => t.startsWith('Gap hours across all languages'))).toBe(true);
    expect(details.some((t) => /gap hours a month/.test(t))).toBe(true);
  });

  it('shows the assumptions: settings, demand per language and channel, every pool with type and price', async () => {
    const settings = (await page.locator('table.settings').textContent()) ?? '';
    expect(settings).toContain('global-in-house.yaml');
    expect(settings).toContain('global-follow-the-sun.yaml');
    const demandKeys = new Set(scenarios.flatMap((s) => s.demand.map((d) => `${d.language}/${d.channel}`)));
    expect(await page.locator('table.demand tbody tr').count()).toBe(demandKeys.size);
    const weekly = scenarios[0].demand.reduce((s, d) => s + (d.volume.perWeek ?? 0), 0);
    expect(await page.locator('table.demand tfoot').textContent()).toContain(weekly.toLocaleString('en-US'));
    const pools = await page.locator('table.staffing tbody tr').allTextContents();
    const ids = new Set(scenarios.flatMap((s) => s.staffing.map((p) => p.id)));
    expect(pools).toHaveLength(ids.size); // the shared pools are identical in both files
    for (const id of ids) expect(pools.some((row) => row.startsWith(id))).toBe(true);
    const bpo = pools.find((row) => row.startsWith('manila') && !row.startsWith('manila-ja'))!;
    expect(bpo).toContain('Outsourced');
    expect(bpo).toMatch(/per productive hour/);
    expect(bpo).toMatch(/minimum/);
  });

  it('has a headline table whose differences carry the paired CIs', async () => {
    const rows = await page.locator('table.headline-figures tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(5);
    const cost = (await page.locator('table.headline-figures tbody tr', { hasText: 'Cost a month' }).textContent()) ?? '';
    const d = comparison.deltas[1]!.costPerMonth;
    expect(cost).toContain(Math.round(Math.abs(d.mean!)).toLocaleString('en-US'));
    expect(cost).toContain('95% CI');
  });

  it('looks right: full-page screenshot and a PDF for printing', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const png = join(SHOTS, 'case-report.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(50_000);
    const pdfPath = join(SHOTS, 'case-report.pdf');
    const pdf = await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(5); // summary, coverage, languages, cost, efficiency, assumptions
    // Vector charts: the hatching must not be rasterised cell by cell.
    expect(pdf.length).toBeLessThan(3_000_000);
  });

  it('escapes every name it shows', () => {
    const evil = '<img src=x onerror=alert(1)> & "Co"';
    const renamed: Comparison = { ...comparison, scenarios: comparison.scenarios.map((r, k) => ({ ...r, name: `${evil} ${k}` })) };
    const out = caseReportHtml({ scenarios: scenarios.map((s, k) => ({ ...s, name: `${evil} ${k}` })), files: ['<a>.yaml', 'b.yaml'], comparison: renamed, generatedAt: '2026-01-01T00:00:00Z' });
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<a>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
  });
});

describe('followsun report: bad input is one clear line and exit code 2', () => {
  it('needs -o', async () => {
    const r = await report(BASE, VARIANT);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^followsun report: -o\/--out/);
  });
  it('needs a base and a variant', async () => {
    const r = await report(BASE, '-o', join(tmpdir(), 'never.html'));
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('at least two scenario files');
  });
  it('names a missing file and checks numbers', async () => {
    const missing = await report(BASE, 'no-such-file.yaml', '-o', join(tmpdir(), 'never.html'));
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)).toEqual(['no-such-file.yaml: file not found']);
    const bad = await report(BASE, VARIANT, '-o', join(tmpdir(), 'never.html'), '--replications', 'many');
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toEqual(['followsun report: --replications: expected a whole number ≥ 1, got many']);
    const unknown = await report(BASE, VARIANT, '-o', join(tmpdir(), 'never.html'), '--colour');
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)).toHaveLength(1);
  });
});

// --- The summary's wording, on hand-made figures -------------------------------------------------

const est = (mean: number, half: number | null = null): Estimate => ({ mean, ci95: half === null ? null : [mean - half, mean + half] });
const pair = (mean: number, lo: number, hi: number): Estimate => ({ mean, ci95: [lo, hi] });

interface LanguageFigures {
  gapHours: Estimate;
  serviceLevel: Estimate;
  abandonRate?: Estimate;
}

/** A result with only what the summary reads: one week, summary and language figures. */
function result(name: string, summary: Record<string, Estimate>, languages: Record<string, LanguageFigures>): ScenarioResult {
  return {
    name,
    currency: 'EUR',
    start: '2026-03-16T00:00:00.000Z',
    end: '2026-03-23T00:00:00.000Z',
    summary,
    languages: Object.fromEntries(Object.entries(languages).map(([l, f]) => [l, { abandonRate: est(0.1, 0.01), ...f }])),
  } as unknown as ScenarioResult;
}

const baseSummary = {
  gapHours: est(60, 2),
  serviceLevel: est(0.7, 0.01),
  abandonRate: est(0.12, 0.01),
  costPerMonth: est(100_000, 0),
  costPerContact: est(5, 0.05),
  answered: est(10_000, 50),
  contained: est(0, 0),
};

function comparisonOf(variantLanguages: Record<string, LanguageFigures>, deltas: Record<string, Estimate>, baseLanguages?: Record<string, LanguageFigures>): Comparison {
  const base = result('Acme — in-house', baseSummary, baseLanguages ?? {
    en: { gapHours: est(41, 1), serviceLevel: est(0.61, 0.01) },
    de: { gapHours: est(19, 1), serviceLevel: est(0.75, 0.01) },
  });
  const variant = result('Acme — Manila night team', { ...baseSummary, gapHours: est(15, 2) }, variantLanguages);
  const full = { gapHours: pair(-45, -48, -42), serviceLevel: pair(0.1, 0.09, 0.11), abandonRate: pair(-0.05, -0.06, -0.04), costPerMonth: pair(20_000, 19_000, 21_000), ...deltas };
  return { scenarios: [base, variant], deltas: [null, full as Comparison['deltas'][number]] };
}

describe('summary sentence', () => {
  it('says what the brief asks, from the numbers: gap hours closed, service level, cost with its CI', () => {
    const c = comparisonOf(
      { en: { gapHours: est(3, 1), serviceLevel: est(0.84, 0.01) }, de: { gapHours: est(12, 1), serviceLevel: est(0.8, 0.01) } },
      { costPerContact: pair(0.42, 0.37, 0.47) },
    );
    const [s] = caseSummary(c, shortNames(c.scenarios.map((r) => r.name)));
    expect(s.language).toBe('en');
    expect(s.headline).toBe(
      'Moving from in-house to Manila night team closes 38 of 41 weekly gap hours in English, lifts the English service level from 61% to 84%, and adds 0.42 EUR per contact, 95% CI 0.37–0.47 EUR.',
    );
  });

  it('picks the language with the biggest change', () => {
    const c = comparisonOf(
      { en: { gapHours: est(40, 1), serviceLevel: est(0.62, 0.01) }, de: { gapHours: est(2, 1), serviceLevel: est(0.9, 0.01) } },
      { costPerContact: pair(-0.2, -0.25, -0.15) },
    );
    const [s] = caseSummary(c);
    expect(s.language).toBe('de');
    expect(s.headline).toContain('closes 17 of 19 weekly gap hours in German');
    expect(s.headline).toContain('saves 0.20 EUR per contact, 95% CI 0.15–0.25 EUR');
  });

  it('says when a difference is not significant (its CI spans 0) and claims no direction', () => {
    const c = comparisonOf(
      { en: { gapHours: est(3, 1), serviceLevel: est(0.84, 0.01) }, de: { gapHours: est(19, 1), serviceLevel: est(0.75, 0.01) } },
      { costPerContact: pair(0.01, -0.03, 0.05), serviceLevel: pair(0.004, -0.002, 0.01) },
    );
    const [s] = caseSummary(c);
    expect(s.headline).toContain('changes cost per contact by +0.01 EUR, which is not significant (95% CI −0.03 to 0.05 EUR)');
    expect(s.headline).not.toMatch(/adds|saves/);
    const sl = s.details.find((d) => d.includes('service level'))!;
    expect(sl).toMatch(/^The change in service level is not significant/);
    expect(sl).not.toMatch(/service level (rises|falls)/);
  });

  it('flags a per-language change whose CIs overlap, and a rise in gaps', () => {
    const c = comparisonOf(
      { en: { gapHours: est(45, 6), serviceLevel: est(0.6, 0.03) }, de: { gapHours: est(19, 1), serviceLevel: est(0.75, 0.01) } },
      { costPerContact: pair(0.1, 0.05, 0.15) },
    );
    const [s] = caseSummary(c);
    expect(s.headline).toContain('adds 4 weekly gap hours in English, from 41 to 45 (not clearly different: the two 95% CIs overlap)');
    expect(s.headline).toContain('lowers the English service level from 61% to 60% (not clearly different');
  });

  it('with a single replication, says there is no confidence interval', () => {
    const c = comparisonOf(
      { en: { gapHours: est(3), serviceLevel: est(0.84) }, de: { gapHours: est(19), serviceLevel: est(0.75) } },
      { costPerContact: est(0.42), gapHours: est(-45), serviceLevel: est(0.1), abandonRate: est(-0.05), costPerMonth: est(20_000) },
    );
    const [s] = caseSummary(c);
    expect(s.headline).toContain('adds 0.42 EUR per contact (a single replication gives no confidence interval)');
    expect(s.details.join(' ')).not.toContain('95% CI');
  });

  it('direction, separation and efficiency follow the intervals', () => {
    expect(direction(pair(1, 0.5, 1.5))).toBe('up');
    expect(direction(pair(-1, -1.5, -0.5))).toBe('down');
    expect(direction(pair(0.1, -0.2, 0.4))).toBe('none');
    expect(direction(est(1))).toBe('unknown');
    expect(separation(est(1, 0.1), est(2, 0.1))).toBe('apart');
    expect(separation(est(1, 0.6), est(2, 0.6))).toBe('overlap');
    const base = result('b', baseSummary, {});
    // 45 gap hours a week closed for 20,000 a month.
    const e = efficiency(base, { gapHours: pair(-45, -48, -42), costPerMonth: pair(20_000, 19_000, 21_000) });
    expect(e.verdict).toBe('trade-off');
    const perMonth = (45 * 365.25) / 12 / 7;
    expect(e.per1000).toBeCloseTo((perMonth / 20_000) * 1000, 9);
    expect(e.range![0]).toBeLessThan(e.per1000!);
    expect(e.range![1]).toBeGreaterThan(e.per1000!);
    expect(efficiency(base, { gapHours: pair(-45, -48, -42), costPerMonth: pair(-5_000, -6_000, -4_000) }).verdict).toBe('saves-and-closes');
    expect(efficiency(base, { gapHours: pair(-45, -48, -42), costPerMonth: pair(500, -1_000, 2_000) })).toMatchObject({ verdict: 'no-cost-difference', per1000: null });
    expect(efficiency(base, { gapHours: pair(5, 3, 7), costPerMonth: pair(500, 100, 900) }).verdict).toBe('costs-and-opens');
  });
});

// --- The sweep's efficient frontier -------------------------------------------------------------

describe('efficient frontier of a sweep', () => {
  const p = (label: string, serviceLevel: number, costPerContact: number): SweepPoint => ({ label, serviceLevel, costPerContact });
  const points = [
    p('A', 0.6, 5.0),
    p('B', 0.7, 5.5),
    p('C', 0.65, 6.0), // dominated by B: higher service level, lower cost
    p('D', 0.8, 7.0),
    p('E', 0.8, 7.5), // dominated by D: same service level, lower cost
    p('F', 0.55, 5.2), // dominated by A
    p('G', 0.8, 7.0), // identical to D: neither beats the other
    p('H', NaN, 4.0), // no figures: never on the frontier
    p('I', 0.7, 5.5), // identical to B
  ];

  it('keeps the points no other point beats on both counts, by service level', () => {
    expect(efficientFrontier(points).map((i) => points[i].label)).toEqual(['A', 'B', 'I', 'D', 'G']);
    expect(efficientFrontier([])).toEqual([]);
    expect(efficientFrontier([p('only', 0.5, 3)])).toEqual([0]);
    // A cheaper point with a lower service level is still on the frontier (a real trade-off).
    expect(efficientFrontier([p('cheap', 0.5, 1), p('good', 0.9, 9)])).toEqual([0, 1]);
  });

  it('draws the frontier as a connected line over all points, escaped, with tooltips', () => {
    const svg = sweepChartSvg([...points, p('<script>x</script>', 0.5, 9)], 'EUR');
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="[^"]+"/);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg.match(/<circle class="point on-frontier"/g)).toHaveLength(5);
    expect(svg.match(/<circle class="point dominated"/g)).toHaveLength(4);
    const frontier = svg.match(/<path class="frontier" d="([^"]+)"/)![1];
    expect(frontier.match(/[ML]/g)).toHaveLength(5);
    expect(svg.match(/<title>/g)!.length).toBeGreaterThanOrEqual(10);
    expect(svg).toContain('Cost per contact (EUR)');
  });

  it('wraps the chart in a small self-contained page with a table', () => {
    const page = sweepReportHtml({ title: 'Manila head count', varied: ['staffing.manila.agents'], points, currency: 'EUR' });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/http|\ssrc=|\shref=|<script/i);
    expect(page.match(/<tr class="on-frontier">/g)).toHaveLength(5);
    expect(page.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr/g)).toHaveLength(points.length);
    expect(unescape(page)).toContain('staffing.manila.agents');
  });
});

describe('case report on small scenarios', () => {
  it('renders a one-day, one-queue case and an identical variant without gaps in its text', async () => {
    const { validateScenario } = await import('../sim/scenario');
    const one = (name: string, agents: number) =>
      validateScenario(
        {
          name,
          horizon: { start: '2026-03-18T00:00:00Z', days: 1, warmupHours: 2 },
          intervalMinutes: 60,
          replications: 2,
          demand: [{ id: 'calls', language: 'en', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 120 } }],
          staffing: [{ id: 'team', skills: ['en'], agents, cost: { perHour: 30 } }],
        },
        'test.yaml',
      );
    for (const variant of [one('Small + 2', 6), one('Small', 4)]) {
      const scenarios = [one('Small', 4), variant];
      const c = compareModels(compileForComparison(scenarios));
      const out = caseReportHtml({ scenarios, comparison: c, generatedAt: '2026-01-01T00:00:00Z' });
      expect(out).not.toMatch(/NaN|undefined|Infinity|\[object/);
      expect(out.match(/<svg class="chart/g)).toHaveLength(7);
      // One day: the other six days of the week are outside the window, in both heatmaps.
      expect(out.match(/class="cell not-simulated"/g)).toHaveLength(2 * 6 * 24); // two heatmaps
      expect(out).toContain('scaled from the simulated window');
      const [summary] = caseSummary(c);
      if (variant.staffing[0].type !== 'ai' && (variant.staffing[0] as { agents?: number }).agents === 4) {
        // Identical scenarios: common random numbers make every difference exactly 0.
        expect(summary.headline).toContain('leaves cost per contact unchanged');
        expect(summary.details).toContain('Gap hours and monthly cost are the same in both scenarios.');
      } else {
        expect(summary.headline).toMatch(/^Moving from Small to Small \+ 2 /);
      }
    }
  });
});
