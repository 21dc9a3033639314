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
import { reportCommand } from '../../cli/report';
import { loadScenario, PROJECT_ROOT } from '../../cli/files';
import { caseReportHtml } from '../../report/case-report';
import { heatmapRows, cellKind, HOURS_PER_WEEK } from '../../report/charts';
import { channelName, delta, range, seconds, shortNames, targetText } from '../../report/format';
import { caseSummary, direction, efficiency, efficiencySentence, separation } from '../../report/summary';
import { efficientFrontier, sweepChartSvg, sweepReportHtml, type SweepPoint } from '../../report/sweep';
import type { Comparison } from '../../sim/compare';
import type { Estimate } from '../../sim/stats/confidence';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { compareModels, compileForComparison } from '../../sim/compare';
import type { Scenario } from '../../sim/scenario/scenario';

const BASE = join(PROJECT_ROOT, 'test', 'fixtures', 'in-house-business-hours.yaml'); // hand-made 0.1 rosters: gaps to close
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
  }, 300_000);

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

  it('heatmaps: one row per language × channel, 168 hours, hatching and colour from the hourly flags', async () => {
    const maps = page.locator('svg.heatmap');
    expect(await maps.count()).toBe(2);
    for (let k = 0; k < 2; k++) {
      const result = comparison.scenarios[k];
      const expected = heatmapRows(result);
      expect(expected).toHaveLength(result.coverage.length); // every language × channel, once
      const map = maps.nth(k);
      expect(await map.locator('.heat-row').count()).toBe(expected.length);
      expect(await map.locator('rect.cell').count()).toBe(expected.length * HOURS_PER_WEEK);
      for (const kind of ['uncovered', 'below-target', 'met-target', 'no-demand'] as const) {
        const want = expected.reduce((s, row) => s + row.cells.filter((c) => cellKind(c) === kind).length, 0);
        expect(await map.locator(`rect.cell.${kind}`).count(), `${kind} in heatmap ${k}`).toBe(want);
      }
      expect(await map.locator('rect.cell > title').count()).toBe(expected.length * HOURS_PER_WEEK);
      const legend = (await map.locator('.heat-legend').textContent()) ?? '';
      expect(legend).toContain('target');
      expect(legend).toContain('nobody with the skill');
      expect(legend).toContain('no contacts');
      for (const [channel, t] of Object.entries(result.channelTargets)) expect(legend).toContain(`${channelName(channel)} ${targetText(t)}`);
      if (await map.locator('rect.cell.uncovered').count()) expect(await map.locator('path.hatch').count()).toBeGreaterThan(0);

      // A week simulated: each column is one hour, so the cells are the hourly flags themselves,
      // each row judged against its own channel's target, and they add up to the row's figures.
      for (const row of expected) {
        const queue = result.queues[`${row.language}/${row.channel}`];
        expect(row.target).toBe(result.channelTargets[row.channel].target);
        expect(row.cells.filter((c) => cellKind(c) === 'uncovered')).toHaveLength(queue.uncoveredHours.mean!);
        expect(row.cells.filter((c) => cellKind(c) === 'below-target')).toHaveLength(queue.hoursBelowTarget.mean!);
        expect(row.gapHours).toBe(queue.gapHours.mean);
        expect(row.uncoveredHours + row.hoursBelowTarget).toBe(row.gapHours);
        for (const c of row.cells) {
          if (cellKind(c) === 'below-target') expect(c.serviceLevel!).toBeLessThan(row.target);
          if (cellKind(c) === 'met-target') expect(c.serviceLevel!).toBeGreaterThanOrEqual(row.target);
        }
        const shown = map.locator(`.heat-row[data-language="${row.language}"][data-channel="${row.channel}"]`);
        expect(Number(await shown.getAttribute('data-gap-hours'))).toBe(row.gapHours);
      }
      // The subtitle's total is the sum of the rows, and uncovered + below target.
      const total = expected.reduce((s, row) => s + row.gapHours, 0);
      expect(total).toBe(result.summary.gapHours.mean);
      const subtitle = (await map.locator('text').nth(1).textContent()) ?? ''; // after the title
      expect(subtitle).toContain(
        `${total.toLocaleString('en-US')} gap hours a week = ${result.summary.uncoveredHours.mean!.toLocaleString('en-US')} uncovered + ${result.summary.hoursBelowTarget.mean!.toLocaleString('en-US')} below target`,
      );
      const shownRows = await map.locator('text.row-gap').allTextContents();
      expect(shownRows.reduce((s, t) => s + Number(/^([\d,]+) h/.exec(t)![1].replace(/,/g, '')), 0)).toBe(total);
    }
    // Japanese has no in-house agent (an assumption of the base file), so its hours with
    // contacts are hatched before; the BPO Japanese desk covers some of them after.
    expect(scenarios[0].staffing.some((p) => p.skills.includes('ja'))).toBe(false);
    const jaVoice = '.heat-row[data-language="ja"][data-channel="voice"]';
    const before = await maps.nth(0).locator(`${jaVoice} rect.cell.uncovered`).count();
    const after = await maps.nth(1).locator(`${jaVoice} rect.cell.uncovered`).count();
    expect(before).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const tip = await maps.nth(0).locator(`${jaVoice} rect.cell.uncovered > title`).first().textContent();
    expect(tip).toMatch(/^Japanese voice · (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:00–\d\d:00 UTC/);
    // Email is never uncovered (it can wait for the next shift): its gaps are hours below target.
    expect(await maps.nth(0).locator('.heat-row[data-channel="email"] rect.cell.uncovered').count()).toBe(0);
    expect(await maps.nth(0).locator('.heat-row[data-language="ja"][data-channel="email"] rect.cell.below-target').count()).toBeGreaterThan(0);
  });

  it('leads with the monthly cost (amount and %), then service per channel against targets and gap hours, then per contact', async () => {
    const labels = shortNames(comparison.scenarios.map((r) => r.name));
    expect(await page.locator('h1.question').textContent()).toBe(`What changes if we move from ${labels[0]} to ${labels[1]}?`);
    const headline = (await page.locator('.summary .headline').textContent()) ?? '';
    const [summary] = caseSummary(comparison, labels);
    expect(headline).toBe(summary.headline);
    // This variant costs more a month and less per contact: the monthly increase comes first.
    const d = comparison.deltas[1]!;
    expect(direction(d.costPerMonth)).toBe('up');
    const increase = Math.round(d.costPerMonth.mean!).toLocaleString('en-US');
    const share = Math.round((d.costPerMonth.mean! / comparison.scenarios[0].summary.costPerMonth.mean!) * 100);
    expect(headline.startsWith(`Moving from ${labels[0]} to ${labels[1]} raises the monthly cost by ${increase} EUR (+${share}%; 95% CI `)).toBe(true);
    expect(await page.locator('.summary .headline strong').textContent()).toBe(summary.lead[0]);
    const at = (s: string) => {
      const i = headline.indexOf(s);
      expect(i, s).toBeGreaterThan(0);
      return i;
    };
    // Service: every channel against its own target, then gap hours; per-contact figures last.
    const voice = at('voice ');
    expect(at('answered within 20 s (target 80%)')).toBeGreaterThan(voice);
    expect(at('chat ')).toBeGreaterThan(voice);
    expect(at('answered within 24 h (target 90%)')).toBeGreaterThan(at('chat '));
    expect(at('gap hours (uncovered + below target)')).toBeGreaterThan(at('email '));
    expect(at('Cost per contact')).toBeGreaterThan(at('gap hours'));
    expect(at('cost per resolved customer')).toBeGreaterThan(at('Cost per contact'));
    expect(at('Cost per contact')).toBeGreaterThan(at('monthly cost'));
    const details = await page.locator('.summary li').allTextContents();
    // A change in gap hours, or none that its 95% CI can tell from 0 (the test's 10 replications).
    expect(details.some((t) => /^(Gap hours|The change in gap hours) \(uncovered \+ below target/.test(t))).toBe(true);
    expect(details.some((t) => /^Voice: the service level .* against its target of 80% within 20 s/.test(t))).toBe(true);
    expect(details.some((t) => /gap hours a month/.test(t))).toBe(true);
  });

  it('never shows a service level that mixes channels', async () => {
    // The all-channel share answered within threshold (summary, languages, intervals) is not
    // shown anywhere: changing it changes nothing on the page.
    const generatedAt = '2026-01-01T00:00:00Z';
    const reference = caseReportHtml({ scenarios, comparison, generatedAt });
    const odd: Estimate = { mean: 0.123456, ci95: [0.1, 0.15] };
    const doctored: Comparison = {
      ...comparison,
      scenarios: comparison.scenarios.map((r) => ({
        ...r,
        summary: { ...r.summary, answeredWithinThresholdShare: odd },
        languages: Object.fromEntries(Object.entries(r.languages).map(([l, x]) => [l, { ...x, answeredWithinThresholdShare: odd }])),
        intervals: r.intervals.map((i) => ({ ...i, answeredWithinThresholdShare: odd })),
      })),
    };
    expect(caseReportHtml({ scenarios, comparison: doctored, generatedAt })).toBe(reference);
    // Every service-level row of the headline table is one channel's, with its target.
    const rows = await page.locator('table.headline-figures tbody tr:not(.section) th').allTextContents();
    const levels = rows.filter((t) => /service level/i.test(t));
    expect(levels).toHaveLength(Object.keys(comparison.scenarios[0].channelTargets).length);
    for (const t of levels) expect(t).toMatch(/^(Voice|Chat|Email) service level ?target \d+% within \d+ (s|h)$/);
    // In the text of the page, "service level" always comes with a channel.
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    const sentences = text.split(/(?<=[.;])\s/).filter((s) => /service level/i.test(s));
    expect(sentences.length).toBeGreaterThan(3);
    for (const s of sentences) expect(s, s).toMatch(/voice|chat|email|channel/i);
  });

  it('language table: each language broken down by channel, and every gap total adds up', async () => {
    const table = page.locator('table.language-table');
    for (let k = 0; k < 2; k++) {
      const r = comparison.scenarios[k];
      const gapOf = async (selector: string) => {
        const cells = table.locator(selector);
        const values = await cells.evaluateAll((tds, k) => tds.filter((_, i) => i % 2 === k).map((td) => Number(td.getAttribute('data-gap-hours'))), k);
        return values;
      };
      // Languages: their totals, and the sum of their channels.
      const languageTotals = await gapOf('tbody tr.language td.gap');
      expect(languageTotals).toEqual(Object.keys(r.languages).map((l) => r.languages[l].gapHours.mean));
      for (const l of Object.keys(r.languages)) {
        const channels = await gapOf(`tbody tr.queue[data-language="${l}"] td.gap`);
        expect(channels.length).toBeGreaterThan(0);
        expect(channels.reduce((s, x) => s + x, 0), l).toBe(r.languages[l].gapHours.mean);
      }
      const [total] = await gapOf('tfoot tr.total td.gap');
      expect(total).toBe(r.summary.gapHours.mean);
      expect(languageTotals.reduce((s, x) => s + x, 0)).toBe(total);
      const channelTotals = await gapOf('tfoot tr.channel-total td.gap');
      expect(channelTotals.reduce((s, x) => s + x, 0)).toBe(total);
      expect(r.summary.uncoveredHours.mean! + r.summary.hoursBelowTarget.mean!).toBe(total);
    }
    // Each channel row shows its own target.
    const voice = (await table.locator('tbody tr.queue[data-channel="voice"]').first().textContent()) ?? '';
    expect(voice).toContain('80% within 20 s');
    const email = (await table.locator('tbody tr.queue[data-channel="email"]').first().textContent()) ?? '';
    expect(email).toContain('90% within 24 h');
  });

  it('shows the assumptions: settings, demand per language and channel, every pool with type and price', async () => {
    const settings = (await page.locator('table.settings').textContent()) ?? '';
    expect(settings).toContain('in-house-business-hours.yaml');
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

  it('has a headline table: money, each channel against its target, gap hours; paired CIs', async () => {
    const sections = await page.locator('table.headline-figures tr.section').allTextContents();
    expect(sections).toEqual(['Cost', 'Voice, against its own target', 'Chat, against its own target', 'Email, against its own target', 'Coverage gaps, all languages and channels']);
    const labels = await page.locator('table.headline-figures tbody tr:not(.section)').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-figure')));
    // Cost per contact and cost per resolved customer beside each other.
    expect(labels.slice(0, 3)).toEqual(['Cost a month', 'Cost per contact', 'Cost per resolved customer']);
    expect(labels).toContain('Email mean time to answer');
    expect(labels).not.toContain('Email abandonment'); // an email is never abandoned
    const cost = (await page.locator('table.headline-figures tbody tr', { hasText: 'Cost a month' }).textContent()) ?? '';
    const d = comparison.deltas[1]!.costPerMonth;
    expect(cost).toContain(Math.round(Math.abs(d.mean!)).toLocaleString('en-US'));
    expect(cost).toContain('95% CI');
    // A channel's service level with the paired difference of that channel.
    const voice = (await page.locator('table.headline-figures tbody tr[data-figure="Voice service level"]').textContent()) ?? '';
    const dv = comparison.channelDeltas[1]!.voice.serviceLevel;
    expect(voice).toContain(`${dv.mean! > 0 ? '+' : '−'}${Math.abs(dv.mean! * 100).toFixed(1)} pts`);
    // Gap hours: uncovered + below target, with the 95% CI of the count (sim/stats/gap-hours.ts).
    const gap = (await page.locator('table.headline-figures tbody tr', { hasText: 'Gap hours a week' }).textContent()) ?? '';
    expect(gap).toContain('95% CI');
    expect(gap).not.toContain('range');
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

const TARGETS = { voice: { thresholdSeconds: 20, target: 0.8 }, email: { thresholdSeconds: 86_400, target: 0.9 } };

interface QueueFigures {
  gapHours: Estimate;
  serviceLevel: Estimate;
}

/** A result with only what the summary reads: one week; summary, channel and language × channel
 * figures (a language's gap hours are the sum of its channels'). */
function result(name: string, summary: Record<string, Estimate>, queues: Record<string, QueueFigures>): ScenarioResult {
  const full = (f: QueueFigures, email = false) => ({
    asaSeconds: est(30, 1),
    abandonRate: email ? est(0, 0) : est(0.1, 0.01),
    uncoveredHours: est(0),
    hoursBelowTarget: f.gapHours,
    ...f,
  });
  const languages: Record<string, { gapHours: Estimate }> = {};
  for (const [key, f] of Object.entries(queues)) {
    const l = key.split('/')[0];
    const g = languages[l]?.gapHours;
    languages[l] = { gapHours: g ? est(g.mean! + f.gapHours.mean!, f.gapHours.ci95 ? (g.ci95![1] - g.ci95![0]) / 2 + (f.gapHours.ci95[1] - f.gapHours.ci95[0]) / 2 : null) : f.gapHours };
  }
  const channels = Object.fromEntries(
    Object.keys(TARGETS).map((c) => [c, full({ gapHours: est(0, 0), serviceLevel: summary[`${c}ServiceLevel`] ?? est(0.85, 0.01) }, c === 'email')]),
  );
  return {
    name,
    currency: 'EUR',
    start: '2026-03-16T00:00:00.000Z',
    end: '2026-03-23T00:00:00.000Z',
    channelTargets: TARGETS,
    summary,
    channels,
    queues: Object.fromEntries(Object.entries(queues).map(([k, f]) => [k, full(f, k.endsWith('/email'))])),
    languages,
    pools: {},
  } as unknown as ScenarioResult;
}

const baseSummary = {
  gapHours: est(60, 2),
  uncoveredHours: est(20, 0),
  hoursBelowTarget: est(40, 2),
  abandonRate: est(0.12, 0.01),
  costPerMonth: est(100_000, 0),
  costPerContact: est(5, 0.05),
  costPerResolvedCustomer: est(5.2, 0.05),
  answered: est(10_000, 50),
  contained: est(0, 0),
  containedReturned: est(0, 0),
  containedNet: est(0, 0),
  voiceServiceLevel: est(0.7, 0.01),
  emailServiceLevel: est(0.85, 0.01),
};

const BASE_QUEUES = {
  'en/voice': { gapHours: est(30, 1), serviceLevel: est(0.61, 0.01) },
  'en/email': { gapHours: est(11, 1), serviceLevel: est(0.85, 0.01) },
  'de/voice': { gapHours: est(19, 1), serviceLevel: est(0.75, 0.01) },
};

/** Base and variant, with the variant's summary, the deltas of the summary (paired) and of each
 * channel's figures. */
function comparisonOf(
  variantQueues: Record<string, QueueFigures>,
  deltas: Record<string, Estimate>,
  o: { variantSummary?: Record<string, Estimate>; channelDeltas?: Record<string, Record<string, Estimate>> } = {},
): Comparison {
  const base = result('Acme — in-house', baseSummary, BASE_QUEUES);
  const variant = result('Acme — Manila night team', { ...baseSummary, gapHours: est(15, 2), uncoveredHours: est(5, 0), hoursBelowTarget: est(10, 2), ...o.variantSummary }, variantQueues);
  const full = {
    gapHours: pair(-45, -48, -42),
    uncoveredHours: pair(-15, -15, -15),
    hoursBelowTarget: pair(-30, -33, -27),
    abandonRate: pair(-0.05, -0.06, -0.04),
    costPerMonth: pair(20_000, 19_000, 21_000),
    costPerContact: pair(-0.2, -0.25, -0.15),
    costPerResolvedCustomer: pair(-0.1, -0.15, -0.05),
    ...deltas,
  };
  const channelDeltas = o.channelDeltas ?? {
    voice: { serviceLevel: pair(0.1, 0.09, 0.11), asaSeconds: pair(-10, -12, -8), abandonRate: pair(-0.05, -0.06, -0.04) },
    email: { serviceLevel: pair(0.07, 0.06, 0.08), asaSeconds: pair(-3600, -4000, -3200), abandonRate: pair(0, 0, 0) },
  };
  return { scenarios: [base, variant], deltas: [null, full as Comparison['deltas'][number]], channelDeltas: [null, channelDeltas as Comparison['channelDeltas'][number]] };
}

const VARIANT_QUEUES = {
  'en/voice': { gapHours: est(3, 1), serviceLevel: est(0.84, 0.01) },
  'en/email': { gapHours: est(0, 0), serviceLevel: est(0.92, 0.01) },
  'de/voice': { gapHours: est(12, 1), serviceLevel: est(0.8, 0.01) },
};
const VARIANT_SUMMARY = { voiceServiceLevel: est(0.8, 0.01), emailServiceLevel: est(0.92, 0.01), costPerMonth: est(120_000, 500), costPerContact: est(4.8, 0.05), costPerResolvedCustomer: est(5.1, 0.05) };

describe('summary sentence', () => {
  it('costs more a month but less per contact: leads with the monthly cost increase, then service, then per contact', () => {
    const c = comparisonOf(VARIANT_QUEUES, {}, { variantSummary: VARIANT_SUMMARY });
    const [s] = caseSummary(c, shortNames(c.scenarios.map((r) => r.name)));
    expect(s.lead).toEqual([
      'Moving from in-house to Manila night team raises the monthly cost by 20,000 EUR (+20%; 95% CI 19,000–21,000 EUR), from 100,000 EUR to 120,000 EUR.',
      'Against each channel’s own target: voice 70% → 80% answered within 20 s (target 80%) and email 85% → 92% answered within 24 h (target 90%); gap hours (uncovered + below target) fall from 60 to 15 a week.',
      'Cost per contact falls from 5.00 EUR to 4.80 EUR; cost per resolved customer falls from 5.20 EUR to 5.10 EUR.',
    ]);
    expect(s.headline).toBe(s.lead.join(' '));
    expect(s.headline).not.toMatch(/^[^.]*per contact/); // the per-contact saving never leads
    expect(s.language).toBe('en');
    // Details: each channel with its paired CIs and target, gap hours split, per contact with CIs.
    expect(s.details[0]).toBe(
      'Voice: the service level rises from 70.0% to 80.0% (+10.0 pts, 95% CI 9.0–11.0 pts) against its target of 80% within 20 s; the mean wait (ASA) falls from 30 s to 30 s (−10 s, 95% CI −12 to −8 s); abandonment falls from 10.0% to 10.0% (−5.0 pts, 95% CI −6.0 to −4.0 pts).',
    );
    expect(s.details[1]).toMatch(/^Email: the service level rises from 85.0% to 92.0% .* against its target of 90% within 24 h; the mean time to answer falls .*\.$/);
    expect(s.details[1]).not.toContain('abandonment');
    expect(s.details).toContain('Gap hours (uncovered + below target, all languages and channels) fall from 60 h a week to 15 h a week (−45 h, 95% CI −48 to −42 h): uncovered 20 → 5, below target 40 → 10.');
    expect(s.details).toContain(
      'Cost per contact falls from 5.00 EUR to 4.80 EUR (−0.20 EUR, 95% CI −0.25 to −0.15 EUR); cost per resolved customer falls from 5.20 EUR to 5.10 EUR (−0.10 EUR, 95% CI −0.15 to −0.05 EUR).',
    );
    expect(s.details).toContain('The biggest change is in English: 41 → 3 gap hours a week (voice 30 → 3, email 11 → 0).');
  });

  it('cheaper a month: leads with the saving', () => {
    const c = comparisonOf(VARIANT_QUEUES, { costPerMonth: pair(-5_000, -6_000, -4_000), costPerContact: pair(0.1, 0.05, 0.15) }, { variantSummary: { ...VARIANT_SUMMARY, costPerMonth: est(95_000, 500) } });
    const [s] = caseSummary(c);
    expect(s.headline.startsWith('Moving from Acme — in-house to Acme — Manila night team saves 5,000 EUR a month (−5.0%; 95% CI 4,000–6,000 EUR), from 100,000 EUR to 95,000 EUR. Against each channel’s own target: voice')).toBe(true);
    expect(s.lead[2]).toMatch(/^Cost per contact rises from/);
  });

  it('says when a difference is not significant (its CI spans 0) and claims no direction', () => {
    const c = comparisonOf(
      VARIANT_QUEUES,
      { costPerMonth: pair(300, -1_200, 1_800), costPerContact: pair(0.01, -0.03, 0.05), gapHours: pair(-1, -4, 2) },
      {
        variantSummary: { ...VARIANT_SUMMARY, costPerMonth: est(100_300, 900), costPerContact: est(5.01, 0.05) },
        channelDeltas: { voice: { serviceLevel: pair(0.004, -0.002, 0.01), asaSeconds: pair(1, -1, 3), abandonRate: pair(0, -0.01, 0.01) } },
      },
    );
    const [s] = caseSummary(c);
    expect(s.lead[0]).toBe(
      'Moving from Acme — in-house to Acme — Manila night team does not change the monthly cost significantly: 100,000 EUR before, 100,300 EUR after (+300.00 EUR, 95% CI −1,200 to 1,800 EUR).',
    );
    expect(s.headline).not.toMatch(/raises|saves/);
    expect(s.lead[1]).toContain('voice 70% → 80% answered within 20 s (target 80%, no significant change)');
    expect(s.lead[1]).toContain('gap hours (uncovered + below target) go from 60 to 15 a week, not a clear change');
    expect(s.lead[2]).toContain('cost per contact does not change significantly (5.00 EUR and 5.01 EUR)'.replace(/^c/, 'C'));
    const voice = s.details.find((d) => d.startsWith('Voice:'))!;
    expect(voice).toMatch(/^Voice: the change in service level is not significant/);
    expect(voice).not.toMatch(/service level (rises|falls)/);
  });

  it('with a single replication, says there is no confidence interval', () => {
    const single = Object.fromEntries(
      Object.entries({ costPerMonth: 20_000, costPerContact: -0.2, costPerResolvedCustomer: -0.1, gapHours: -45, uncoveredHours: -15, hoursBelowTarget: -30, abandonRate: -0.05 }).map(([k, v]) => [k, est(v)]),
    );
    const c = comparisonOf(VARIANT_QUEUES, single, {
      variantSummary: VARIANT_SUMMARY,
      channelDeltas: { voice: { serviceLevel: est(0.1), asaSeconds: est(-10), abandonRate: est(-0.05) }, email: { serviceLevel: est(0.07), asaSeconds: est(-3600), abandonRate: est(0) } },
    });
    const [s] = caseSummary(c);
    expect(s.lead[0]).toContain('raises the monthly cost by 20,000 EUR (+20%; a single replication gives no confidence interval)');
    expect(s.details.join(' ')).not.toContain('95% CI');
  });

  it('names AI resolutions gross, came back and net when a scenario has an AI pool', () => {
    const c = comparisonOf(VARIANT_QUEUES, {}, { variantSummary: { ...VARIANT_SUMMARY, aiConversations: est(900, 5), contained: est(400, 5), containedReturned: est(40, 2), containedNet: est(360, 5) } });
    (c.scenarios[1] as { pools: object }).pools = { bot: { type: 'ai' } };
    const [s] = caseSummary(c);
    expect(s.details).toContain('AI resolutions a week: gross 0 → 400, came back (the customer contacted again) 0 → 40, net 0 → 360.');
    const [none] = caseSummary(comparisonOf(VARIANT_QUEUES, {}, { variantSummary: VARIANT_SUMMARY }));
    expect(none.details.join(' ')).not.toContain('AI resolutions');
  });

  it('writes a short wait with the decimal its CI has, and a bound just below 0 with its sign', () => {
    expect(seconds(1.04)).toBe('1.0 s');
    expect(range([1.16, 1.31], 'seconds')).toBe('1.2–1.3 s');
    expect(`${seconds(96)}, 95% CI ${range([84, 108], 'seconds', 96)}`).toBe('96 s, 95% CI 84–108 s'); // not 1.4–1.8 min
    expect(delta(0.21, 'seconds')).toBe('+0.2 s');
    expect(seconds(42.4)).toBe('42 s');
    expect(range([-0.005, -0.00019], 'fraction')).toBe('−0.5 to −0.02');
  });

  it("names a language × channel whose service falls clearly, which the channel's total can hide", () => {
    const c = comparisonOf({ ...VARIANT_QUEUES, 'en/voice': { gapHours: est(3, 1), serviceLevel: est(0.55, 0.01) } }, {});
    c.queueDeltas = [
      null,
      {
        'de/voice': { serviceLevel: pair(0.05, 0.04, 0.06) },
        'en/voice': { serviceLevel: pair(-0.06, -0.08, -0.04) }, // falls clearly
        'en/email': { serviceLevel: pair(-0.03, -0.07, 0.01) }, // not clearly
      } as unknown as NonNullable<Comparison['queueDeltas']>[number],
    ];
    const [s] = caseSummary(c);
    expect(s.details).toContain('Service falls clearly in English voice (61.0% → 55.0%, target 80%; abandonment 10.0% → 10.0%).');
    expect(s.details.join(' ')).not.toMatch(/email \(/);
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
    // Cheaper, but the gap hours' CI spans 0: no claim that it closes gaps.
    const cheaper = efficiency(base, { gapHours: pair(-6, -345, 178), costPerMonth: pair(-5_000, -6_000, -4_000) });
    expect(cheaper.verdict).toBe('saves-no-gap-difference');
    expect(efficiencySentence(cheaper, 'EUR')).toBe('It costs less a month, and the change in gap hours is not significant.');
    expect(efficiency(base, { gapHours: pair(-45, -48, -42), costPerMonth: pair(500, -1_000, 2_000) })).toMatchObject({ verdict: 'no-cost-difference', per1000: null });
    expect(efficiency(base, { gapHours: pair(5, 3, 7), costPerMonth: pair(500, 100, 900) }).verdict).toBe('costs-and-opens');
  });
});

// --- The sweep's efficient frontier -------------------------------------------------------------

describe('efficient frontier of a sweep', () => {
  const p = (label: string, targetMetShare: number, costPerContact: number): SweepPoint => ({ label, targetMetShare, costPerContact });
  const points = [
    p('A', 0.6, 5.0),
    p('B', 0.7, 5.5),
    p('C', 0.65, 6.0), // dominated by B: more hours meeting target, lower cost
    p('D', 0.8, 7.0),
    p('E', 0.8, 7.5), // dominated by D: same share, lower cost
    p('F', 0.55, 5.2), // dominated by A
    p('G', 0.8, 7.0), // identical to D: neither beats the other
    p('H', NaN, 4.0), // no figures: never on the frontier
    p('I', 0.7, 5.5), // identical to B
  ];

  it('keeps the points no other point beats on both counts, by share of hours meeting target', () => {
    expect(efficientFrontier(points).map((i) => points[i].label)).toEqual(['A', 'B', 'I', 'D', 'G']);
    expect(efficientFrontier([])).toEqual([]);
    expect(efficientFrontier([p('only', 0.5, 3)])).toEqual([0]);
    // A cheaper point with fewer hours meeting target is still on the frontier (a real trade-off).
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
    // The x axis is the share of language × channel hours that met their channel's target: never
    // called a service level.
    expect(svg).toContain('Hours meeting target (share of language × channel hours');
    expect(svg).toContain('Hours meeting target 70.0%');
    expect(svg).not.toMatch(/service level/i);
  });

  it('wraps the chart in a small self-contained page with a table', () => {
    const page = sweepReportHtml({ title: 'Manila head count', varied: ['staffing.manila.agents'], points, currency: 'EUR' });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/http|\ssrc=|\shref=|<script/i);
    expect(page.match(/<tr class="on-frontier">/g)).toHaveLength(5);
    expect(page.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr/g)).toHaveLength(points.length);
    expect(unescape(page)).toContain('staffing.manila.agents');
    expect(page).toContain('<th class="num">Hours meeting target</th>');
    expect(page).not.toMatch(/service level/i);
  });
});

describe('case report on small scenarios', () => {
  it('renders a one-day, one-queue case and an identical variant without gaps in its text', async () => {
    const { validateScenario } = await import('../../sim/scenario/scenario');
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
        expect(summary.headline).toMatch(/^Moving from Small to Small leaves the monthly cost unchanged at [\d,.]+ EUR\. /);
        expect(summary.headline).toContain('Cost per contact stays at');
        expect(summary.details).toContain('Gap hours and monthly cost are the same in both scenarios.');
      } else {
        expect(summary.headline).toMatch(/^Moving from Small to Small \+ 2 raises the monthly cost by /);
      }
      // One day: figures are counted in the window, not scaled to a week.
      expect(out).toContain('Gap hours in the simulated day');
    }
  });

  it('shows AI resolutions gross, came back and net where a scenario has an AI pool', async () => {
    const { validateScenario } = await import('../../sim/scenario/scenario');
    const chat = (name: string, bot: boolean) =>
      validateScenario(
        {
          name,
          horizon: { start: '2026-03-18T00:00:00Z', days: 1, warmupHours: 2 },
          intervalMinutes: 60,
          replications: 2,
          demand: [{ id: 'chats', language: 'en', channel: 'chat', volume: { perHour: 60 }, handleTime: { dist: 'exponential', mean: 300 }, patience: { dist: 'exponential', mean: 120 } }],
          staffing: [
            { id: 'team', skills: ['en'], channels: ['chat'], agents: 5, cost: { perHour: 30 } },
            ...(bot
              ? [{ id: 'bot', type: 'ai' as const, skills: ['en'], channels: ['chat' as const], containment: { default: 0.4 }, handleTime: { dist: 'exponential' as const, mean: 120 },
                  recontact: { share: 0.2, delay: { dist: 'exponential' as const, mean: 3600 } }, cost: { perConversation: 0.1, perResolution: 0.5 } }]
              : []),
          ],
        },
        'test.yaml',
      );
    const scenarios = [chat('Chat', false), chat('Chat + bot', true)];
    const c = compareModels(compileForComparison(scenarios));
    const out = caseReportHtml({ scenarios, comparison: c, generatedAt: '2026-01-01T00:00:00Z' });
    expect(out).not.toMatch(/NaN|undefined|Infinity|\[object/);
    expect(out).toContain('AI resolutions in the simulated day');
    for (const label of ['Resolved by AI (gross)', '… came back', '… held (net)']) expect(out).toContain(`data-figure="${label}"`);
    const v = c.scenarios[1].summary;
    expect(v.contained.mean!).toBeGreaterThan(0);
    expect(v.containedNet.mean!).toBeCloseTo(v.contained.mean! - v.containedReturned.mean!, 9);
    const [summary] = caseSummary(c);
    expect(summary.details.some((d) => d.startsWith('AI resolutions in the simulated day: gross 0 → '))).toBe(true);
    // Only chat here: the headline has its row, no voice or email.
    expect(out).toContain('data-figure="Chat service level"');
    expect(out).not.toContain('data-figure="Voice service level"');
  });
});

describe('plan reports (followsun plan --report, --compare --report)', () => {
  const written = async (agents: unknown, name = 'Desk') => {
    const { validateScenario } = await import('../../sim/scenario/scenario');
    return validateScenario(
      {
        name,
        horizon: { start: '2026-03-18T00:00:00Z', days: 1, warmupHours: 2 },
        intervalMinutes: 60,
        replications: 2,
        demand: [{ id: 'calls', language: 'en', volume: { perHour: 30 }, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 120 } }],
        staffing: [
          {
            id: 'desk',
            skills: ['en'],
            cost: { perHour: 30 },
            shifts: [
              { days: 'daily', start: '00:00', end: '12:00', agents: agents as number },
              { days: 'daily', start: '12:00', end: '24:00', agents: 3 },
            ],
          },
        ],
      },
      'test.yaml',
    );
  };
  const outcome = {
    plan: { desk: [{ days: 'daily', start: '00:00', end: '12:00', agents: 4 }] },
    iterations: [
      { iteration: 1, plannedCost: 2000, hoursBelowTarget: 3, uncoveredHours: 0, demandHours: 24, raisedHours: 3 },
      { iteration: 2, plannedCost: 2100, hoursBelowTarget: 0, uncoveredHours: 0, demandHours: 24, raisedHours: 0 },
    ],
    unmet: ['en/voice: no pool that speaks en works voice at those times (1 h with demand)', 'en/voice: the candidate shifts and head-count limits (max, maxAgents) leave 1 h short'],
    met: true,
  };

  it('the plan against the scenario as written: roster, rounds, unmet targets per queue, open head counts', async () => {
    const scenarios = [await written('auto'), await written(4)];
    const c = compareModels(compileForComparison(scenarios));
    const out = caseReportHtml({ scenarios, comparison: c, labels: ['As written', 'Planned'], kind: 'plan', plans: [undefined, outcome], generatedAt: '2026-01-01T00:00:00Z' });
    expect(out).not.toMatch(/NaN|undefined|Infinity|\[object|\(;/);
    expect(out).toContain('<h1 class="question">Staffing plan for Desk</h1>');
    // Paid hours a week: 12 h × 7 days × head count; FTEs ÷ 40.
    const roster = out.match(/<table class="data roster">[\s\S]*?<\/table>/)![0];
    expect(roster.match(/<tr class="shift/g)).toHaveLength(2);
    expect(roster).toMatch(/00:00–12:00<\/td><td class="num"><strong>4<\/strong><\/td><td class="num">336<\/td><td class="num">8\.4<\/td><td class="small">the plan</);
    expect(roster).toMatch(/12:00–24:00<\/td><td class="num"><strong>3<\/strong>[\s\S]*?the file</);
    expect(roster).toMatch(/All pools<\/td><td class="num">7<\/td><td class="num">588<\/td><td class="num">14\.7</);
    expect(out.match(/<table class="data iterations">[\s\S]*?<\/table>/)![0].match(/<tr/g)).toHaveLength(3);
    // One item per queue, its reasons joined.
    expect(out.match(/<ul class="unmet">[\s\S]*?<\/ul>/)![0].match(/<li>/g)).toHaveLength(1);
    expect(out).toContain('data-figure="Cost a week"');
    // As written, open head counts at their minimum: 3 agents; the staffing table says auto.
    expect(out.match(/<table class="data pools">[\s\S]*?<\/table>/)![0]).toMatch(/data-pool="desk"><td>[\s\S]*?<td class="num">3<\/td>[\s\S]*?<td class="num">7<\/td>/);
    expect(out).toContain('<em>auto</em> × daily 00:00–12:00');
  });

  it('plans compared: the title and lead say every scenario was planned to the same targets', async () => {
    const scenarios = [await written(4, 'Desk — A'), await written(5, 'Desk — B')];
    const c = compareModels(compileForComparison(scenarios));
    const out = caseReportHtml({ scenarios, comparison: c, kind: 'planned', plans: [outcome, { ...outcome, plan: { desk: [{ ...outcome.plan.desk[0], agents: 5 }] } }] });
    expect(out).not.toMatch(/NaN|undefined|Infinity|\[object/);
    expect(out).toContain('Which costs less when each is planned to the same targets: A or B?');
    expect(out).toContain('Every scenario was planned to the same targets by followsun plan');
    expect(out.match(/<table class="data roster">/g)).toHaveLength(2);
  });
});
