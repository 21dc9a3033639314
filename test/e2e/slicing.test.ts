// Every view sliced by language, channel and day (issue 10, item 2): Waits filtered to one
// language × channel shows the figures the CLI prints for that queue (`followsun run --json`,
// same seed and replications, computed here); the interval table holds the intervals CSV's
// figures (`followsun run --csv`) and sorts by any column. Each test opens its own link.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/lib/url-state';
import { PATIENCE, ROOT, useApp } from './browser';
import { TWO_LANGUAGES } from './two-languages';


const dir = mkdtempSync(join(tmpdir(), 'followsun-slicing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI, as a user runs it. */
function followsun(...args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/followsun.mjs', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`followsun ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function parseCsv(text: string): string[][] {
  // The intervals CSV holds numbers and ISO times only: no quoted cells.
  return text.trim().split('\n').map((line) => line.split(','));
}

describe('slicing the views', () => {
  const app = useApp();
  const file = join(dir, 'two-languages.yaml');
  writeFileSync(file, TWO_LANGUAGES);

  async function openWaits(page: Page): Promise<void> {
    const url = `${app.server.url}${await encodeState({ v: 1, docs: [{ f: 'two-languages.yaml', t: TWO_LANGUAGES, o: 'file' }], active: 0, view: 'waits' })}`;
    await page.goto(url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await page.locator('fs-waits-view fs-slice-filter select').first().waitFor({ timeout: PATIENCE });
  }

  it('filters Waits to one language and channel and shows the figures the CLI prints for that queue', async () => {
    const cli = JSON.parse(followsun('run', file, '--json')).scenarios[0];
    const page = app.page;
    await openWaits(page);
    const waits = page.locator('fs-waits-view');
    // Labelled, keyboard-usable selects: reached by their labels, changed from the keyboard.
    const language = waits.getByLabel('Language', { exact: true });
    const channel = waits.getByLabel('Channel', { exact: true });
    await language.focus();
    await language.selectOption('de');
    await channel.focus();
    await channel.selectOption('chat');
    const panel = waits.locator('section[data-language="de"][data-channel="chat"]');
    await panel.waitFor({ timeout: PATIENCE });
    const q = cli.queues['de/chat'];
    for (const figure of ['offered', 'serviceLevel', 'asaSeconds', 'abandonRate', 'gapHours', 'costPerContact']) {
      const cell = panel.locator(`[data-figure="${figure}"]`);
      expect(Number(await cell.getAttribute('data-value')), figure).toBe(q[figure].mean);
      const ci = (await cell.getAttribute('data-ci'))!.split(',').map(Number);
      expect(ci, figure).toEqual(q[figure].ci95);
    }
    expect(await panel.locator('fs-time-chart').first().getAttribute('heading')).toContain('German chat');
    // All languages again: the channel's own figures (channels.chat).
    await language.selectOption('all');
    const all = waits.locator('section[data-language="all"][data-channel="chat"]');
    await all.waitFor({ timeout: PATIENCE });
    expect(Number(await all.locator('[data-figure="serviceLevel"]').getAttribute('data-value'))).toBe(cli.channels.chat.serviceLevel.mean);
    // The keyboard alone: ArrowUp on the focused channel select moves to the channel before (voice).
    await channel.focus();
    await page.keyboard.press('ArrowUp');
    await waits.locator('section[data-language="all"][data-channel="voice"]').waitFor({ timeout: PATIENCE });
    expect(Number(await waits.locator('section[data-channel="voice"] [data-figure="serviceLevel"]').getAttribute('data-value'))).toBe(cli.channels.voice.serviceLevel.mean);
  });

  it('carries the language, channel and day in the link: a link opens the views sliced, a change of filter rewrites it', async () => {
    const page = app.page;
    const state = { v: 1 as const, docs: [{ f: 'two-languages.yaml', t: TWO_LANGUAGES, o: 'file' as const }], active: 0, view: 'waits', ch: 'chat', lang: 'de', day: '2026-03-17' };
    await page.goto(`${app.server.url}${await encodeState(state)}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const waits = page.locator('fs-waits-view');
    await waits.locator('section[data-language="de"][data-channel="chat"]').waitFor({ timeout: PATIENCE });
    expect(await waits.getByLabel('Language', { exact: true }).inputValue()).toBe('de');
    expect(await waits.getByLabel('Day', { exact: true }).inputValue()).toBe('2026-03-17');
    expect(await waits.locator('fs-time-chart').first().getAttribute('heading')).toContain('Tue 17 Mar');
    // The same slice in another view: Staffing reads the session's filters.
    await page.locator('fs-app [role="tab"]', { hasText: 'Staffing' }).click();
    await page.locator('fs-staffing-view fs-slice-filter').first().waitFor({ timeout: PATIENCE });
    expect(await page.locator('fs-staffing-view').getByLabel('Language', { exact: true }).inputValue()).toBe('de');
    // All languages, the whole period: the link says so (no language, no day) shortly after.
    await page.locator('fs-staffing-view').getByLabel('Language', { exact: true }).selectOption('all');
    await page.locator('fs-staffing-view').getByLabel('Day', { exact: true }).selectOption('');
    await expect.poll(async () => JSON.stringify(await decodeState(new URL(page.url()).hash)), { timeout: PATIENCE }).toMatch(/"view":"staffing".*"ch":"chat"/);
    const written = (await decodeState(new URL(page.url()).hash))!;
    expect(written.lang).toBeUndefined();
    expect(written.day).toBeUndefined();
  });

  it('shows the interval table with the intervals CSV’s figures, sorts it, and zooms to a day', async () => {
    const csvDir = join(dir, 'csv');
    mkdirSync(csvDir, { recursive: true });
    followsun('run', file, '--csv', csvDir);
    const csv = parseCsv(readFileSync(join(csvDir, readdirSync(csvDir).find((f) => f.endsWith('-intervals.csv'))!), 'utf8'));
    const [head, ...rows] = csv;
    const page = app.page;
    await openWaits(page);
    const table = page.locator('fs-waits-view fs-interval-table');
    await table.locator('tbody tr').first().waitFor({ timeout: PATIENCE });
    expect(await table.locator('tbody tr').count()).toBe(rows.length);
    // Every figure column of the CSV (means) is a column of the table, row by row.
    const shown = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        start: tr.getAttribute('data-start'),
        cells: Object.fromEntries([...tr.querySelectorAll('td[data-column]')].map((td) => [td.getAttribute('data-column'), td.getAttribute('data-value')])),
      })),
    );
    const figures = head.filter((h) => h !== 'interval_start' && !h.endsWith('_ci95_low') && !h.endsWith('_ci95_high'));
    expect(Object.keys(shown[0].cells).sort()).toEqual([...figures].sort());
    const same = (cell: string, fromCsv: string) => (fromCsv === '' ? cell === '' : Number(Number(cell).toPrecision(12)) === Number(fromCsv));
    rows.forEach((row, i) => {
      expect(shown[i].start).toBe(row[0]);
      for (const f of figures) expect(same(shown[i].cells[f]!, row[head.indexOf(f)]), `${row[0]} ${f}`).toBe(true);
    });

    // Sort by voice service level: highest first, empty cells last; again: lowest first.
    const header = table.locator('th[data-column="voice_serviceLevel"]');
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const column = () => table.locator('tbody td[data-column="voice_serviceLevel"]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')));
    const defined = (v: (string | null)[]) => v.filter((x) => x !== '').map(Number);
    const desc = await column();
    expect(defined(desc)).toEqual([...defined(desc)].sort((a, b) => b - a));
    expect(desc.indexOf('')).toBe(desc.includes('') ? defined(desc).length : -1);
    await header.getByRole('button').press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const asc = defined(await column());
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc.length).toBeGreaterThan(2);
    expect(asc[0]).toBeLessThan(asc[asc.length - 1]);

    // The day zoom: the second day (UTC) holds its 48 half-hour intervals, the CSV's rows of that date.
    await page.locator('fs-waits-view').getByLabel('Day', { exact: true }).selectOption('2026-03-17');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(rows.filter((r) => r[0].startsWith('2026-03-17')).length);
    const starts = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-start')!));
    expect(starts.every((s) => s.startsWith('2026-03-17'))).toBe(true);
    expect(await page.locator('fs-waits-view fs-time-chart').first().getAttribute('heading')).toContain('Tue 17 Mar');
  });

  it("shows a day and language's own figures everywhere in Waits, and says what stays whole-period", async () => {
    const page = app.page;
    const state = { v: 1 as const, docs: [{ f: 'two-languages.yaml', t: TWO_LANGUAGES, o: 'file' as const }], active: 0, view: 'waits', ch: 'voice', lang: 'de', day: '2026-03-17' };
    await page.goto(`${app.server.url}${await encodeState(state)}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const waits = page.locator('fs-waits-view');
    const panel = waits.locator('section[data-language="de"][data-channel="voice"]');
    await panel.waitFor({ timeout: PATIENCE });
    expect(await panel.locator('h3[data-caption]').textContent()).toBe('German (de) · voice · Tue 17 Mar');
    // The tiles are the day's: offered is the sum of the day's German voice intervals, not the week's.
    const cli = JSON.parse(followsun('run', file, '--json')).scenarios[0];
    const de = cli.coverage.find((q: { language: string; channel: string }) => q.language === 'de' && q.channel === 'voice');
    const day = cli.intervals.flatMap((i: { start: string }, k: number) => (i.start.startsWith('2026-03-17') ? [k] : []));
    const offered = day.reduce((a: number, k: number) => a + de.offered[k], 0);
    expect(Number(await panel.locator('[data-figure="offered"]').getAttribute('data-value'))).toBeCloseTo(offered, 6);
    expect(Number(await panel.locator('[data-figure="offered"]').getAttribute('data-value'))).toBeLessThan(cli.queues['de/voice'].offered.mean);
    const abandoned = day.reduce((a: number, k: number) => a + de.abandoned[k], 0);
    expect(Number(await panel.locator('[data-figure="abandonRate"]').getAttribute('data-value'))).toBeCloseTo(abandoned / offered, 9);
    expect(await panel.locator('[data-figure="costPerContact"] .label').textContent()).toContain('whole period');
    // Charts and tables name their slice; what cannot be sliced says it is the whole scenario's.
    const headings = await waits.locator('fs-bar-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('heading')));
    expect(headings).toContain('Voice: service level by language on Tue 17 Mar');
    expect(headings).toContain('Service level by channel — German on Tue 17 Mar');
    expect(headings.find((h) => h?.startsWith('Wait-time distribution'))).toContain('all languages, whole period');
    expect(await waits.locator('fs-queue-table h3').textContent()).toContain('German (de) · Tue 17 Mar');
    expect(await waits.locator('fs-queue-table tr[data-language]').count()).toBe(1);
    expect(await waits.locator('fs-interval-table h3').textContent()).toContain('de voice');
    expect(await waits.locator('fs-interval-table tbody tr').count()).toBe(day.length);
    // Cost: the day's cost, not the week's, under the day's caption.
    await page.locator('fs-app [role="tab"]', { hasText: 'Cost' }).click();
    const cost = page.locator('fs-cost-view');
    await cost.locator('[data-slice-figure="dayCost"]').waitFor({ timeout: PATIENCE });
    const dayCost = day.reduce((a: number, k: number) => a + cli.intervals[k].costTotal.mean, 0);
    expect(Number(await cost.locator('[data-slice-figure="dayCost"]').getAttribute('data-value'))).toBeCloseTo(dayCost, 6);
    expect(await cost.locator('[data-slice-figure="costTotal"] .label').textContent()).toContain('whole period');
    // Staffing: occupancy of the pools serving German only.
    await page.locator('fs-app [role="tab"]', { hasText: 'Staffing' }).click();
    const occupancy = page.locator('fs-staffing-view fs-bar-chart');
    await occupancy.waitFor({ timeout: PATIENCE });
    expect(await occupancy.getAttribute('heading')).toBe('Occupancy by pool — pools serving German voice, Tue 17 Mar');
  });

  it('names the gap-hours interval a 95% CI in the headline and in Waits, as the command line has it', async () => {
    const page = app.page;
    await openWaits(page);
    const cli = JSON.parse(followsun('run', file, '--json')).scenarios[0];
    const gap = page.locator('fs-app fs-headline [data-figure="gapHours"] .ci');
    await gap.waitFor({ timeout: PATIENCE });
    const text = (l: typeof gap) => l.evaluate((e) => e.textContent!.replace(/\s+/g, ' ').trim());
    const [lo, hi] = cli.summary.gapHours.ci95;
    expect(await text(gap)).toBe(`95% CI ${lo} h to ${hi} h`);
    const tile = page.locator('fs-waits-view [data-figure="gapHours"] .ci');
    expect(await text(tile)).toMatch(/^95% CI \d+ h to \d+ h$/);
    expect(await text(page.locator('fs-app fs-headline li[data-channel="voice"] .ci'))).toMatch(/^95% CI \d/);
  });

  it('disables the downloads while a re-run is in progress, and marks a cancelled run’s result stale everywhere', async () => {
    const page = app.page;
    await openWaits(page);
    const exports = page.locator('fs-app fs-results-bar button[data-export]');
    await exports.first().waitFor({ timeout: PATIENCE });
    expect(await exports.evaluateAll((bs) => bs.every((b) => !(b as HTMLButtonElement).disabled))).toBe(true);
    // A long re-run. The moment the status turns to running (a microtask after the render that shows
    // it, before any early result can arrive from the worker), the older result is on screen and
    // its downloads are disabled, saying why.
    await page.locator('fs-app').evaluate((app) => {
      const bar = app.shadowRoot!.querySelector('fs-results-bar')!.shadowRoot!;
      const status = bar.querySelector('fs-run-status')!;
      const w = window as unknown as { seen?: { disabled: number; enabled: number; title: string } };
      new MutationObserver((_, observer) => {
        if (status.getAttribute('phase') !== 'running') return;
        const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button[data-export]')];
        w.seen = { disabled: buttons.filter((b) => b.disabled).length, enabled: buttons.filter((b) => !b.disabled).length, title: buttons[0]?.title ?? '' };
        observer.disconnect();
      }).observe(status, { attributes: true, attributeFilter: ['phase'] });
    });
    const replications = page.locator('fs-app fs-scenario-editor input[data-path="replications"]');
    await replications.fill('2000');
    await replications.press('Tab');
    await page.locator('fs-app fs-run-status[phase="running"]').waitFor({ timeout: PATIENCE });
    const seen = (await page.evaluate(() => (window as unknown as { seen: unknown }).seen)) as { disabled: number; enabled: number; title: string };
    expect(seen.enabled).toBe(0);
    expect(seen.disabled).toBeGreaterThan(0);
    expect(seen.title).toContain('Not available');
    // Cancel: the older result stays on screen, marked stale in the status and in every view.
    await page.locator('fs-app fs-run-status').getByRole('button', { name: 'Cancel' }).click();
    const status = page.locator('fs-app fs-run-status[phase="idle"]');
    await status.waitFor({ timeout: PATIENCE });
    expect(await status.locator('[data-stale]').textContent()).toContain('its run was cancelled');
    expect(await page.locator('fs-app fs-headline').getAttribute('stale')).not.toBeNull();
    expect(await page.locator('fs-waits-view').getAttribute('stale')).not.toBeNull();
    expect(await exports.evaluateAll((bs) => bs.every((b) => (b as HTMLButtonElement).disabled))).toBe(true);
    await page.locator('fs-app [role="tab"]', { hasText: 'Cost' }).click();
    await expect.poll(() => page.locator('fs-cost-view').getAttribute('stale'), { timeout: PATIENCE }).not.toBeNull();
    await page.locator('fs-app [role="tab"]', { hasText: 'Coverage' }).click();
    const heatmap = page.locator('fs-app fs-heatmap');
    await expect.poll(() => heatmap.getAttribute('stale'), { timeout: PATIENCE }).not.toBeNull();
    await expect.poll(() => heatmap.evaluate((h) => getComputedStyle(h).opacity), { timeout: PATIENCE }).toBe('0.55');
  });
  it('says why a day in a zone half an hour off UTC (India) has no service level or gap hours, in whole sentences', async () => {
    const text = `name: Bangalore
horizon: { start: 2026-03-16T00:00:00Z, days: 2, warmupHours: 2 }
replications: 2
demand:
  - { id: v, language: en, channel: voice, timezone: Asia/Kolkata, volume: { perDay: 3000 }, pattern: business-day,
      handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 150 } }
staffing:
  - { id: blr, timezone: Asia/Kolkata, skills: [en], shifts: [{ days: daily, start: "08:00", end: "17:00", agents: 30 }], cost: { perHour: 10 } }
`;
    const page = app.page;
    const state = { v: 1 as const, docs: [{ f: 'blr.yaml', t: text, o: 'file' as const }], active: 0, view: 'waits', tz: 'Asia/Kolkata', ch: 'voice', day: '2026-03-16' };
    await page.goto(`${app.server.url}${await encodeState(state)}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const note = page.locator('fs-waits-view [data-summed]');
    await note.waitFor({ timeout: PATIENCE });
    // The figures are left out (they are judged per hour of UTC, which the day cuts): the page says so.
    expect(await page.locator('fs-waits-view [data-figure="serviceLevel"]').first().textContent()).toContain('–');
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toMatch(/Asia\/Kolkata \(UTC\+5:30\).*half hour.*service level and gap hours/);
    const caption = (await page.locator('fs-waits-view fs-time-chart figcaption').first().textContent())!.replace(/\s+/g, ' ');
    expect(caption).not.toMatch(/ – of /);
    expect(caption).toMatch(/^On Mon 16 Mar the service level is not given/);
  });
});
