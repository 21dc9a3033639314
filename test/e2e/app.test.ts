// The web app as a user meets it: built with `vite build`, served from a sub-folder of a plain
// static server, driven in headless Chromium. Expected numbers come from sim/ run here in Node
// (the CLI's code path: parseScenario → compileScenario → simulate, same seed), never from the page.
// Each test starts from its own state: a fresh browser context (no storage left by another test)
// and its own URL (the default page, or a link carrying the scenarios it needs). The tests check
// behaviour, never elapsed time (speed is `npm run bench`'s business), and wait generously, so a
// loaded machine makes them slower, not red.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download, Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReportHtml } from '../../report/case-report';
import { compareModels, compileForComparison } from '../../sim/compare';
import { coverageCsv, gapHoursCsv, intervalsCsv, summaryCsv } from '../../sim/csv';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { compileScenario } from '../../sim/model/model';
import { formatPath, parseScenario, ScenarioError, type Scenario } from '../../sim/scenario/scenario';
import { plan } from '../../sim/plan/planner';
import { simulate } from '../../sim/simulate';
import { formatValue, targetText, waitLabel } from '../../src/lib/format';
import { createDoc, duplicateDoc, editDoc } from '../../src/lib/scenario-doc';
import { decodeState, encodeState, type SharedState } from '../../src/lib/url-state';
import { buildApp, CHROMIUM, dropFile, launch, PATIENCE, ROOT, serve, shotPath, type Browser, type ContextOptions, type StaticServer } from './browser';

const DEFAULT_KEY = 'global-follow-the-sun';
const DEFAULT_FILE = join(ROOT, 'scenarios', `${DEFAULT_KEY}.yaml`);
const DEFAULT_TEXT = readFileSync(DEFAULT_FILE, 'utf8');

function run(text: string): { scenario: Scenario; result: ScenarioResult } {
  const scenario = parseScenario(text, 'x.yaml');
  return { scenario, result: simulate(compileScenario(scenario)) };
}

/** The YAML text with one field changed (what the app's editor does to the file). */
function edited(text: string, path: (string | number)[], value: unknown): string {
  const doc = parseDocument(text);
  doc.setIn(path, value);
  return doc.toString();
}

/** The outsourced pool's biggest shift: the head count the test turns. */
function bpoShift(s: Scenario): { path: (string | number)[]; agents: number } {
  let best: { path: (string | number)[]; agents: number } | null = null;
  s.staffing.forEach((p, i) => {
    if (p.type !== 'outsourced' || !p.shifts) return;
    p.shifts.forEach((sh, k) => {
      if (typeof sh.agents === 'number' && (!best || sh.agents > best.agents)) best = { path: ['staffing', i, 'shifts', k, 'agents'], agents: sh.agents };
    });
  });
  if (!best) throw new Error('the default scenario has no outsourced pool with shifts');
  return best;
}

/** A small scenario the tests drop on the page. */
const DROPPED = {
  name: 'One queue (dropped)',
  horizon: { start: '2026-03-16T00:00:00Z', days: 1, warmupHours: 2 },
  replications: 3,
  demand: [{ id: 'calls', language: 'en', volume: { perHour: 300 }, handleTime: { dist: 'exponential', mean: 180 } }],
  staffing: [{ id: 'team', skills: ['en'], agents: 18 }],
};

/** A small scenario with open shifts: what the Plan test opens. */
const OPEN_TEXT = readFileSync(join(ROOT, 'test', 'fixtures', 'small-open.yaml'), 'utf8');

const app = (page: Page) => page.locator('fs-app');
const headline = (page: Page, figure: string) => page.locator(`fs-app fs-headline [data-figure="${figure}"]`);
/** A channel's card in the headline. */
const channelCard = (page: Page, channel: string) => page.locator(`fs-app fs-headline li[data-channel="${channel}"]`);
const field = (page: Page, path: (string | number)[]) => page.locator(`fs-app fs-scenario-editor input[data-path="${formatPath(path)}"]`);

/** expect.poll with the patience a loaded machine needs (its default gives up after a second). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });

async function waitForRunDone(page: Page): Promise<void> {
  await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
}

async function headlineValue(page: Page, figure: string): Promise<number> {
  return Number(await headline(page, figure).getAttribute('data-value'));
}

async function tab(page: Page, name: string): Promise<void> {
  await page.locator('fs-app [role="tab"]', { hasText: name }).click();
}

/** Does `act` (a click, a key press) make the page download a file? Returns it. */
async function downloadOf(page: Page, act: () => Promise<unknown>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: PATIENCE }), act()]);
  return download;
}

const downloadedText = async (d: Download) => readFileSync((await d.path())!, 'utf8');
const lines = (csv: string) => csv.trimEnd().split('\n');
const csvName = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('web app, built and driven in headless Chromium', { timeout: 600_000 }, () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let base: { scenario: Scenario; result: ScenarioResult };
  const scratch = mkdtempSync(join(tmpdir(), 'followsun-e2e-'));

  /** This test's browser context, page, requests outside the static server and page errors. */
  let context: BrowserContext;
  let page: Page;
  let external: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
    }
    dist = await buildApp();
    server = await serve(dist);
    browser = await launch();
    base = run(DEFAULT_TEXT);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A fresh context (own storage: theme, downloads, nothing left by the test before). */
  async function newContext(options?: ContextOptions): Promise<BrowserContext> {
    const c = await browser.newContext(options);
    c.on('request', (r) => {
      // file: is a downloaded report opened from disk (checked on its own below): not the network.
      if (!['data:', 'blob:', 'file:'].some((scheme) => r.url().startsWith(scheme)) && !r.url().startsWith(server.url)) external.push(r.url());
    });
    c.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    return c;
  }

  beforeEach(async () => {
    external = [];
    pageErrors = [];
    context = await newContext();
    page = await context.newPage();
  }, PATIENCE);

  afterEach(async () => {
    await context?.close();
    expect(pageErrors, 'errors on the page').toEqual([]);
    expect(external, 'requests outside the static server').toEqual([]);
  }, PATIENCE);

  /** A link that opens the app with these scenarios (what "Copy link" writes). */
  const link = async (state: SharedState) => `${server.url}${await encodeState(state)}`;

  /** Opens the app (the default page or a link) on `p` and waits for the first result. */
  async function open(p: Page = page, url = server.url): Promise<void> {
    await p.goto(url);
    await p.locator('fs-app fs-heatmap rect.cell, fs-app fs-compare-view').first().waitFor({ timeout: PATIENCE });
    await waitForRunDone(p);
  }

  /** The default scenario with the BPO's biggest shift turned to 0, and its variant that puts the
   * shift back: the pair the Compare and case report tests look at, as the app's editor makes them. */
  function bpoPair(): { baseText: string; variantText: string; variantFile: string } {
    const shift = bpoShift(base.scenario);
    const edited0 = editDoc(createDoc(DEFAULT_TEXT, `${DEFAULT_KEY}.yaml`, 'example', { exampleKey: DEFAULT_KEY }), shift.path, 0);
    const variant = editDoc(duplicateDoc(edited0, [edited0]), shift.path, shift.agents);
    return { baseText: edited0.text, variantText: variant.text, variantFile: variant.fileName };
  }

  it('opens with the default scenario already simulated, from a sub-folder, without network calls', async () => {
    await open();
    // Reported for information only (the page's own measurement, taken once the result is drawn);
    // speed is not what this checks.
    await page.locator('fs-app[data-first-complete-ms]').waitFor({ state: 'attached', timeout: PATIENCE });
    const firstResultMs = Number(await app(page).getAttribute('data-first-result-ms'));
    const completeMs = Number(await app(page).getAttribute('data-first-complete-ms'));
    console.info(`load to first result: ${firstResultMs} ms after navigation start, all replications ${completeMs} ms`);
    // The first result on screen is the full one, or an early one (a slow machine) from 2 or more.
    expect(firstResultMs).toBeGreaterThan(0);
    const firstReplications = Number(await app(page).getAttribute('data-first-result-replications'));
    expect(firstReplications).toBeGreaterThanOrEqual(2);
    expect(firstReplications).toBeLessThanOrEqual(base.result.replications);
    expect(completeMs).toBeGreaterThanOrEqual(firstResultMs);

    // The numbers the CLI computes for the same scenario and seed, to the last bit: sim/ draws
    // with its own log and exp (sim/kernel/portable-math.ts), not the engines' Math functions, which
    // Node 20 and Chromium round differently for a few percent of arguments.
    expect(await page.locator('fs-app .scenario-title').textContent()).toContain(base.scenario.name);
    const r = base.result;
    for (const figure of ['gapHours', 'uncoveredHours', 'hoursBelowTarget', 'costPerContact', 'costPerResolvedCustomer'] as const) {
      expect(await headlineValue(page, figure), figure).toBe(r.summary[figure].mean);
    }
    // The gap card: uncovered + below target = the total.
    expect(r.summary.uncoveredHours.mean! + r.summary.hoursBelowTarget.mean!).toBe(r.summary.gapHours.mean);
    // One card per channel: its service level against its own target (shown), its wait (time to
    // answer for email) and abandonment; no card for an all-channel service level.
    const channels = Object.keys(r.channels);
    expect(channels).toEqual(expect.arrayContaining(['voice', 'chat', 'email']));
    expect(await page.locator('fs-app fs-headline li[data-channel]').count()).toBe(channels.length);
    for (const c of channels) {
      const card = channelCard(page, c);
      const sl = card.locator('[data-figure="serviceLevel"]');
      expect(Number(await sl.getAttribute('data-value')), c).toBe(r.channels[c].serviceLevel.mean);
      expect(await sl.textContent(), c).toBe(formatValue(r.channels[c].serviceLevel.mean, 'fraction'));
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(`target ${targetText(r.channelTargets[c].target, r.channelTargets[c].thresholdSeconds)}`);
      expect(text).toContain(`${waitLabel(c)} ${formatValue(r.channels[c].asaSeconds.mean, 'seconds')}`);
      expect(Number(await card.locator('[data-figure="abandonRate"]').getAttribute('data-value'))).toBe(r.channels[c].abandonRate.mean);
    }
    expect(await channelCard(page, 'email').textContent()).toContain('Time to answer');
    expect(await channelCard(page, 'voice').textContent()).toContain(formatValue(r.channels.voice.serviceLevel.mean, 'fraction'));
    expect(await page.locator('fs-app fs-headline [data-figure="serviceLevel"]').count()).toBe(channels.length); // only in channel cards
    expect(await page.locator('fs-app fs-headline').textContent()).not.toMatch(/answered within the threshold|overall service level/i);
    expect(await headline(page, 'containedNet').count()).toBe(0); // no AI pool in the default scenario
    await poll(() => page.locator('fs-app fs-run-status .msg').textContent()).toContain(`${base.result.replications} replications`);
    await page.screenshot({ path: shotPath('01-coverage') });

    expect(external, 'requests outside the static server').toEqual([]);
    expect(server.requests.every((p) => p.startsWith('/app/')), server.requests.join(' ')).toBe(true);
  });

  it('shows heatmap cells that match the simulation run in Node with the same seed, every gap figure adding up', async () => {
    await open();
    const cells = await page.locator('fs-app fs-heatmap rect.cell').evaluateAll((els) => els.map((e) => ({ ...(e as SVGElement).dataset })));
    const r = base.result;
    // One row per language × channel, each against its own channel's target.
    expect(cells.length).toBe(r.coverage.length * 168);

    // Expected, computed here from sim/'s hourly flags: the display zone is UTC and the horizon one
    // week, so hour k of the horizon is the column of its UTC weekday (Monday first) and hour.
    const start = Date.parse(r.start);
    const columnOf = (k: number) => {
      const d = new Date(start + k * 3_600_000);
      return ((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours();
    };
    const expected = new Map<string, { offered: number; uncovered: number; below: number; sl: number | null; target: number }>();
    for (const q of r.coverage) {
      q.hours.offered.forEach((offered, k) => {
        expected.set(`${q.language}/${q.channel}|${columnOf(k)}`, { offered, uncovered: q.hours.uncovered[k], below: q.hours.belowTarget[k], sl: q.hours.serviceLevel[k], target: q.target });
      });
    }
    let hatched = 0;
    let below = 0;
    for (const c of cells) {
      const e = expected.get(`${c.language}/${c.channel}|${c.column}`)!;
      expect(e, `${c.language}/${c.channel} ${c.column}`).toBeDefined();
      expect(Number(c.offered)).toBeCloseTo(e.offered, 9);
      expect(Number(c.uncovered)).toBe(e.uncovered);
      expect(Number(c.below)).toBe(e.below);
      expect(Number(c.target)).toBe(e.target);
      if (e.offered > 0) expect(Number(c.sl)).toBeCloseTo(e.sl!, 9);
      hatched += e.uncovered;
      below += e.below;
    }
    // The flags are sim/'s figures: hatched cells = uncovered hours, below-target cells = hours below target.
    expect(hatched).toBe(r.summary.uncoveredHours.mean);
    expect(below).toBe(r.summary.hoursBelowTarget.mean);
    expect(hatched).toBeGreaterThan(0); // the default week has hours nobody covers
    expect(await page.locator('fs-app fs-heatmap rect.cell[data-channel="email"][data-uncovered="1"]').count()).toBe(0); // an email waits for the next shift
    // Hatched cells use the pattern, not a colour.
    const fill = await page.locator('fs-app fs-heatmap rect.cell[data-uncovered="1"]').first().getAttribute('style');
    expect(fill).toMatch(/url\(#hatch-/);

    // Each row's gap columns are its queue's figures, and its cells add up to them.
    const rows = await page.locator('fs-app fs-heatmap g[role="row"]').evaluateAll((els) =>
      els.map((g) => ({
        key: g.getAttribute('data-queue')!,
        uncovered: Number(g.querySelector('text[data-uncovered]')!.getAttribute('data-uncovered')),
        below: Number(g.querySelector('text[data-below]')!.getAttribute('data-below')),
        gap: Number(g.querySelector('text[data-gap]')!.getAttribute('data-gap')),
      })),
    );
    expect(rows.map((row) => row.key).sort()).toEqual(Object.keys(r.queues).sort());
    for (const row of rows) {
      const q = r.queues[row.key];
      expect(row.uncovered, row.key).toBe(q.uncoveredHours.mean);
      expect(row.below, row.key).toBe(q.hoursBelowTarget.mean);
      expect(row.gap, row.key).toBe(q.gapHours.mean);
      const own = cells.filter((c) => `${c.language}/${c.channel}` === row.key);
      expect(own.reduce((n, c) => n + Number(c.uncovered), 0)).toBe(row.uncovered);
      expect(own.reduce((n, c) => n + Number(c.below), 0)).toBe(row.below);
    }

    // The caption: total = uncovered + below target = Σ its languages = Σ rows = the summary.
    const caption = page.locator('fs-app fs-heatmap figcaption');
    const total = Number(await caption.getAttribute('data-gap'));
    const languages = await caption.locator('[data-language]').evaluateAll((els) => els.map((e) => ({ language: e.getAttribute('data-language')!, gap: Number(e.getAttribute('data-gap')) })));
    expect(languages.map((l) => l.language).sort()).toEqual(Object.keys(r.languages).sort());
    expect(total).toBe(languages.reduce((n, l) => n + l.gap, 0));
    expect(total).toBe(rows.reduce((n, row) => n + row.gap, 0));
    expect(total).toBe(r.summary.gapHours.mean);
    expect(Number(await caption.getAttribute('data-uncovered')) + Number(await caption.getAttribute('data-below'))).toBe(total);
    for (const l of languages) expect(l.gap, l.language).toBe(r.languages[l.language].gapHours.mean);
    const text = (await caption.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(`Coverage gap ${formatValue(total, 'hours')} = ${formatValue(r.summary.uncoveredHours.mean, 'hours')} uncovered`);
    for (const l of languages) expect(text).toContain(`${l.language} ${formatValue(l.gap, 'hours')}`);
    expect(text).not.toMatch(/target 82\.5|against 81\.0/);

    // One channel: its rows alone, its own figures in the caption.
    await page.locator('fs-app #channel').selectOption('voice');
    await poll(() => page.locator('fs-app fs-heatmap rect.cell').count()).toBe(r.coverage.filter((q) => q.channel === 'voice').length * 168);
    expect(Number(await caption.getAttribute('data-gap'))).toBe(r.channels.voice.gapHours.mean);
    const voiceLanguages = await caption.locator('[data-language]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-gap'))));
    expect(voiceLanguages.reduce((n, g) => n + g, 0)).toBe(r.channels.voice.gapHours.mean);
    await page.screenshot({ path: shotPath('01b-coverage-voice') });
  });

  it("shows an hour's details on click and with the keyboard", async () => {
    await open();
    const cell = page.locator('fs-app fs-heatmap rect.cell[data-uncovered="1"][data-channel="voice"]').first();
    await cell.click();
    const details = page.locator('fs-app fs-heatmap [aria-label="Details of the selected hour"]');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('Uncovered');
    expect(text).toMatch(/Offered[\s\S]*Answered[\s\S]*Abandoned[\s\S]*Service level[\s\S]*Target[\s\S]*ASA[\s\S]*On the phones[\s\S]*Required on the phones[\s\S]*Required scheduled/);
    expect(text).toMatch(/Agents on the phones by pool/);
    // Answered and abandoned are sim/'s own counts per queue and interval, summed over the hour;
    // required agents the mean over the hour's intervals, on the phones and scheduled.
    const r = base.result;
    const language = await cell.getAttribute('data-language');
    const hourStart = Date.parse((await cell.getAttribute('data-start'))!);
    const inHour = r.intervals.map((_, i) => i).filter((i) => Math.floor((Date.parse(r.start) + i * r.intervalMinutes * 60_000 - hourStart) / 3_600_000) === 0);
    expect(inHour).toHaveLength(60 / r.intervalMinutes);
    const rows = await details.locator('tr[data-channel]').evaluateAll((els) => els.map((e) => ({ ...(e as HTMLElement).dataset })));
    const queues = r.coverage.filter((q) => q.language === language);
    expect(rows.map((row) => row.channel).sort()).toEqual(queues.map((q) => q.channel).sort());
    expect(rows[0].channel).toBe('voice'); // the selected queue first
    const sum = (xs: number[]) => inHour.reduce((s, i) => s + xs[i], 0);
    let abandonedSomewhere = 0;
    for (const q of queues) {
      const row = rows.find((x) => x.channel === q.channel)!;
      expect(Number(row.answered), `${q.channel} answered`).toBeCloseTo(sum(q.answered), 9);
      expect(Number(row.abandoned), `${q.channel} abandoned`).toBeCloseTo(sum(q.abandoned), 9);
      expect(Number(row.target), `${q.channel} target`).toBe(r.channelTargets[q.channel].target);
      expect(Number(row.required), `${q.channel} required`).toBeCloseTo(sum(q.requiredAgents) / inHour.length, 9);
      expect(Number(row.requiredScheduled), `${q.channel} required scheduled`).toBeCloseTo(sum(q.requiredScheduled) / inHour.length, 9);
      abandonedSomewhere += sum(q.abandoned);
    }
    expect(abandonedSomewhere).toBeGreaterThan(0); // a no-coverage hour loses callers
    await page.screenshot({ path: shotPath('02-cell-details') });
    await page.keyboard.press('Escape');
    await poll(() => details.count()).toBe(0);

    // Keyboard: the focused cell moves with the arrows, Enter opens the details.
    const first = page.locator('fs-app fs-heatmap rect.cell[tabindex="0"]');
    await first.focus();
    const before = Number(await first.getAttribute('data-column'));
    const row = Number(await first.getAttribute('data-row'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const focused = page.locator('fs-app fs-heatmap rect.cell[tabindex="0"]');
    expect(Number(await focused.getAttribute('data-column'))).toBe(before + 1);
    expect(await focused.getAttribute('data-row')).toBe(String(row + 1));
    await page.screenshot({ path: shotPath('02b-keyboard-focus') });
    await page.keyboard.press('Enter');
    await details.waitFor();
    expect(await details.textContent()).toContain(await focused.getAttribute('data-language'));
    await page.keyboard.press(' ');
    await details.waitFor();
  });

  it('switches the display time zone of the heatmap', async () => {
    await open();
    const zone = 'Asia/Tokyo';
    await page.locator('fs-app #tz').selectOption(zone);
    // The cell for Monday 09:00 Tokyo holds the interval starting Monday 00:00 UTC.
    const cell = page.locator('fs-app fs-heatmap rect.cell[data-row="0"][data-column="9"]');
    await poll(() => cell.getAttribute('data-start')).toBe(base.result.start);
    await page.locator('fs-app #tz').selectOption('UTC');
    await poll(() => page.locator('fs-app fs-heatmap rect.cell[data-row="0"][data-column="0"]').getAttribute('data-start')).toBe(base.result.start);
  });

  it('downloads the summary, interval, coverage and gap-hours tables as CSV, the same the CLI writes for this seed', async () => {
    await open();
    const r = base.result;
    const group = page.getByRole('group', { name: 'Download the results' });
    const expected = {
      summary: summaryCsv(r, 'global-follow-the-sun.yaml'),
      intervals: intervalsCsv(r),
      coverage: coverageCsv(r),
      'gap-hours': gapHoursCsv(r),
    };
    for (const [kind, label] of [
      ['summary', 'Summary CSV'],
      ['intervals', 'Intervals CSV'],
      ['coverage', 'Coverage CSV'],
      ['gap-hours', 'Gap hours CSV'],
    ] as const) {
      const button = group.getByRole('button', { name: label });
      // The first with the mouse, the others with the keyboard.
      const download = await downloadOf(page, async () => {
        if (kind === 'summary') await button.click();
        else {
          await button.focus();
          await page.keyboard.press(kind === 'intervals' ? 'Enter' : ' ');
        }
      });
      expect(download.suggestedFilename()).toBe(`global-follow-the-sun-${kind}.csv`);
      const csv = await downloadedText(download);
      const rows = lines(csv);
      if (kind === 'intervals') expect(rows).toHaveLength(r.intervals.length + 1);
      if (kind === 'coverage') expect(rows).toHaveLength(r.intervals.length * r.coverage.length + 1);
      if (kind === 'summary') expect(rows.find((l) => l.includes(',gapHours,'))).toBe(`${csvName(r.name)},global-follow-the-sun.yaml,gapHours,${r.summary.gapHours.mean},${r.summary.gapHours.ci95![0]},${r.summary.gapHours.ci95![1]}`);
      // Every value, to the last digit: the browser's run is bit-identical to Node's.
      expect(csv).toBe(expected[kind]);
    }
    await poll(() => page.locator('fs-app .toast').textContent()).toContain('global-follow-the-sun-gap-hours.csv');
    await page.screenshot({ path: shotPath('03a-csv-downloaded') });
  });

  it('draws the waits, staffing and cost views with axes, legends and text summaries', async () => {
    await open();
    await page.setViewportSize({ width: 1440, height: 1900 });
    for (const [name, selector] of [
      ['Waits', 'fs-waits-view fs-time-chart'],
      ['Staffing', 'fs-staffing-view fs-time-chart'],
      ['Cost', 'fs-cost-view fs-bar-chart'],
    ] as const) {
      await tab(page, name);
      const chart = page.locator(`fs-app ${selector}`).first();
      await chart.waitFor();
      await poll(() => chart.locator('.axis .tick').count()).toBeGreaterThan(2);
      expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toBeTruthy();
      expect((await chart.locator('figcaption').textContent())?.length).toBeGreaterThan(20);
      await page.screenshot({ path: shotPath(`03-${name.toLowerCase()}`) });
    }
    // The staffing chart stacks every human pool; the occupancy chart has a line per pool against 85 %.
    await tab(page, 'Staffing');
    const [stacked, occupancy] = [0, 1].map((k) => page.locator('fs-app fs-staffing-view fs-time-chart').nth(k));
    const legend = (await stacked.locator('.legend').textContent()) ?? '';
    for (const id of Object.keys(base.result.staffing)) expect(legend).toContain(id);
    const occupancyLegend = (await occupancy.locator('.legend').textContent()) ?? '';
    for (const id of Object.keys(base.result.occupancy)) expect(occupancyLegend).toContain(id);
    expect(await occupancy.locator('line.reference').count()).toBe(1);
  });

  it('changes the gap hours when the BPO head count changes, with messages next to a bad value', async () => {
    await open();
    const shift = bpoShift(base.scenario);
    const input = field(page, shift.path);
    expect(await input.inputValue()).toBe(String(shift.agents));

    // A bad value: the schema's message next to the field, nothing runs.
    await input.fill('-3');
    await input.press('Tab');
    const message = page.locator('fs-app fs-scenario-editor .error');
    await poll(() => message.textContent()).toContain('expected a whole number ≥ 0, got -3');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await page.locator('fs-app fs-run-status[phase="invalid"]').waitFor();
    await page.screenshot({ path: shotPath('04-field-error') });

    // No BPO night shift: more gap hours, the same figure the CLI computes for that file.
    const before = await headlineValue(page, 'gapHours');
    await input.fill('0');
    await input.press('Tab');
    const changed = run(edited(DEFAULT_TEXT, shift.path, 0));
    await poll(() => headlineValue(page, 'gapHours')).toBe(changed.result.summary.gapHours.mean);
    await waitForRunDone(page);
    expect(changed.result.summary.gapHours.mean!).toBeGreaterThan(before);
    expect(await message.count()).toBe(0);
  });

  it('compares a variant with deltas and confidence intervals, heatmaps side by side', async () => {
    await open();
    const shift = bpoShift(base.scenario);
    // The baseline: no BPO night shift.
    const baseInput = field(page, shift.path);
    await baseInput.fill('0');
    await baseInput.press('Tab');
    await poll(() => headlineValue(page, 'gapHours')).toBe(run(bpoPair().baseText).result.summary.gapHours.mean);
    await page.getByRole('button', { name: 'Duplicate as variant' }).click();
    await poll(() => page.locator('fs-app fs-scenario-list li').count()).toBe(5);
    expect(await page.locator('fs-app .scenario-title').textContent()).toContain('(variant 2)');
    // The variant gets the BPO night shift back.
    const input = field(page, shift.path);
    await input.fill(String(shift.agents));
    await input.press('Tab');

    // Download: the variant as YAML, the file's comments kept, readable by the CLI's parser.
    const download = await downloadOf(page, () => page.getByRole('button', { name: 'Download YAML' }).click());
    expect(download.suggestedFilename()).toMatch(/-variant-2\.yaml$/);
    const yaml = readFileSync((await download.path())!, 'utf8');
    const firstComment = DEFAULT_TEXT.split('\n').find((l) => l.startsWith('#'));
    if (firstComment) expect(yaml).toContain(firstComment);
    const downloaded = parseScenario(yaml, download.suggestedFilename());
    expect(downloaded.name).toMatch(/\(variant 2\)$/);
    expect(parseDocument(yaml).getIn(shift.path)).toBe(shift.agents);

    await tab(page, 'Compare');

    const delta = page.locator('fs-app fs-compare-view [data-scenario="1"][data-figure="gapHours"] .delta');
    await delta.waitFor({ timeout: PATIENCE });
    // Expected: the CLI's comparison of the two files (common random numbers).
    const baseline = parseScenario(edited(DEFAULT_TEXT, shift.path, 0), 'a.yaml');
    expect(yaml).toBe(bpoPair().variantText); // the pair the case report test opens by link
    const expected = compareModels(compileForComparison([baseline, downloaded]));
    const d = expected.deltas[1]!.gapHours;
    expect(Number(await delta.getAttribute('data-delta'))).toBe(d.mean);
    expect(await delta.getAttribute('data-ci')).toBe(d.ci95!.join(','));
    expect(d.mean!).toBeLessThan(0);
    expect(await delta.getAttribute('data-significant')).toBe(String(d.ci95![0] > 0 || d.ci95![1] < 0));
    expect(await delta.textContent()).toContain('95% CI');
    const shownDelta = async (figure: string) => Number(await page.locator(`fs-app fs-compare-view [data-scenario="1"][data-figure="${figure}"] .delta`).getAttribute('data-delta'));
    for (const figure of ['costPerContact', 'costPerResolvedCustomer', 'costPerMonth'] as const) {
      const want = expected.deltas[1]![figure].mean!;
      expect(Math.abs((await shownDelta(figure)) - want), figure).toBeLessThanOrEqual(1e-9 * Math.abs(expected.scenarios[1].summary[figure].mean!));
    }
    // Service per channel, each against its own target, with its own paired delta: no blend.
    for (const c of Object.keys(expected.scenarios[0].channels)) {
      for (const figure of ['serviceLevel', 'abandonRate'] as const) {
        expect(await shownDelta(`channel.${c}.${figure}`), `${c} ${figure}`).toBe(expected.channelDeltas[1]![c][figure].mean);
      }
      const label = await page.locator(`fs-app fs-compare-view [data-scenario="0"][data-figure="channel.${c}.serviceLevel"] .label`).textContent();
      expect(label).toContain(targetText(expected.scenarios[0].channelTargets[c].target, expected.scenarios[0].channelTargets[c].thresholdSeconds));
    }
    expect(await page.locator('fs-app fs-compare-view [data-figure="serviceLevel"]').count()).toBe(0);
    expect(await page.locator('fs-app fs-compare-view fs-heatmap').count()).toBe(2);
    await page.setViewportSize({ width: 1440, height: 1250 });
    await page.screenshot({ path: shotPath('05-compare') });
  });

  it('downloads the case report the CLI writes for the same two scenarios and seed', async () => {
    // Its own link: the edited default scenario and its variant, chosen in Compare (the pair the
    // test above makes with the editor).
    const { baseText, variantText, variantFile } = bpoPair();
    const url = await link({
      v: 1,
      docs: [
        { f: `${DEFAULT_KEY}.yaml`, t: baseText, o: 'example', ex: DEFAULT_KEY },
        { f: variantFile, t: variantText, o: 'variant', ex: DEFAULT_KEY },
      ],
      active: 1,
      view: 'compare',
      cmp: [0, 1],
    });
    await page.goto(url);
    const scenarios = [parseScenario(baseText, 'a.yaml'), parseScenario(variantText, 'b.yaml')];
    const comparison = compareModels(compileForComparison(scenarios));
    const name = 'case-global-follow-the-sun-vs-global-follow-the-sun-variant-2.html';
    await page.locator('fs-app fs-compare-view [data-scenario="1"][data-figure="gapHours"] .delta').waitFor({ timeout: PATIENCE });
    const button = page.locator('fs-app fs-compare-view').getByRole('button', { name: 'Download case report (HTML)' });
    expect(await button.isEnabled()).toBe(true);
    const download = await downloadOf(page, () => button.click());
    expect(download.suggestedFilename()).toBe(name);
    const file = join(scratch, name);
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link /); // self-contained, nothing to fetch

    // Expected: the CLI's report of the same two scenarios (report/case-report.ts run here, in
    // Node, on sim/'s comparison with common random numbers).
    const cli = caseReportHtml({ scenarios, files: ['a.yaml', 'b.yaml'], comparison, generatedAt: '2026-01-01T00:00:00Z' });

    // Both opened in the same Chromium: the downloaded file from disk, the CLI's from a string.
    const report = await context.newPage();
    const fetched: string[] = [];
    report.on('request', (req) => fetched.push(req.url()));
    await report.goto(pathToFileURL(file).href);
    const reference = await context.newPage();
    await reference.setContent(cli);
    const text = (p: Page, selector: string) => p.locator(selector).evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()));

    expect(await report.locator('svg[role="img"]').count()).toBe(7); // 2 heatmaps, SL, abandonment, 2 cost, efficiency
    expect(await reference.locator('svg[role="img"]').count()).toBe(7);
    expect(await report.locator('h1').innerText()).toBe(await reference.locator('h1').innerText());
    const headline = await text(report, '.summary .variant .headline');
    expect(headline).toHaveLength(1);
    expect(headline[0]).toMatch(/^Moving from /);
    expect(headline).toEqual(await text(reference, '.summary .variant .headline'));
    expect(await text(report, '.summary .variant li')).toEqual(await text(reference, '.summary .variant li'));
    expect(await text(report, 'table.headline-figures')).toEqual(await text(reference, 'table.headline-figures'));
    // The gap hours closed a week, as the report prints it, is the paired difference sim/ computes.
    const gapRow = await report.locator('table.headline-figures tbody tr', { hasText: 'Gap hours' }).first().innerText();
    const weekly = (comparison.deltas[1]!.gapHours.mean! * 7) / ((Date.parse(comparison.scenarios[0].end) - Date.parse(comparison.scenarios[0].start)) / 86_400_000);
    expect(weekly).toBeLessThan(0);
    const closed = Math.abs(weekly);
    const digits = closed >= 10 ? 0 : 1;
    expect(gapRow).toContain(`−${closed.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} h`);
    // The assumptions name the files as the app has them.
    const files = (await report.locator('section.assumptions').innerText()).replace(/\s+/g, ' ');
    expect(files).toContain('global-follow-the-sun.yaml (edited in the app)');
    expect(files).toContain('global-follow-the-sun-variant-2.yaml');
    expect(fetched.every((u) => u.startsWith('file:')), fetched.join(' ')).toBe(true);
    await report.setViewportSize({ width: 1280, height: 2400 });
    await report.screenshot({ path: shotPath('05b-case-report') });
    await reference.close();
    await report.close();

    // From the results toolbar of another view: the same comparison, the same report.
    await tab(page, 'Coverage');
    const again = await downloadOf(page, () => page.getByRole('group', { name: 'Download the results' }).getByRole('button', { name: 'Case report (HTML)' }).click());
    expect(again.suggestedFilename()).toBe(name);
    const second = await downloadedText(again);
    const stamp = /Generated by followsun on [^.]*\./;
    expect(second.replace(stamp, '')).toBe(html.replace(stamp, ''));
    await page.screenshot({ path: shotPath('05c-results-toolbar') });
  });

  it('reports a broken file readably and keeps the scenario on screen; opens good files dropped on the page', async () => {
    await open();
    const title = await page.locator('fs-app .scenario-title').textContent();
    const gap = await headlineValue(page, 'gapHours');
    const broken = [
      'name: Broken',
      'horizon: { start: 2026-03-16T00:00:00Z, days: 1 }',
      'demand:',
      '  - { id: calls, language: en, volume: { perHour: 100 }, handleTime: { dist: exponential, mean: 180 } }',
      'staffing:',
      '  - { id: team, skills: [en], agents: -3 }',
      '',
    ].join('\n');
    let problems: string[] = [];
    try {
      parseScenario(broken, 'broken.yaml');
    } catch (e) {
      problems = (e as ScenarioError).problems;
    }
    expect(problems.length).toBeGreaterThan(0);
    await page.locator('fs-app input[type="file"]').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    const alert = page.locator('fs-app [data-notice="error"]');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    for (const p of problems) expect(text).toContain(p);
    expect(text).toContain('Could not open broken.yaml');
    expect(await page.locator('fs-app .scenario-title').textContent()).toBe(title);
    expect(await headlineValue(page, 'gapHours')).toBe(gap);
    expect(await page.locator('fs-app fs-scenario-list li').count()).toBe(4);
    await page.screenshot({ path: shotPath('06-broken-file') });

    // Not YAML at all.
    await page.locator('fs-app input[type="file"]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ "name": "x", ') });
    await poll(() => alert.textContent()).toContain('notes.json');
    await poll(() => alert.textContent()).toContain('not valid YAML or JSON');
    expect(await page.locator('fs-app .scenario-title').textContent()).toBe(title);

    // Saved as Latin-1: refused at its line, as the CLI refuses it, not read with é replaced.
    const latin1 = Buffer.concat([Buffer.from('name: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    await page.locator('fs-app input[type="file"]').setInputFiles({ name: 'latin1.yaml', mimeType: 'text/yaml', buffer: latin1 });
    await poll(() => alert.textContent()).toContain('latin1.yaml:1: not UTF-8 text (a byte 0xE9');
    expect(await page.locator('fs-app .scenario-title').textContent()).toBe(title);

    // A good JSON file dropped on the page opens and runs.
    const good = JSON.stringify(DROPPED);
    await dropFile(page, 'one-queue.json', good);
    await poll(() => page.locator('fs-app .scenario-title').textContent()).toBe('One queue (dropped)');
    await waitForRunDone(page);
    const expectedGood = run(good).result;
    expect(Number(await channelCard(page, 'voice').locator('[data-figure="serviceLevel"]').getAttribute('data-value'))).toBe(expectedGood.channels.voice.serviceLevel.mean);
    expect(await headlineValue(page, 'gapHours')).toBe(expectedGood.summary.gapHours.mean);
    expect(await alert.count()).toBe(0); // a file that opens clears the old message
  });

  it('keeps responding while a long run is in progress, and a new run replaces it', async () => {
    await open();
    const replications = field(page, ['replications']);
    await replications.fill('400');
    await replications.press('Tab');
    const progress = page.locator('fs-app fs-run-status [data-progress]');
    await progress.waitFor({ timeout: PATIENCE });
    const done = async () => Number(((await progress.getAttribute('data-progress')) ?? '0/0').split('/')[0]);
    await poll(done).toBeGreaterThan(0);
    expect(await progress.getAttribute('data-progress')).toMatch(/\/400$/);

    // While it runs, the replications so far are on screen, said to be early, and exactly what a
    // run of that many replications gives (note and headline read in one go: they update together).
    const note = page.locator('fs-app fs-results-bar [data-early]');
    await note.waitFor({ timeout: PATIENCE });
    expect(await note.textContent()).toMatch(/Early result from the first \d+ of 400 replications/);
    const shown = await page.locator('fs-app').evaluate((app) => {
      const inside = (host: Element | null | undefined, selector: string) => host?.shadowRoot?.querySelector(selector);
      const headline = inside(app, 'fs-headline');
      return {
        replications: Number(inside(inside(app, 'fs-results-bar'), '[data-early]')?.getAttribute('data-early')),
        gapHours: Number(inside(headline, '[data-figure="gapHours"]')?.getAttribute('data-value')),
        stale: headline?.hasAttribute('stale'),
      };
    });
    expect(shown.replications).toBeGreaterThanOrEqual(2);
    expect(shown.stale).toBe(false);
    const early = run(edited(DEFAULT_TEXT, ['replications'], shown.replications)).result;
    expect(shown.gapHours).toBe(early.summary.gapHours.mean);

    // The page answers while the worker simulates: every tab opens, and the run goes on meanwhile.
    // (How fast is `npm run bench`'s business, not a test's.)
    const doneBefore = await done();
    for (const name of ['Waits', 'Staffing', 'Cost', 'Coverage']) {
      await tab(page, name);
      await poll(() => page.locator('fs-app [role="tab"][aria-selected="true"]').textContent()).toContain(name);
      expect(await page.locator('fs-app fs-run-status').getAttribute('phase')).toBe('running');
    }
    await poll(done).toBeGreaterThan(Math.max(doneBefore, 2)); // still running meanwhile
    expect(await page.locator('fs-app fs-run-status').getAttribute('phase')).toBe('running');
    await page.screenshot({ path: shotPath('07-long-run') });

    // A new run (another seed) cancels the old one and starts from zero.
    const reached = await done();
    const seed = field(page, ['seed']);
    await seed.fill('7');
    await seed.press('Tab');
    await poll(done).toBeLessThan(reached);
    expect(await progress.getAttribute('data-progress')).toMatch(/\/400$/);
    await page.locator('fs-app fs-run-status').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('fs-app fs-run-status[phase="idle"]').waitFor();
    await replications.fill('10');
    await replications.press('Tab');
    await waitForRunDone(page);
    // What is on screen is the new run's: seed 7.
    expect(await page.locator('fs-app fs-run-status .msg').textContent()).toMatch(/10 replications[\s\S]*seed 7\b/);
  });

  it('puts the view in the URL: a link reproduces it', async () => {
    await open();
    await tab(page, 'Waits');
    await page.locator('fs-app #tz').selectOption('Asia/Manila');
    // The hash is written shortly after a change: wait until it holds the view.
    const stateInUrl = async () => decodeState(new URL(page.url()).hash);
    await poll(async () => {
      const state = await stateInUrl();
      return state ? `${state.view} ${state.tz}` : '';
    }).toBe('waits Asia/Manila');
    const url = page.url();
    const title = await page.locator('fs-app .scenario-title').textContent();
    const gap = await headlineValue(page, 'gapHours');
    const scenarios = await page.locator('fs-app fs-scenario-list li').count();

    // Opened elsewhere: another context, nothing shared with the first but the link.
    const elsewhere = await newContext();
    try {
      const other = await elsewhere.newPage();
      await other.goto(url);
      await other.locator('fs-app fs-waits-view fs-time-chart').first().waitFor({ timeout: PATIENCE });
      await waitForRunDone(other);
      expect(await other.locator('fs-app .scenario-title').textContent()).toBe(title);
      expect(await other.locator('fs-app #tz').inputValue()).toBe('Asia/Manila');
      expect(await other.locator('fs-app [role="tab"][aria-selected="true"]').textContent()).toContain('Waits');
      expect(await headlineValue(other, 'gapHours')).toBe(gap);
      expect(await other.locator('fs-app fs-scenario-list li').count()).toBe(scenarios);
    } finally {
      await elsewhere.close();
    }
  });

  it('fits long currencies in the headline and compare cards and says in the header which scenario is on screen', async () => {
    // A variant in Mexican pesos: seven-figure amounts with a three-letter symbol (MX$1,504,189).
    const text = edited(edited(DEFAULT_TEXT, ['currency'], 'MXN'), ['name'], `${base.scenario.name} (variant 2)`);
    await open(page, await link({ v: 1, docs: [{ ex: DEFAULT_KEY }, { f: `${DEFAULT_KEY}-variant-2.yaml`, t: text, o: 'variant', ex: DEFAULT_KEY }], active: 1, cmp: [1, 0] }));
    /** Values that do not fit their card: wider than their box, past the card's edge, or wrapped. */
    const overflowing = (cards: string) =>
      page.locator(cards).evaluateAll((els) =>
        els.flatMap((card) => {
          const value = card.querySelector('.value') as HTMLElement;
          const box = card.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(value);
          const ink = range.getBoundingClientRect();
          const lineHeight = parseFloat(getComputedStyle(value).fontSize) * 1.5;
          const fits = value.scrollWidth <= value.clientWidth + 1 && ink.right <= box.right - 4 && ink.height < 2 * lineHeight;
          return fits ? [] : [`${card.getAttribute('data-figure') ?? card.getAttribute('data-channel')}: ${value.textContent}`];
        }),
      );
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ]) {
      await page.setViewportSize({ width, height });
      await tab(page, 'Coverage');
      expect(await overflowing('fs-app fs-headline li'), `headline ${width}×${height}`).toEqual([]);
      expect(await headline(page, 'costPerContact').locator('.value').textContent()).toMatch(/^MX\$/);
      // The header names the scenario in full (its end tells the examples apart) and what it is.
      const title = page.locator('fs-app .scenario-title');
      expect(await title.textContent()).toBe(`${base.scenario.name} (variant 2)`);
      expect(await title.evaluate((e) => e.scrollHeight <= e.clientHeight + 1)).toBe(true);
      expect(await page.locator('fs-app fs-header [data-kind]').textContent()).toContain('variant 2');
      await page.screenshot({ path: shotPath(`08b-long-currency-${width}x${height}`) });
      // Compare: the monthly cost, seven figures, in a card a quarter of the width.
      await tab(page, 'Compare');
      await page.locator('fs-app fs-compare-view [data-scenario="1"][data-figure="costPerMonth"]').waitFor({ timeout: PATIENCE });
      expect(await page.locator('fs-app fs-compare-view [data-figure="costPerMonth"] .value').first().textContent()).toMatch(/^MX\$\d{1,3}(,\d{3}){2}$/);
      expect(await overflowing('fs-app fs-compare-view .figure'), `compare ${width}×${height}`).toEqual([]);
    }
  });

  it('has a dark theme, a presentation mode and labelled controls', async () => {
    await open();
    await page.getByRole('button', { name: /^Theme: Auto/ }).click(); // → light
    await page.getByRole('button', { name: /^Theme: Light/ }).click(); // → dark
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: shotPath('08-dark') });
    await page.getByRole('button', { name: 'Present' }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: shotPath('09-present-1280x720') });
    await page.getByRole('button', { name: 'Present' }).click();
    await page.getByRole('button', { name: /^Theme: Dark/ }).click(); // → auto
    // Every form control has an accessible name.
    const unnamed = await page.evaluate(() => {
      const all: Element[] = [];
      const walk = (root: Document | ShadowRoot) => {
        root.querySelectorAll('input, select, button, textarea').forEach((e) => all.push(e));
        root.querySelectorAll('*').forEach((e) => e.shadowRoot && walk(e.shadowRoot));
      };
      walk(document);
      return all
        .filter((e) => (e as HTMLInputElement).type !== 'file')
        .filter((e) => {
          const el = e as HTMLInputElement;
          const labelled = el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (e.textContent ?? '').trim();
          return !labelled;
        })
        .map((e) => e.outerHTML.slice(0, 80));
    });
    expect(unnamed).toEqual([]);
  });

  it('makes the case report from the results toolbar, running the comparison first when it has not run', async () => {
    // Its own link: the small scenario, as a file that was opened.
    await open(page, await link({ v: 1, docs: [{ f: 'one-queue.json', t: JSON.stringify(DROPPED), o: 'file' }], active: 0 }));
    expect(await page.locator('fs-app .scenario-title').textContent()).toBe('One queue (dropped)');
    await page.getByRole('button', { name: 'Duplicate as variant' }).click();
    const agents = field(page, ['staffing', 0, 'agents']);
    await agents.fill('22');
    await agents.press('Tab');
    // Still on Coverage: the comparison of the two has not run yet.
    expect(await page.locator('fs-app [role="tab"][aria-selected="true"]').textContent()).toContain('Coverage');
    const button = page.getByRole('group', { name: 'Download the results' }).getByRole('button', { name: 'Case report (HTML)' });
    const download = await downloadOf(page, () => button.click());
    expect(download.suggestedFilename()).toBe('case-one-queue-vs-one-queue-variant-2.html');
    const html = await downloadedText(download);

    const scenarios = [parseScenario(JSON.stringify(DROPPED), 'a.json'), parseScenario(JSON.stringify({ ...DROPPED, name: `${DROPPED.name} (variant 2)`, staffing: [{ ...DROPPED.staffing[0], agents: 22 }] }), 'b.json')];
    const cli = caseReportHtml({ scenarios, comparison: compareModels(compileForComparison(scenarios)) });
    const report = await context.newPage();
    await report.setContent(html);
    const reference = await context.newPage();
    await reference.setContent(cli);
    const summary = (p: Page) => p.locator('.summary .variant').innerText();
    expect(await summary(report)).toBe(await summary(reference));
    expect(await report.locator('svg[role="img"]').count()).toBe(await reference.locator('svg[role="img"]').count());
    expect((await report.locator('section.assumptions').innerText()).replace(/\s+/g, ' ')).toMatch(/one-queue\.json.*one-queue-variant-2\.yaml/);
    await report.close();
    await reference.close();
  });

  it('plans the open shifts of an opened file in the worker, shows the roster, and adopts it as a variant', async () => {
    // The planner run here in Node: the page runs the same code, so the same plan.
    const scenario = parseScenario(OPEN_TEXT, 'small-open.yaml');
    const expected = await plan(scenario, { simulate: (m) => simulate(m) });
    await open();
    await page.locator('fs-app input[type="file"]').setInputFiles({ name: 'small-open.yaml', mimeType: 'text/yaml', buffer: Buffer.from(OPEN_TEXT) });
    await poll(() => page.locator('fs-app .scenario-title').textContent()).toContain('Open shifts (small)');
    await waitForRunDone(page);
    const panel = page.locator('fs-app fs-plan-panel');
    expect(await panel.locator('section').textContent()).toContain('3 head counts');

    await page.screenshot({ path: shotPath('10a-plan-open-shifts') });
    // The Plan button works from the keyboard; progress, then the roster.
    const planButton = panel.getByRole('button', { name: 'Plan', exact: true });
    await planButton.focus();
    await page.keyboard.press('Enter');
    await panel.locator('[data-plan-phase="done"]').waitFor({ timeout: 2 * PATIENCE });
    // Focus follows: on the plan once it is there (keyboard users land on it, Use this plan a Tab away).
    await poll(() => panel.evaluate((el) => el.shadowRoot!.activeElement?.hasAttribute('data-plan-result') ?? false)).toBe(true);
    const shifts = expected.plan.team;
    const rows = panel.locator('[data-pool="team"] tr[data-shift]');
    expect(await rows.count()).toBe(shifts.length);
    const seen = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim())));
    const want = [...shifts].sort((a, b) => a.start.localeCompare(b.start)).map((s) => [String(s.days), `${s.start}–${s.end}`, String(s.agents)]);
    expect(seen).toEqual(want);
    // Before and after: the planned figures are the verification run's.
    for (const [figure, value] of [
      ['costPerMonth', expected.verification.summary.costPerMonth.mean],
      ['costPerContact', expected.verification.summary.costPerContact.mean],
      ['costPerResolvedCustomer', expected.verification.summary.costPerResolvedCustomer.mean],
      ['gapHours', expected.verification.summary.gapHours.mean],
      ['serviceLevel:voice', expected.verification.channels.voice.serviceLevel.mean],
    ] as const) {
      expect(Number(await panel.locator(`tr[data-figure="${figure}"] td[data-value]`).getAttribute('data-value')), figure).toBe(value);
    }
    // The unmet targets, with their reasons (nobody works the night: the pool has no night shift).
    const unmet = panel.locator('[data-plan-unmet] li');
    expect(await unmet.allTextContents()).toEqual(expected.unmet);
    // Every round listed; the one the plan is taken from (not always the last) marked.
    expect(await panel.locator('[data-plan-rounds] tbody tr').count()).toBe(expected.iterations.length);
    expect(await panel.locator('[data-plan-rounds] tr.chosen').getAttribute('data-round')).toBe(String(expected.round));
    await page.screenshot({ path: shotPath('10-plan-1440x900') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: shotPath('10b-plan-1280x720') });

    // Use this plan: a new variant with the planned head counts, on screen and simulated.
    await panel.getByRole('button', { name: 'Use this plan' }).click();
    await poll(() => page.locator('fs-app .scenario-title').textContent()).toContain('Open shifts (small) (planned)');
    await waitForRunDone(page);
    expect(await page.locator('fs-app fs-plan-panel').count()).toBe(0); // nothing left open
    expect(await page.locator('fs-app fs-scenario-list li', { hasText: '(planned)' }).count()).toBe(1);
    const download = await downloadOf(page, () => page.getByRole('button', { name: 'Download YAML' }).click());
    expect(download.suggestedFilename()).toBe('small-open-planned.yaml');
    const adopted = parseScenario(await downloadedText(download), 'small-open-planned.yaml');
    expect(adopted.staffing[0].type !== 'ai' && adopted.staffing[0].shifts).toEqual(expected.scenario.staffing[0].type !== 'ai' && expected.scenario.staffing[0].shifts);
    await poll(() => headlineValue(page, 'gapHours')).toBe(expected.verification.summary.gapHours.mean);
    await page.screenshot({ path: shotPath('10c-plan-adopted-1280x720') });
  });
});
