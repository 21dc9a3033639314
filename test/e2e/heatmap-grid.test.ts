// The coverage heatmap as a keyboard and screen-reader user meets it: one grid, one cell in the tab
// order (the active one), the arrow keys, Home/End and PageUp/PageDown moving the focus across hours
// and queues, Enter opening that hour's figures; every cell labelled, hatched exactly where sim/
// flags the hour uncovered (demand, nobody with the skill on the phones). The scenario opens by
// link; expected figures come from sim/ run here in Node with the same seed, never from the page.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim/model/model';
import { parseScenario } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { encodeState } from '../../src/lib/url-state';
import { focused, PATIENCE, type StaticServer, useApp } from './browser';

/** English voice and chat from a Dublin team on weekday days; German voice nobody speaks: hours
 * with demand and no one with the skill on the phones, in both languages. A week from Monday 00:00
 * UTC, so a cell's column is its horizon hour (the display zone is UTC). */
const TEXT = `name: Heatmap grid
horizon: { start: 2026-03-16T00:00:00Z, days: 7, warmupHours: 2 }
replications: 2
demand:
  - { id: en-voice, language: en, channel: voice, timezone: Europe/Dublin, volume: { perWeek: 3000 }, pattern: flat,
      handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 150 } }
  - { id: en-chat, language: en, channel: chat, timezone: Europe/Dublin, volume: { perWeek: 1500 }, pattern: flat,
      handleTime: { dist: exponential, mean: 300 } }
  - { id: de-voice, language: de, channel: voice, timezone: Europe/Berlin, volume: { perWeek: 3000 }, pattern: flat,
      handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 150 } }
staffing:
  - id: dublin
    timezone: Europe/Dublin
    skills: [en]
    channels: [voice, chat]
    shifts:
      - { days: Mon-Fri, start: "08:00", end: "18:00", agents: 8 }
    cost: { perHour: 30 }
`;

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const heatmap = (page: Page) => page.locator('fs-app fs-heatmap');
const cellAt = (page: Page, row: number, column: number) => heatmap(page).locator(`rect.cell[data-row="${row}"][data-column="${column}"]`);
const details = (page: Page) => heatmap(page).locator('[aria-label="Details of the selected hour"]');

/** The focused element's row and column, through the shadow roots ("" when it is not a cell). */
const focusedCell = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.classList.contains('cell') ? `${el.getAttribute('data-row')},${el.getAttribute('data-column')}` : '';
  });

/** Where the tab order and the selection are: the cells with tabindex 0 and aria-selected true. */
const marked = (grid: Locator) =>
  grid.evaluate((h) => {
    const at = (sel: string) => [...h.shadowRoot!.querySelectorAll(sel)].map((c) => `${c.getAttribute('data-row')},${c.getAttribute('data-column')}`);
    return { tabbable: at('rect.cell[tabindex="0"]'), selected: at('rect.cell[aria-selected="true"]') };
  });

describe('coverage heatmap: keyboard grid and cells', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  let result: ScenarioResult;
  beforeAll(() => {
    result = simulate(compileScenario(parseScenario(TEXT, 'heatmap-grid.yaml')));
  });
  beforeEach(async () => {
    ({ page, server } = app);
    const hash = await encodeState({ v: 1, docs: [{ f: 'heatmap-grid.yaml', t: TEXT, o: 'file' }], active: 0, view: 'coverage' });
    await page.goto(`${server.url}${hash}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await heatmap(page).locator('rect.cell').first().waitFor({ timeout: PATIENCE });
  });

  /** sim/'s figures for the queue and horizon hour of a cell. */
  async function expected(cell: Locator) {
    const [language, channel, column] = await Promise.all(['data-language', 'data-channel', 'data-column'].map((a) => cell.getAttribute(a)));
    const q = result.coverage.find((c) => c.language === language && c.channel === channel)!;
    const k = Number(column);
    return { q, offered: q.hours.offered[k] };
  }

  it('moves the focus across hours and queues with the arrow keys, Home/End and PageUp/PageDown, one cell in the tab order', async () => {
    const grid = heatmap(page);
    expect(await grid.locator('svg[role="grid"]').getAttribute('aria-colcount')).toBe('168');
    expect(await marked(grid)).toEqual({ tabbable: ['0,0'], selected: [] });
    await cellAt(page, 0, 0).focus();
    expect(await focusedCell(page)).toBe('0,0');
    // The focus ring is drawn while the grid has the focus.
    await poll(() => grid.locator('rect.focus-ring').count()).toBe(1);

    const steps: [string, string][] = [
      ['ArrowRight', '0,1'],
      ['ArrowRight', '0,2'],
      ['ArrowDown', '1,2'],
      ['ArrowDown', '2,2'],
      ['ArrowDown', '2,2'], // the last queue: stays
      ['ArrowUp', '1,2'],
      ['End', '1,23'],
      ['PageDown', '1,47'],
      ['Home', '1,24'],
      ['PageUp', '1,0'],
      ['ArrowLeft', '1,0'], // the first hour: stays
      ['Control+End', '2,167'],
      ['Control+Home', '0,0'],
    ];
    for (const [key, at] of steps) {
      await page.keyboard.press(key);
      await poll(() => focusedCell(page)).toBe(at);
      expect((await marked(grid)).tabbable, `after ${key}`).toEqual([at]);
    }
    // The focused cell is named for a screen reader: queue, hour and what happened in it.
    await page.keyboard.press('ArrowRight');
    await poll(() => focusedCell(page)).toBe('0,1');
    const label = await focused(page);
    expect(label).toMatch(/^(English|German) (voice|chat), Mon 01:00: /);
    const e = await expected(cellAt(page, 0, 1));
    if (e.offered > 0) expect(label).toMatch(/offered$/);
  });

  it("opens the focused hour's figures with Enter, follows the arrows while open, and closes with Escape", async () => {
    const grid = heatmap(page);
    await cellAt(page, 0, 0).focus();
    // Tuesday 10:00 UTC of the first row: the Dublin team is on.
    for (let i = 0; i < 34; i++) await page.keyboard.press('ArrowRight');
    await poll(() => focusedCell(page)).toBe('0,34');
    await page.keyboard.press('Enter');
    await details(page).waitFor({ timeout: PATIENCE });
    expect((await marked(grid)).selected).toEqual(['0,34']);

    const check = async (row: number, column: number) => {
      const cell = cellAt(page, row, column);
      const e = await expected(cell);
      const current = details(page).locator('tr[aria-current="true"]');
      await poll(() => current.getAttribute('data-channel')).toBe(e.q.channel);
      expect(Number(await current.getAttribute('data-offered'))).toBeCloseTo(e.offered, 9);
      expect(Number(await current.getAttribute('data-answered'))).toBeCloseTo(
        e.q.answered.filter((_, i) => Math.floor((i * result.intervalMinutes) / 60) === column).reduce((s, x) => s + x, 0),
        9,
      );
      const heading = (await details(page).locator('h4').textContent())!.replace(/\s+/g, ' ');
      expect(heading).toContain(`(${e.q.language}) ${e.q.channel}`);
      expect(heading).toContain(`${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][Math.floor(column / 24)]} ${16 + Math.floor(column / 24)} Mar ${String(column % 24).padStart(2, '0')}:00`);
    };
    await check(0, 34);
    // With the details open, the selection moves with the focus.
    await page.keyboard.press('ArrowDown');
    await poll(async () => (await marked(grid)).selected).toEqual(['1,34']);
    await check(1, 34);
    await page.keyboard.press('Escape');
    await poll(() => details(page).count()).toBe(0);
    expect((await marked(grid)).selected).toEqual([]);
    // Space opens them too; a click selects the cell clicked.
    await page.keyboard.press(' ');
    await details(page).waitFor({ timeout: PATIENCE });
    await cellAt(page, 2, 100).click();
    await poll(async () => (await marked(grid)).selected).toEqual(['2,100']);
    await check(2, 100);
  });

  it('hatches exactly the hours sim/ flags uncovered, and labels and colours every cell with its figures', async () => {
    const grid = heatmap(page);
    const cells = await grid.locator('rect.cell').evaluateAll((els) =>
      els.map((e) => {
        const d = (e as SVGElement).dataset;
        const [language, channel, column, offered, uncovered, below] = [d.language, d.channel, d.column, d.offered, d.uncovered, d.below];
        return { language, channel, column, offered, uncovered, below, style: e.getAttribute('style') ?? '', label: e.getAttribute('aria-label') ?? '', role: e.getAttribute('role') };
      }),
    );
    expect(cells).toHaveLength(result.coverage.length * 168);
    const pattern = await grid.locator('pattern').getAttribute('id');
    let hatched = 0;
    for (const c of cells) {
      const q = result.coverage.find((x) => x.language === c.language && x.channel === c.channel)!;
      const k = Number(c.column);
      const where = `${c.language}/${c.channel} ${k}`;
      expect(c.role).toBe('gridcell');
      expect(Number(c.offered), where).toBeCloseTo(q.hours.offered[k], 9);
      expect(Number(c.uncovered), where).toBe(q.hours.uncovered[k]);
      expect(Number(c.below), where).toBe(q.hours.belowTarget[k]);
      if (q.hours.uncovered[k]) {
        expect(q.hours.offered[k], where).toBeGreaterThan(0); // demand every hour: no cell is "no demand"
        hatched++;
        expect(c.style, where).toBe(`fill: url(#${pattern})`);
        expect(c.label, where).toContain(': uncovered;');
      } else {
        expect(c.style, where).not.toContain('url(');
        if (q.hours.offered[k] > 0) expect(c.style, where).toMatch(/^fill: rgb\(/);
        else expect(c.label, where).toMatch(/: no demand$/);
      }
    }
    // German voice has nobody at all; English is uncovered outside the Dublin team's weekday hours.
    const uncovered = (language: string) => result.coverage.filter((q) => q.language === language).reduce((n, q) => n + q.hours.uncovered.reduce((a, b) => a + b, 0), 0);
    expect(hatched).toBe(uncovered('en') + uncovered('de'));
    expect(uncovered('de')).toBeGreaterThan(100);
    expect(uncovered('en')).toBeGreaterThan(0);
    // The hatch pattern is drawn (a rectangle and its stripe), not an empty reference.
    expect(await grid.locator(`pattern#${pattern} line`).count()).toBe(1);
  });
});
