// The app on the screens analysts use (1280×720 and 1440×900), driven in headless Chromium: the
// headline cards in one row or in balanced rows, the heatmap as wide as its card and taller rows
// when presenting, the sidebar's disclosure triangles inside the panel, an invalid source edit
// reported under the box it was typed in, and the sites' FTEs and monthly cost as sim/ computes
// them; on narrower screens (1024×768) the scenario's name, the heatmap's hour labels, the bar
// charts' axes and a day's time axis keep their room, and a pressed header toggle looks pressed.
// Each test has its own browser context; nothing here measures time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim/model/model';
import { parseScenario } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { encodeState } from '../../src/lib/url-state';
import { budgetRound } from '../../src/lib/format';
import { PATIENCE, ROOT, shotPath, useApp, type StaticServer } from './browser';
import { TWO_LANGUAGES } from './two-languages';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const SIZES = [
  [1280, 720],
  [1440, 900],
] as const;

/** Boxes of the texts, left to right, and the first pair that overlaps (null when none do). */
const overlapping = (boxes: { text: string; left: number; right: number }[]) => {
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  const k = sorted.findIndex((b, i) => i > 0 && b.left < sorted[i - 1].right - 0.5);
  return k < 0 ? null : `${sorted[k - 1].text} | ${sorted[k].text}`;
};
const textBoxes = (els: Element[]) =>
  els.map((e) => {
    const r = e.getBoundingClientRect();
    return { text: e.textContent ?? '', left: r.left, right: r.right };
  });

/** Cards per row of the headline, top to bottom. */
const cardRows = (page: Page) =>
  page.locator('fs-app fs-headline li').evaluateAll((els) => {
    const rows = new Map<number, number>();
    for (const e of els) {
      const top = Math.round(e.getBoundingClientRect().top);
      rows.set(top, (rows.get(top) ?? 0) + 1);
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
  });

/** What History keeps: queues named by the records (he-PS, he-TT, en-PE) as the languages of one
 * pool; their display names can be long ("Hebrew (Trinidad & Tobago)"). */
const LONG_CODES = `name: Long language codes
horizon: { start: 2026-03-16T00:00:00Z, days: 1, warmupHours: 2 }
replications: 2
demand:
  - { id: ps, language: he-PS, channel: voice, volume: { perHour: 60 }, handleTime: { dist: exponential, mean: 180 } }
  - { id: tt, language: he-TT, channel: voice, volume: { perHour: 20 }, handleTime: { dist: exponential, mean: 180 } }
  - { id: pe, language: en-PE, channel: chat, volume: { perHour: 30 }, handleTime: { dist: exponential, mean: 300 } }
staffing:
  - { id: agents, skills: [he-PS, he-TT, en-PE], channels: [voice, chat], agents: 8 }
`;

describe('layout and finance figures, in headless Chromium', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  async function open(example: string): Promise<void> {
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ ex: example }], active: 0 })}`);
    await page.locator('fs-app fs-heatmap rect.cell').first().waitFor({ timeout: PATIENCE });
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
  }

  it('keeps the headline in one row or balanced rows, the heatmap as wide as its card, the triangles inside the sidebar', async () => {
    // Six cards (three channels, gap, two costs) and seven (the AI example adds net AI resolutions).
    for (const [example, cards] of [
      ['global-follow-the-sun', 6],
      ['global-ai-hybrid', 7],
    ] as const) {
      await open(example);
      const widths: number[] = [];
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await poll(async () => (await cardRows(page)).reduce((a, b) => a + b, 0)).toBe(cards);
        const rows = await cardRows(page);
        // One row, or rows that differ by one card at most (never one card left alone on a row).
        expect(Math.max(...rows) - Math.min(...rows), `${example} ${width}: ${rows}`).toBeLessThanOrEqual(1);
        if (rows.length > 1) expect(Math.min(...rows)).toBeGreaterThan(1);
        if (example === 'global-follow-the-sun') expect(rows, `${width}`).toEqual([cards]);
        // The heatmap fills its card, whatever the window (it redraws after the resize is observed).
        const measure = () =>
          page.locator('fs-app fs-heatmap').evaluate((el) => {
            const svg = el.shadowRoot!.querySelector('svg')!;
            return { svg: svg.getBoundingClientRect().width, host: el.getBoundingClientRect().width };
          });
        await poll(async () => {
          const f = await measure();
          return f.svg > f.host - 4 && f.svg <= f.host + 1;
        }).toBe(true);
        widths.push((await measure()).svg);
        // The sidebar's disclosure triangles (outside their summaries) have room inside the panel.
        const room = await page.locator('fs-app fs-scenario-editor summary').evaluateAll((els) => {
          const aside = (els[0].getRootNode() as ShadowRoot).host.closest('aside') ?? (els[0].getRootNode() as ShadowRoot).host.parentElement!;
          const left = aside.getBoundingClientRect().left;
          return els.map((s) => s.getBoundingClientRect().left - left);
        });
        for (const r of room) expect(r).toBeGreaterThanOrEqual(20);
        await page.screenshot({ path: shotPath(`12-layout-${example}-${width}x${height}`) });
      }
      expect(widths[1]).toBeGreaterThan(widths[0]); // it grows with the window
    }
    // Presenting: larger text, taller heatmap rows, still as wide as the card.
    const rowHeight = () => page.locator('fs-app fs-heatmap rect.cell').first().evaluate((r) => r.getBoundingClientRect().height);
    const normal = await rowHeight();
    await page.getByRole('button', { name: 'Present' }).click();
    await poll(rowHeight).toBeGreaterThan(normal);
    await page.screenshot({ path: shotPath('12-layout-present-1440x900') });
  });

  it('leaves room at 1024 and 1280 px: the scenario name in the header, hour labels apart, bar-chart ticks apart; a pressed toggle looks pressed', async () => {
    await open('global-follow-the-sun');
    await page.setViewportSize({ width: 1024, height: 768 });
    // The name is not squeezed beside the buttons (it was cut to "A u." at 1024 px): a line of its
    // own, wide enough to show it whole.
    const title = page.locator('fs-app fs-header .scenario-title');
    const measureTitle = () => title.evaluate((e) => ({ width: e.getBoundingClientRect().width, clipped: e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1 }));
    await poll(async () => (await measureTitle()).width).toBeGreaterThan(300);
    expect((await measureTitle()).clipped).toBe(false);
    expect(await title.textContent()).toContain('Aurora Devices — in-house + follow-the-sun BPO');
    // The heatmap's hour labels never run together ("0006121800…"), at 1024 and 1440 px.
    const hourLabels = () =>
      page
        .locator('fs-app fs-heatmap text.col-head')
        .evaluateAll(textBoxes)
        .then((boxes) => boxes.filter((b) => /^\d\d$/.test(b.text)));
    for (const [width, height] of [[1024, 768], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await poll(async () => overlapping(await hourLabels())).toBeNull();
      expect((await hourLabels()).length, `${width}`).toBeGreaterThanOrEqual(7); // at least noon of every day
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: shotPath('15-layout-1024x768') });

    // Toggles: the panel's (on) and Present (off) look different, and Present changes when pressed;
    // in the light and the dark theme.
    const header = page.locator('fs-app fs-header');
    const look = (name: string) =>
      header.getByRole('button', { name }).evaluate((b) => {
        const cs = getComputedStyle(b);
        return `${cs.backgroundColor} ${cs.borderTopColor}`;
      });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await header.getByRole('button', { name: 'Scenarios' }).getAttribute('aria-pressed')).toBe('true');
      expect(await header.getByRole('button', { name: 'Present' }).getAttribute('aria-pressed')).toBe('false');
      const off = await look('Present');
      expect(await look('Scenarios'), colorScheme).not.toBe(off);
      await header.getByRole('button', { name: 'Present' }).click();
      await poll(() => header.getByRole('button', { name: 'Present' }).getAttribute('aria-pressed')).toBe('true');
      expect(await look('Present'), colorScheme).not.toBe(off);
      await header.getByRole('button', { name: 'Present' }).click();
      await poll(() => header.getByRole('button', { name: 'Present' }).getAttribute('aria-pressed')).toBe('false');
      await poll(() => header.getByRole('button', { name: 'Scenarios' }).getAttribute('aria-pressed')).toBe('true');
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // The Cost view's bar charts: tick labels apart ("€0 €100K€200K" ran together in a half-width card).
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('fs-app [role="tab"]', { hasText: 'Cost' }).click();
    const charts = page.locator('fs-app fs-cost-view fs-bar-chart');
    await charts.first().locator('.x-grid .tick text').first().waitFor();
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < (await charts.count()); i++) {
      const ticks = () => charts.nth(i).locator('.x-grid .tick text').evaluateAll(textBoxes);
      await poll(async () => overlapping(await ticks())).toBeNull();
      expect((await ticks()).length, `chart ${i}`).toBeGreaterThanOrEqual(2);
    }
    await charts.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath('15-layout-cost-1280x720') });
  });

  it('gives a day on its own hour ticks in the display zone, apart from each other', async () => {
    const state = { v: 1 as const, docs: [{ f: 'two-languages.yaml', t: TWO_LANGUAGES, o: 'file' as const }], active: 0, view: 'waits', day: '2026-03-17' };
    await page.goto(`${server.url}${await encodeState(state)}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const chart = page.locator('fs-app fs-waits-view fs-time-chart').first();
    const ticks = () => chart.locator('.x-axis .tick text').evaluateAll(textBoxes);
    // Not only "Tue 17" and "Wed 18": every 3 or 6 hours between them, on the hour.
    await poll(async () => (await ticks()).filter((t) => /^\d\d:00$/.test(t.text)).length).toBeGreaterThanOrEqual(3);
    const labels = (await ticks()).map((t) => t.text);
    expect(labels[0]).toBe('Tue 17');
    for (const l of labels.filter((t) => /:00$/.test(t))) expect(Number(l.slice(0, 2)) % 3, l).toBe(0);
    expect(overlapping(await ticks())).toBeNull();
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath('16-layout-day-ticks') });
  });

  it('shows an invalid edit where it is typed: a field as it is typed, the source under its box before and after Apply', async () => {
    await open('global-follow-the-sun');
    const editor = page.locator('fs-app fs-scenario-editor');
    // A field of the form: checked at every keystroke, its message under it before it is written.
    const replications = editor.locator('input[data-path="replications"]');
    await replications.fill('0');
    await poll(() => editor.locator('.field .error').first().textContent()).toMatch(/expected/);
    expect(await page.locator('fs-app fs-run-status').getAttribute('phase')).toBe('done'); // nothing written, nothing stopped
    await replications.fill('10');
    await poll(() => editor.locator('.field .error').count()).toBe(0);
    await replications.press('Tab');
    await editor.locator('summary', { hasText: 'Source' }).click();
    const area = editor.getByRole('textbox', { name: 'Scenario source' });
    const text = await area.inputValue();
    const line = text.split('\n').findIndex((l) => /^replications:/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    await area.fill(text.replace(/^replications: .*$/m, 'replications: lots'));
    const problems = editor.locator('[data-source-problems]');
    await poll(() => problems.textContent()).toContain('replications');
    expect(await problems.textContent()).toContain('Not applied yet');
    expect(await area.getAttribute('aria-invalid')).toBe('true');
    // Right under the box, not at the top of the panel.
    const [box, list] = [(await area.boundingBox())!, (await problems.boundingBox())!];
    expect(list.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
    expect(list.y - (box.y + box.height)).toBeLessThan(40);
    // The line number puts the cursor on that line.
    await problems.getByRole('button', { name: `line ${line}` }).click();
    const caret = await area.evaluate((a) => (a as HTMLTextAreaElement).selectionStart);
    expect(caret).toBe(text.split('\n').slice(0, line - 1).join('\n').length + 1);
    const inView = await area.evaluate((a, l) => {
      const t = a as HTMLTextAreaElement;
      const lh = parseFloat(getComputedStyle(t).lineHeight);
      const y = (l - 1) * lh;
      return y >= t.scrollTop && y + lh <= t.scrollTop + t.clientHeight;
    }, line);
    expect(inView, 'the line is scrolled into the box').toBe(true);
    await page.screenshot({ path: shotPath('13-source-problem-typed') });
    // Applied: nothing runs, the problem stays where it was typed.
    await editor.getByRole('button', { name: 'Apply' }).click();
    await page.locator('fs-app fs-run-status[phase="invalid"]').waitFor();
    await poll(() => problems.textContent()).toContain('This text cannot run');
    // Put right again: it runs.
    await area.fill(text);
    await editor.getByRole('button', { name: 'Apply' }).click();
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    expect(await problems.count()).toBe(0);
  });

  it('keeps a long language code (a fitted queue such as he-PS) apart from its channel in the heatmap, and counts one pool as one', async () => {
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'long.yaml', t: LONG_CODES, o: 'file' }], active: 0 })}`);
      await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
      const rows = page.locator('fs-app fs-heatmap g[role="row"]');
      await poll(() => rows.count()).toBe(3);
      for (const row of await rows.all()) {
        const boxes = await row.evaluate((g) => [...g.querySelectorAll('text.row-label, text.row-channel')].map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent ?? '', left: r.left, right: r.right };
        }));
        expect(boxes.map((b) => b.text).join(' '), `${width}`).toMatch(/^((he-PS|he-TT)? ?voice|en-PE chat)$/);
        expect(overlapping(boxes), `${width}`).toBeNull();
      }
    }
    expect(await page.locator('fs-app fs-scenario-editor summary', { hasText: 'Staffing' }).textContent()).toMatch(/Staffing\s*\(1 pool\)/);
    await page.screenshot({ path: shotPath('15-layout-long-language-codes-1440x900') });
  });

  it("keeps a language's long name inside the bar chart, shortened with its code kept", async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'long.yaml', t: LONG_CODES, o: 'file' }], active: 0, view: 'waits', ch: 'voice' })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const chart = page.locator('fs-app fs-waits-view fs-bar-chart', { hasText: 'service level by language' });
    await chart.locator('g[data-key] text.label').first().waitFor({ timeout: PATIENCE });
    const labels = await chart.locator('g[data-key] text.label').evaluateAll((ts) =>
      ts.map((t) => ({ text: t.textContent ?? '', title: t.querySelector('title')?.textContent ?? null, left: t.getBoundingClientRect().left, svg: t.closest('svg')!.getBoundingClientRect().left })),
    );
    expect(labels.length).toBe(2);
    for (const l of labels) {
      expect(l.left, l.text).toBeGreaterThanOrEqual(l.svg);
      expect(l.text, 'the code stays').toMatch(/\((he-PS|he-TT)\)$/);
    }
    // The one too long for the column is shortened; its whole name is its tooltip.
    const tt = labels.find((l) => l.text.endsWith('(he-TT)'))!;
    expect(tt.text).toContain('…');
    expect(tt.title).toMatch(/^Hebrew \(Trinidad.*\(he-TT\)$/);
  });

  it('says in Cost when no pool has a price (a scenario kept from History), instead of charts of €0', async () => {
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'long.yaml', t: LONG_CODES, o: 'file' }], active: 0, view: 'cost' })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const empty = page.locator('fs-app fs-cost-view [data-empty="no-prices"]');
    await empty.waitFor({ timeout: PATIENCE });
    expect(await empty.textContent()).toMatch(/No pool .* price/);
    // A priced scenario has no such message.
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ ex: 'global-follow-the-sun' }], active: 0, view: 'cost' })}`);
    await page.locator('fs-app fs-cost-view fs-bar-chart').first().waitFor({ timeout: PATIENCE });
    expect(await page.locator('fs-app fs-cost-view [data-empty]').count()).toBe(0);
  });

  it("brings an hour's details into view at 1280×720 when a cell of the first rows is chosen, the cell kept in view", async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open('global-follow-the-sun');
    const inView = (loc: ReturnType<Page['locator']>) =>
      loc.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
    // From the keyboard: the first cell, Enter (the details opened below the fold: nothing seemed to happen).
    const cell = page.locator('fs-app fs-heatmap rect.cell[data-row="0"][data-column="0"]');
    await cell.focus();
    await page.keyboard.press('Enter');
    const details = page.locator('fs-app fs-heatmap fs-hour-details section');
    await details.waitFor({ timeout: PATIENCE });
    await poll(async () => (await inView(details)).top).toBeLessThan(720 - 60);
    const c = await inView(cell);
    expect(c.top).toBeGreaterThan(48); // below the page header
    expect(c.bottom).toBeLessThan(720);
    await page.screenshot({ path: shotPath('16-hour-details-keyboard-1280x720') });
  });

  it('writes the thousands of a count axis as the bars\' values are written (8,000, not 8000)', async () => {
    await open('global-ai-hybrid');
    await page.locator('fs-app [role="tab"]', { hasText: 'Cost' }).click();
    const chart = page.locator('fs-app fs-cost-view fs-bar-chart', { hasText: 'AI resolutions' });
    await chart.locator('.x-grid .tick text').first().waitFor({ timeout: PATIENCE });
    const ticks = await chart.locator('.x-grid .tick text').allTextContents();
    expect(ticks.some((t) => Number(t.replace(/,/g, '')) >= 1000), ticks.join(' ')).toBe(true);
    for (const t of ticks) expect(t).toBe(Number(t.replace(/,/g, '')).toLocaleString('en-US'));
  });

  it('counts one queue and one replication as one: the coverage caption, the grid\'s label, the run status, the hour\'s details', async () => {
    const text = `name: One queue
horizon: { start: 2026-03-16T00:00:00Z, days: 1, warmupHours: 2 }
replications: 2
demand:
  - { id: v, language: en, channel: voice, volume: { perHour: 60 }, handleTime: { dist: exponential, mean: 180 } }
staffing:
  - { id: team, skills: [en], agents: 6 }
`;
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'one.yaml', t: text, o: 'file' }], active: 0 })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const heatmap = page.locator('fs-app fs-heatmap');
    await poll(async () => (await heatmap.locator('figcaption').first().textContent())?.replace(/\s+/g, ' ').trim()).toMatch(/^1 queue \(language × channel\) × 168 hours/);
    expect(await heatmap.locator('svg[role="grid"]').getAttribute('aria-label')).toMatch(/^Coverage heatmap: 1 queue \(language × channel\)/);
    await page.locator('fs-app select').nth(1).selectOption('voice');
    await poll(async () => (await heatmap.locator('figcaption').first().textContent())?.replace(/\s+/g, ' ').trim()).toMatch(/^1 language \(voice\) × 168 hours/);
    // One replication is one: the run's status and the hour's details.
    const replications = page.locator('fs-app fs-scenario-editor input[data-path="replications"]');
    await replications.fill('1');
    await replications.press('Tab');
    const shadowText = (loc: ReturnType<Page['locator']>) => loc.evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
    await poll(() => shadowText(page.locator('fs-app fs-run-status'))).toMatch(/Simulated 1 replication in/);
    await heatmap.locator('rect.cell[data-row="0"][data-column="0"]').click();
    await poll(() => shadowText(heatmap.locator('fs-hour-details'))).toMatch(/Means over 1 replication\./);
  });

  it('gives the FTEs and the monthly cost of every site as sim/ computes them, rounded to budget lines', async () => {
    const text = readFileSync(join(ROOT, 'scenarios', 'global-follow-the-sun.yaml'), 'utf8');
    const scenario = parseScenario(text, 'x.yaml');
    const r = simulate(compileScenario(scenario));
    await open('global-follow-the-sun');
    await page.locator('fs-app [role="tab"]', { hasText: 'Cost' }).click();
    const table = page.locator('fs-app fs-cost-view fs-finance-table');
    await table.locator('tr[data-pool]').first().waitFor();
    const rows = await table.locator('tr[data-pool]').evaluateAll((trs) =>
      trs.map((tr) => {
        const d = (tr as HTMLElement).dataset;
        return { pool: d.pool!, ftes: d.ftes!, month: d.month!, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()) };
      }),
    );
    expect(rows.map((row) => row.pool).sort()).toEqual(Object.keys(r.pools).sort());
    const toMonth = r.summary.costPerMonth.mean! / r.summary.costTotal.mean!;
    for (const row of rows) {
      const p = r.pools[row.pool];
      expect(Number(row.ftes), row.pool).toBeCloseTo(p.ftes!, 9);
      expect(p.ftes!).toBeCloseTo(p.paidHoursPerWeek! / (scenario.hoursPerFte ?? 40), 9);
      expect(Number(row.month), row.pool).toBeCloseTo(p.costTotal.mean! * toMonth, 6);
      // Shown rounded to a budget line, in the scenario's currency.
      const shown = Number(row.cells[4].replace(/[^\d.]/g, ''));
      expect(shown, row.pool).toBe(budgetRound(p.costTotal.mean! * toMonth));
      expect(row.cells[4]).toMatch(/^€/);
    }
    // Subtotals per sourcing type add up; the total is the summary's monthly cost.
    const kinds = await table.locator('tr[data-kind]').evaluateAll((trs) => trs.map((tr) => ({ ...(tr as HTMLElement).dataset })));
    expect(kinds.map((k) => k.kind)).toEqual(['in-house', 'outsourced']);
    for (const k of kinds) {
      const own = Object.values(r.pools).filter((p) => p.type === k.kind);
      expect(Number(k.month)).toBeCloseTo(own.reduce((s, p) => s + p.costTotal.mean! * toMonth, 0), 6);
      expect(Number(k.ftes)).toBeCloseTo(own.reduce((s, p) => s + p.ftes!, 0), 9);
    }
    expect(Number((await table.locator('[data-figure="costPerMonth"]').textContent())!.replace(/[^\d.]/g, ''))).toBe(budgetRound(r.summary.costPerMonth.mean!));
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath('14-finance-1440x900') });
  });
});
