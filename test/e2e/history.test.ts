// Contact records in the web app, built and driven in headless Chromium: a records file dropped on
// the page (or picked with "Import records…") is read, fitted and back-tested in the history worker;
// the page shows every row accounted for, the fit per queue, the back-test's errors and charts, and
// keeps the fitted scenario to run. Expected figures come from sim/history run here in Node on the
// same file, seed and replications (what `followsun import` and `followsun backtest --json` print),
// never from the page. The fixture is a slice of the Technion SEE Center's "Anonymous Bank" data
// (Avi Mandelbaum; January 1999): see test/fixtures/README.md.
import { readFileSync } from 'node:fs';
import { backtestReportHtml, tableThresholdText } from '../../report/backtest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backtestObserved, BACKTEST_FIGURES, MIN_REPLICATIONS, observeRecords, type BacktestResult } from '../../sim/history/backtest';
import { fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { BANK_TIMEZONE, bankLayout, genericLayout } from '../../sim/history/layouts';
import { dayOf, dayOfIso } from '../../sim/history/local-time';
import { readRecords, RecordsError, type ReadOutcome } from '../../sim/history/records';
import { compileScenario } from '../../sim/model/model';
import { parseScenario, validateScenario } from '../../sim/scenario/scenario';
import { genericCsv, syntheticRecords } from '../../sim/history/synthetic-records';
import { intervalTableCsv } from '../../sim/history/interval-export';
import { simulate } from '../../sim/simulate';
import { dropFile, PATIENCE, ROOT, useApp, type StaticServer } from './browser';

const FILE = 'anonymous-bank-1999-01-small-queues.tsv';
const TEXT = readFileSync(join(ROOT, 'test', 'fixtures', FILE), 'utf8');
const SHOTS = '/tmp/shots/history';
const CUT = '1999-01-25';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const view = (page: Page) => page.locator('fs-app fs-history-view');

/** What the CLI computes for the file: import (fit on all the rows, or those before `cut`) and
 * backtest (replay the rest), through sim/history as cli/backtest.ts calls it. */
function expected(outcome: ReadOutcome, cut?: string, replications?: number, trend = false): { yaml: string; result: BacktestResult } {
  const day = cut === undefined ? undefined : dayOfIso(cut)!;
  const train = outcome.records.filter((r) => day === undefined || dayOf(r.arrivalLocalMs) < day);
  const test = outcome.records.filter((r) => day === undefined || dayOf(r.arrivalLocalMs) >= day);
  const trendTo = trend && day !== undefined ? { firstDay: day, lastDay: dayOf(test[test.length - 1].arrivalLocalMs) } : undefined;
  const yaml = scenarioYaml(fitScenario(train, { timezone: BANK_TIMEZONE, source: FILE, trendTo }));
  const scenario = parseScenario(yaml, 'fitted scenario');
  return { yaml, result: backtestObserved(scenario, observeRecords(test), { replications }) };
}

/** The back-test table on the page matches the CLI's figures (hourly) to the last bit. */
async function expectFigures(page: Page, result: BacktestResult): Promise<void> {
  const table = view(page).locator('table[data-errors="hour"]');
  for (const f of BACKTEST_FIGURES) {
    for (const k of ['bias', 'mae', 'weightedMae', 'mape', 'insideBand', 'points'] as const) {
      const shown = await table.locator(`tr[data-figure="${f}"] td[data-measure="${k}"]`).getAttribute('data-value');
      const want = result.figures[f][k];
      expect(shown === '' ? null : Number(shown), `${f}.${k}`).toBe(want);
    }
  }
}

describe('contact records in the web app: import, fit, back-test, keep', { timeout: 900_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  let outcome: ReadOutcome;
  beforeAll(() => {
    outcome = readRecords(TEXT, FILE, bankLayout);
  });
  beforeEach(() => {
    ({ page, server } = app);
  });

  it('imports a dropped records file: every row accounted for, the fit per queue, the back-test the CLI prints; keeps the scenario and runs it', async () => {
    const inSample = expected(outcome);
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, FILE, TEXT);

    // The History tab opens with the report as soon as the fit is in.
    await poll(() => page.locator('fs-app [role="tab"][aria-selected="true"]').textContent()).toContain('History');
    const fit = view(page).locator('fs-history-fit');
    await fit.locator('[data-queues]').waitFor({ timeout: PATIENCE });
    const rejected = Object.values(outcome.rejected).reduce((s, t) => s + t.count, 0);
    expect(Number(await fit.locator('[data-rows-read]').getAttribute('data-rows-read'))).toBe(outcome.rowsRead);
    expect(Number(await fit.locator('[data-kept]').getAttribute('data-kept'))).toBe(outcome.records.length);
    expect(Number(await fit.locator('[data-not-offered]').getAttribute('data-not-offered'))).toBe(outcome.notOffered.count);
    expect(Number(await fit.locator('[data-left-out]').getAttribute('data-left-out'))).toBe(rejected);
    expect(outcome.records.length + outcome.notOffered.count + rejected).toBe(outcome.rowsRead);
    for (const [kind, t] of Object.entries(outcome.rejected)) {
      const row = fit.locator(`[data-tallies="rejected"] tr[data-kind="${kind}"]`);
      expect(Number(await row.getAttribute('data-count')), kind).toBe(t.count);
      expect(Number(await row.getAttribute('data-first-line')), kind).toBe(t.firstLine);
    }
    // One row per queue of the fixture, with its contacts offered.
    const queues = [...new Set(outcome.records.map((r) => r.queue))].sort();
    expect(queues.length).toBeGreaterThanOrEqual(4);
    const rows = fit.locator('[data-queues] tbody tr');
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-queue')))).sort()).toEqual(queues);
    for (const q of queues) {
      expect(Number(await fit.locator(`tr[data-queue="${q}"] [data-offered]`).getAttribute('data-offered')), q).toBe(outcome.records.filter((r) => r.queue === q).length);
    }
    const description = String(parseScenario(inSample.yaml, 'x.yaml').description);
    expect(await fit.locator('[data-description]').textContent()).toBe(description);
    // The data's source is credited where its figures are shown.
    expect(await view(page).locator('[data-credit]').textContent()).toContain('Technion SEE Center');
    expect(await view(page).locator('[data-credit]').textContent()).toContain('Avi Mandelbaum');

    // The back-test: 40 replications (the CLI's default), the same figures as the CLI's --json.
    const backtest = view(page).locator('fs-history-backtest');
    await backtest.locator('table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });
    expect(inSample.result.replications).toBe(MIN_REPLICATIONS);
    expect(Number(await backtest.locator('[data-replications]').getAttribute('data-replications'))).toBe(MIN_REPLICATIONS);
    await expectFigures(page, inSample.result);
    // A chart per figure: an actual point per hour compared, hollow ones outside the band.
    for (const f of ['offered', 'abandonRate', 'asaSeconds', 'serviceLevel', 'occupancy'] as const) {
      const chart = backtest.locator(`fs-band-chart[data-chart="${f}"]`);
      const points = inSample.result.series.hour[f].filter((p) => p.actual !== null);
      expect(await chart.locator('circle.actual').count(), f).toBe(points.length);
      const inside = points.filter((p) => p.low !== null && p.actual! >= p.low - 1e-9 && p.actual! <= p.high! + 1e-9).length;
      expect(await chart.locator('circle.actual[data-inside="1"]').count(), f).toBe(inside);
    }
    // Day by day, as the CLI prints it for a period over two days.
    await backtest.locator('button[data-grain="day"]').click();
    await expectGrain(page, inSample.result, 'day');
    await backtest.locator('button[data-grain="hour"]').click();

    await page.locator('fs-app main').evaluate((main) => (main.scrollTop = 0));
    await page.screenshot({ path: `${SHOTS}/1-history-1440x900.png` });
    await page.screenshot({ path: `${SHOTS}/1b-history-full-1440.png`, fullPage: true });
    await backtest.locator('fs-band-chart[data-chart="abandonRate"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/2-backtest-1440x900.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await view(page).locator('[data-accounting]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/3-history-1280x720.png` });
    await fit.locator('[data-queues]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/4-fit-1280x720.png` });
    await backtest.locator('fs-band-chart[data-chart="offered"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/5-backtest-1280x720.png` });

    // Keep: the fitted scenario joins the list as an opened file would, runs, and its figures are sim/'s.
    const before = await page.locator('fs-app fs-scenario-list li').count();
    await view(page).getByRole('button', { name: 'Keep this scenario' }).click();
    await poll(() => page.locator('fs-app fs-scenario-list li').count()).toBe(before + 1);
    await poll(() => page.locator('fs-app .scenario-title').textContent()).toContain(`Fitted from ${FILE}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const run = simulate(compileScenario(parseScenario(inSample.yaml, 'kept.yaml')));
    await poll(async () => Number(await page.locator('fs-app fs-headline li[data-channel="voice"] [data-figure="serviceLevel"]').getAttribute('data-value'))).toBe(
      run.channels.voice.serviceLevel.mean,
    );
    await page.screenshot({ path: `${SHOTS}/6-kept-1280x720.png` });
  });

  it('fits on the days before a date and tests on the rest, as backtest --train-until does', async () => {
    const replications = 12;
    const outOfSample = expected(outcome, CUT, replications);
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    // Import records… beside the scenarios (a file picker), from the keyboard.
    const chooser = page.waitForEvent('filechooser');
    await page.locator('fs-app aside').getByRole('button', { name: 'Import records…' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: FILE, mimeType: 'text/tab-separated-values', buffer: Buffer.from(TEXT) });
    const backtest = view(page).locator('fs-history-backtest');
    await backtest.locator('table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });

    await view(page).locator('input[name="train-until"]').fill(CUT);
    await view(page).locator('input[name="replications"]').fill(String(replications));
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    await poll(() => backtest.locator('[data-replications]').getAttribute('data-replications')).toBe(String(replications));
    await poll(() => backtest.locator('[data-replayed]').textContent()).toContain(`Replayed ${CUT} to 1999-01-31`);
    await expectFigures(page, outOfSample.result);
    const fitted = parseScenario(outOfSample.yaml, 'x.yaml');
    expect(await view(page).locator('[data-description]').textContent()).toBe(String(fitted.description));
    // The report backtest --report writes for the same fit and replay.
    const [download] = await Promise.all([page.waitForEvent('download'), backtest.getByRole('button', { name: 'Report (HTML)' }).click()]);
    expect(download.suggestedFilename()).toBe('anonymous-bank-1999-01-small-queues-backtest.html');
    const stamp = / on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/;
    const fittedOn = `Out of sample: fitted on 1999-01-01 to 1999-01-24, tested on the rest.`;
    const want = backtestReportHtml({ title: `Back-test of ${fitted.name}`, result: outOfSample.result, fittedOn, description: fitted.description, generatedAt: '2000-01-01 00:00 UTC' });
    expect(readFileSync((await download.path())!, 'utf8').replace(stamp, '')).toBe(want.replace(stamp, ''));

    // With the trend carried forward (--trend): other volumes, the CLI's figures again.
    const trended = expected(outcome, CUT, replications, true);
    await view(page).getByLabel("carry the volume's trend forward").check();
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    await poll(() => view(page).locator('[data-replayed]').textContent()).toContain('volumes carried forward along their trend');
    await expectFigures(page, trended.result);
    expect(trended.result.figures.offered.bias).not.toBe(outOfSample.result.figures.offered.bias);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${SHOTS}/7-out-of-sample-1280x720.png` });
  });

  it("reads a generic export in the customers' time zone chosen on the page, as --timezone does", async () => {
    const csv = helpDeskCsv();
    const zone = 'America/New_York';
    const read = readRecords(csv, 'desk.csv', genericLayout(zone));
    const yaml = scenarioYaml(fitScenario(read.records, { timezone: zone, source: 'desk.csv' }));
    const want = backtestObserved(parseScenario(yaml, 'fitted scenario'), observeRecords(read.records), { replications: 10 });
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, 'desk.csv', csv);
    await view(page).locator('fs-history-backtest table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });
    expect(await view(page).locator('[data-credit]').count()).toBe(0); // not the bank's data
    expect(await view(page).locator('fs-history-fit section[data-fit]').textContent()).toContain('Local time UTC');
    // A zone that does not exist is refused in the CLI's words, nothing run.
    await view(page).locator('input[name="timezone"]').fill('Mars/Olympus');
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    await poll(() => view(page).locator('form [role="alert"]').textContent()).toContain('expected an IANA time zone such as Europe/Berlin, got "Mars/Olympus"');
    await view(page).locator('input[name="timezone"]').fill(zone);
    await view(page).locator('input[name="replications"]').fill('10');
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    await poll(() => view(page).locator('fs-history-fit section[data-fit]').textContent()).toContain(`Local time ${zone}`);
    await poll(() => view(page).locator('fs-history-backtest [data-replications]').getAttribute('data-replications')).toBe('10');
    expect(Number(await view(page).locator('[data-kept]').getAttribute('data-kept'))).toBe(read.records.length);
    expect(await view(page).locator('[data-description]').textContent()).toBe(String(parseScenario(yaml, 'x.yaml').description));
    await expectFigures(page, want);
  });

  it('cancels a long back-test, and runs again after it', async () => {
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, FILE, TEXT);
    const backtest = view(page).locator('fs-history-backtest');
    await backtest.locator('table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });
    // 5,000 replications of a month: minutes of work, stopped once it has started.
    await view(page).locator('input[name="replications"]').fill('5000');
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    const progress = view(page).locator('progress[data-progress]');
    await poll(async () => Number(((await progress.getAttribute('data-progress')) ?? '0/0').split('/')[0])).toBeGreaterThan(0);
    expect((await progress.getAttribute('data-progress'))?.endsWith('/5000')).toBe(true);
    await view(page).getByRole('button', { name: 'Cancel' }).click();
    await poll(() => view(page).locator('[data-history-phase="running"]').count()).toBe(0);
    expect(await backtest.count()).toBe(0); // no half-finished figures
    expect(await view(page).locator('fs-history-fit section[data-fit]').count()).toBe(1); // the fit stays
    await view(page).locator('input[name="replications"]').fill('4');
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    await poll(() => backtest.locator('[data-replications]').getAttribute('data-replications')).toBe('4');
    await expectFigures(page, expected(outcome, undefined, 4).result);
  });

  it('names the file, line and what was expected when the records cannot be read, as the CLI does', async () => {
    const bad = 'arrival,queue,outcome,wait_seconds\n2026-03-02 09:15:00,en,answered,12\n';
    let problems: string[] = [];
    try {
      readRecords(bad, 'calls.csv', genericLayout('UTC'));
    } catch (e) {
      problems = (e as RecordsError).problems;
    }
    expect(problems).toHaveLength(1);
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const title = await page.locator('fs-app .scenario-title').textContent();
    await dropFile(page, 'calls.csv', bad);
    const alert = view(page).locator('[data-history-error]');
    await alert.waitFor({ timeout: PATIENCE });
    expect(await alert.textContent()).toContain('Could not import calls.csv');
    expect(await alert.textContent()).toContain(problems[0]);
    expect(problems[0]).toMatch(/^calls\.csv:1: /);
    expect(await alert.textContent()).not.toMatch(/at \w+ \(|Error:/); // no stack trace
    expect(await page.locator('fs-app .scenario-title').textContent()).toBe(title); // nothing replaced
    await page.screenshot({ path: `${SHOTS}/8-bad-file-1440x900.png` });
  });

  it('an interval table: says whose agents it replays and the threshold its answered_within_threshold is taken at', async () => {
    const table = intervalTableCsv(readRecords(helpDeskCsv(), 'desk.csv', genericLayout('UTC')).records, 60);
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, 'desk-intervals.csv', table);
    await view(page).locator('fs-history-backtest table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });
    // It read "… agents seen (most at once); The scenario's pool …".
    const staffing = (await view(page).locator('fs-history-fit p:has([data-agents-seen])').textContent())!.replace(/\s+/g, ' ');
    expect(staffing).toMatch(/agents seen \(most at once\); on the phones as the table's agents column says, per interval and summed over its queues\. The scenario's pool/);
    // The platform's threshold is not in the table: the page says which one it is taken at.
    expect(await view(page).locator('fs-history-backtest [data-table-threshold]').textContent()).toBe(tableThresholdText({ thresholdSeconds: 20 }));
    await page.setViewportSize({ width: 1280, height: 720 });
    await view(page).locator('fs-history-backtest [data-table-threshold]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/8-interval-table-1280x720.png` });
  });

  it('counts one queue as one in the fit\'s heading (a help desk\'s single queue)', async () => {
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, 'desk.csv', helpDeskCsv());
    await view(page).locator('fs-history-backtest table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });
    const heading = view(page).locator('[data-scenario-name]').locator('xpath=..');
    expect((await heading.textContent())!.replace(/\s+/g, ' ')).toMatch(/— 1 queue, \d+ shifts/);
  });
});

/** A small help desk's week written as a generic export (local times, no offset) of New York's clock. */
function helpDeskCsv(): string {
  const zone = 'America/New_York';
  const hourly = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.6, 2, 2, 1.9, 1.7, 1.8, 1.9, 1.8, 1.6, 1.3, 1, 0.8, 0.6, 0.5, 0.4, 0.3];
  const scenario = validateScenario(
    {
      name: 'Help desk',
      horizon: { start: '2026-01-05T00:00:00-05:00', days: 4, warmupHours: 0 },
      intervalMinutes: 60,
      seed: 3,
      demand: [
        { id: 'en', language: 'en', timezone: zone, volume: { perWeek: 5000 }, pattern: { hourly }, handleTime: { dist: 'lognormal', mean: 240, cv: 0.8 }, patience: { dist: 'exponential', mean: 180 } },
      ],
      staffing: [{ id: 'desk', skills: ['en'], agents: 9 }],
    },
    'help desk',
  );
  return genericCsv(syntheticRecords(scenario));
}

async function expectGrain(page: Page, result: BacktestResult, grain: 'day'): Promise<void> {
  const table = view(page).locator(`table[data-errors="${grain}"]`);
  await table.waitFor({ timeout: PATIENCE });
  for (const f of BACKTEST_FIGURES) {
    const shown = await table.locator(`tr[data-figure="${f}"] td[data-measure="bias"]`).getAttribute('data-value');
    expect(shown === '' ? null : Number(shown), `${grain} ${f}`).toBe(result.grains[grain][f].bias);
  }
}
