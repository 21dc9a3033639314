// The app on the screens analysts use (1280×720 and 1440×900), driven in headless Chromium: the
// headline cards in one row or in balanced rows, the heatmap as wide as its card and taller rows
// when presenting, the sidebar's disclosure triangles inside the panel, an invalid source edit
// reported under the box it was typed in, and the sites' FTEs and monthly cost as sim/ computes
// them. Each test has its own browser context; nothing here measures time.
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

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const SIZES = [
  [1280, 720],
  [1440, 900],
] as const;

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
