// A case report comparing many scenarios side by side stays inside its page: on screen the page
// never scrolls sideways (a table too wide scrolls in its own region), and printed on landscape A4
// every table fits the paper, where nothing scrolls. Five scenarios of a few languages and
// channels give tables of 10 to 17 columns.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareModels, compileForComparison } from '../../sim/compare';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { caseReportHtml } from '../../report/case-report';

/** A day of three languages on voice, chat and email, served by one team of `agents`. */
function desk(name: string, agents: number): ScenarioInput {
  const stream = (language: string, channel: 'voice' | 'chat' | 'email') => ({
    id: `${language}-${channel}`,
    language,
    channel,
    volume: { perHour: 20 },
    handleTime: { dist: 'exponential' as const, mean: 240 },
  });
  return {
    name,
    horizon: { start: '2026-03-18T00:00:00Z', days: 1, warmupHours: 2 },
    intervalMinutes: 60,
    replications: 2,
    demand: ['en', 'de', 'fr'].flatMap((l) => [stream(l, 'voice'), stream(l, 'chat'), stream(l, 'email')]),
    staffing: [{ id: 'multilingual-team', skills: ['en', 'de', 'fr'], channels: ['voice', 'chat', 'email'], agents, cost: { perHour: 31.5 } }],
  };
}

/** Where each table ends against the space the page gives it (px; > 0 is past it), and whether it
 * sits in a region that scrolls on its own. */
function overhangs(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const style = getComputedStyle(main);
    const contentRight = main.getBoundingClientRect().right - parseFloat(style.paddingRight);
    return {
      pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
      tables: [...document.querySelectorAll('table')].map((t) => ({
        table: t.className,
        past: Math.round(t.getBoundingClientRect().right - contentRight),
        scroller: t.closest('.wide-table') ? Math.round(t.closest('.wide-table')!.getBoundingClientRect().right - contentRight) : null,
      })),
    };
  });
}

describe('a case report of five scenarios side by side', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const names = ['Multilingual desk as staffed today', 'Multilingual desk with two more agents', 'Multilingual desk with four more agents', 'Multilingual desk with six more agents', 'Multilingual desk with eight more agents'];
    const scenarios = names.map((n, k) => validateScenario(desk(n, 12 + 2 * k), `${n}.yaml`));
    const html = caseReportHtml({ scenarios, comparison: compareModels(compileForComparison(scenarios)), generatedAt: '2026-01-01T00:00:00Z' });
    dir = mkdtempSync(join(tmpdir(), 'followsun-report-width-'));
    const file = join(dir, 'case.html');
    writeFileSync(file, html);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'followsun-chromium-')), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 720 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('on a 1280 × 720 screen, the page does not scroll sideways: a table too wide scrolls in its own region', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 720 });
    const { pageScrollsSideways, tables } = await overhangs(page);
    expect(pageScrollsSideways).toBe(false);
    // The language table (2 + 3 × 5 columns) is wider than the page here, inside its scroller.
    expect(tables.find((t) => /language-table/.test(t.table))!.past).toBeGreaterThan(0);
    for (const t of tables) {
      if (t.past > 0) expect(t.scroller, `${t.table} runs ${t.past} px past the page`).not.toBeNull();
      if (t.scroller !== null) expect(t.scroller, t.table).toBeLessThanOrEqual(0);
    }
    // A region that scrolls can be reached and scrolled by keyboard, and says what it holds.
    const region = page.locator('.wide-table', { has: page.locator('table.language-table') });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.getAttribute('aria-label')).toBe('Service and gap hours per language');
  });

  it('printed on landscape A4, every table fits the paper', async () => {
    // 297 mm less the page's margins of 12 mm each side, at 96 px an inch.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.floor(((297 - 24) / 25.4) * 96), height: 700 });
    const { pageScrollsSideways, tables } = await overhangs(page);
    expect(pageScrollsSideways).toBe(false);
    for (const t of tables) expect(t.past, `${t.table} runs ${t.past} px past the paper`).toBeLessThanOrEqual(0);
  });
});
