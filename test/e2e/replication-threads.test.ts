// The app's simulations on every core: runs after the first, comparisons and the planner's rounds
// go to the simulation worker's replication threads (itself and nested workers). The figures are
// the same to the last digit on 1 thread and on 3 (the page's `?threads=N`), and the same as the
// CLI's code in Node; cancelling a run keeps its threads for the next; threads that cannot start leave
// the simulation worker to do the work alone. Behaviour only, never elapsed time.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareModels, compileForComparison } from '../../sim/compare';
import { intervalsCsv, summaryCsv } from '../../sim/csv';
import { compileScenario } from '../../sim/model/model';
import { plan } from '../../sim/plan/planner';
import { parseScenario } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { encodeState } from '../../src/lib/url-state';
import { buildApp, launch, PATIENCE, ROOT, serve, useApp, type Browser, type StaticServer } from './browser';
import { TWO_LANGUAGES } from './two-languages';

/** 40 replications of a small two-day scenario: 5 tasks of 8 replications for the threads. */
const BASE = TWO_LANGUAGES.replace('replications: 4', 'replications: 40');
const VARIANT = BASE.replace('name: Two languages (slicing)', 'name: More German agents').replace('agents: 6 }', 'agents: 9 }');
const FILE = 'two.yaml';
/** A day of one queue with open shifts, 120 replications a round: 3 tasks for the threads. */
const OPEN = readFileSync(join(ROOT, 'test', 'fixtures', 'small-open.yaml'), 'utf8').replace('replications: 2', 'replications: 120');

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const replicationWorkers = (page: Page) => page.workers().filter((w) => /replication\.worker/.test(w.url())).length;
const withSeed = (text: string, seed: number) => {
  const doc = parseDocument(text);
  doc.set('seed', seed);
  return doc.toString();
};
const nodeRun = (text: string) => simulate(compileScenario(parseScenario(text, FILE)));

async function downloaded(page: Page, label: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: PATIENCE }), page.getByRole('group', { name: 'Download the results' }).getByRole('button', { name: label }).click()]);
  return readFileSync((await (download as Download).path())!, 'utf8');
}

const waitForRunDone = (page: Page) => page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });

/** Every figure, difference and interval the Compare view shows, by where it shows it. */
const compareFigures = (page: Page) =>
  page.locator('fs-compare-view').evaluate((view) => {
    const out: Record<string, string> = {};
    view.shadowRoot!.querySelectorAll('[data-value], [data-delta]').forEach((el, i) => {
      const where = `${i} ${el.closest('[data-group]')?.getAttribute('data-group') ?? ''} ${el.getAttribute('data-figure') ?? ''} ${el.getAttribute('data-scenario') ?? ''}`;
      out[where] = `${el.getAttribute('data-value')} ${el.getAttribute('data-delta')} ${el.getAttribute('data-ci')}`;
    });
    return out;
  });

describe('simulations on every core', () => {
  const app = useApp();
  const link = async (threads: number, state: Parameters<typeof encodeState>[0]) => `${app.server.url}?threads=${threads}${await encodeState(state)}`;
  const shown: Record<number, Record<string, string>> = {};

  for (const threads of [1, 3]) {
    it(`a run after the first goes to ${threads} replication thread${threads > 1 ? 's' : ''} and shows the CLI's figures to the last digit`, async () => {
      const page = app.page;
      await page.goto(await link(threads, { v: 1, docs: [{ f: FILE, t: BASE, o: 'file' }], active: 0 }));
      await waitForRunDone(page); // the worker's first run, in the worker itself
      expect(replicationWorkers(page)).toBe(0);
      const seed = page.locator('fs-app fs-scenario-editor input[data-path="seed"]');
      await seed.fill('11');
      await seed.press('Tab');
      await page.locator('fs-app fs-run-status .msg', { hasText: /seed 11\b/ }).waitFor({ timeout: PATIENCE });
      await waitForRunDone(page);
      // The simulation worker is one thread of the pool; the others are nested workers.
      await poll(() => replicationWorkers(page)).toBe(threads - 1);
      const expected = nodeRun(withSeed(BASE, 11));
      expect(await downloaded(page, 'Intervals CSV')).toBe(intervalsCsv(expected));
      expect(await downloaded(page, 'Summary CSV')).toBe(summaryCsv(expected, FILE));
    });

    it(`compares two scenarios on ${threads} replication thread${threads > 1 ? 's' : ''} with the CLI's paired differences`, async () => {
      const page = app.page;
      const cli = compareModels(compileForComparison([BASE, VARIANT].map((t) => parseScenario(t, FILE))));
      await page.goto(
        await link(threads, {
          v: 1,
          docs: [
            { f: 'a.yaml', t: BASE, o: 'file' },
            { f: 'b.yaml', t: VARIANT, o: 'file' },
          ],
          active: 0,
          view: 'compare',
          cmp: [0, 1],
        }),
      );
      const view = page.locator('fs-compare-view');
      const delta = (group: string) => view.locator(`tr[data-group="${group}"] td[data-scenario="1"] .delta`);
      await delta('language.de').waitFor({ timeout: PATIENCE });
      await poll(() => replicationWorkers(page)).toBe(threads - 1);
      for (const language of ['de', 'en']) {
        const d = cli.languageDeltas![1]![language].serviceLevel;
        expect(Number(await delta(`language.${language}`).getAttribute('data-delta')), language).toBe(d.mean);
        expect(await delta(`language.${language}`).getAttribute('data-ci'), language).toBe(d.ci95!.join(','));
      }
      const gap = view.locator('[data-scenario="1"][data-figure="gapHours"]');
      expect(Number(await gap.getAttribute('data-value'))).toBe(cli.scenarios[1].summary.gapHours.mean);
      expect(Number(await gap.locator('.delta').getAttribute('data-delta'))).toBe(cli.deltas[1]!.gapHours.mean);
      shown[threads] = await compareFigures(page);
    });
  }

  it('shows the same comparison, every figure to the last digit, on 1 thread and on 3', () => {
    expect(Object.keys(shown[1] ?? {}).length).toBeGreaterThan(20);
    expect(shown[3]).toEqual(shown[1]);
  });

  it("plans on 3 replication threads the plan the planner makes in Node, with the same figures", async () => {
    const page = app.page;
    const expected = await plan(parseScenario(OPEN, 'open.yaml'), { simulate: (m) => simulate(m) });
    await page.goto(await link(3, { v: 1, docs: [{ f: 'open.yaml', t: OPEN, o: 'file' }], active: 0 }));
    await waitForRunDone(page);
    const panel = page.locator('fs-app fs-plan-panel');
    await panel.getByRole('button', { name: 'Plan', exact: true }).click();
    await panel.locator('[data-plan-phase="done"]').waitFor({ timeout: 2 * PATIENCE });
    await poll(() => replicationWorkers(page)).toBe(2); // the Plan panel's simulation worker's
    const rows = await panel.locator('[data-pool="team"] tr[data-shift]').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim())));
    expect(rows).toEqual([...expected.plan.team].sort((a, b) => a.start.localeCompare(b.start)).map((s) => [String(s.days), `${s.start}–${s.end}`, String(s.agents)]));
    for (const [figure, value] of [
      ['costPerMonth', expected.verification.summary.costPerMonth.mean],
      ['gapHours', expected.verification.summary.gapHours.mean],
      ['serviceLevel:voice', expected.verification.channels.voice.serviceLevel.mean],
    ] as const) {
      expect(Number(await panel.locator(`tr[data-figure="${figure}"] td[data-value]`).getAttribute('data-value')), figure).toBe(value);
    }
    expect(await panel.locator('[data-plan-rounds] tbody tr').count()).toBe(expected.iterations.length);
  });

  it('keeps the replication threads when a run is cancelled', async () => {
    const page = app.page;
    await page.goto(await link(3, { v: 1, docs: [{ f: FILE, t: BASE, o: 'file' }], active: 0 }));
    await waitForRunDone(page);
    const replications = page.locator('fs-app fs-scenario-editor input[data-path="replications"]');
    await replications.fill('4000');
    await replications.press('Tab');
    const progress = page.locator('fs-app fs-run-status [data-progress]');
    await poll(async () => Number(((await progress.getAttribute('data-progress')) ?? '0/0').split('/')[0])).toBeGreaterThan(0);
    await poll(() => replicationWorkers(page)).toBe(2);
    await page.locator('fs-app fs-run-status').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('fs-app fs-run-status[phase="idle"]').waitFor();
    // The threads stay, compiled, for the next run (src/replication-pool.ts).
    await poll(() => replicationWorkers(page)).toBe(2);
  });
});

describe('simulations when the replication threads cannot start', () => {
  let dist = '';
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    dist = await buildApp();
    // A site missing the threads' script (a copy half-uploaded): the nested workers fail to load.
    for (const f of readdirSync(join(dist, 'assets')).filter((f) => /^replication\.worker/.test(f))) rmSync(join(dist, 'assets', f));
    server = await serve(dist);
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('runs in the simulation worker alone, with the same figures', async () => {
    const context = await browser.newContext();
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?threads=3${await encodeState({ v: 1, docs: [{ f: FILE, t: BASE, o: 'file' }], active: 0 })}`);
    await waitForRunDone(page);
    const seed = page.locator('fs-app fs-scenario-editor input[data-path="seed"]');
    await seed.fill('12');
    await seed.press('Tab');
    await page.locator('fs-app fs-run-status .msg', { hasText: /seed 12\b/ }).waitFor({ timeout: PATIENCE });
    await waitForRunDone(page);
    expect(server.requests.filter((r) => /replication\.worker/.test(r)).length).toBeGreaterThan(0);
    expect(await downloaded(page, 'Intervals CSV')).toBe(intervalsCsv(nodeRun(withSeed(BASE, 12))));
    expect(errors).toEqual([]);
    await context.close();
  });
});
