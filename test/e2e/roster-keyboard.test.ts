// The roster editor by keyboard alone, as an analyst reworks a site's week: day sets changed with
// the day boxes, shifts removed with their ✕ button. Each test opens its own scenario by link, and
// fails on any error the page logs. Built and driven in headless Chromium (test/e2e/browser.ts).
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { encodeState } from '../../src/lib/url-state';
import { focused, PATIENCE, type StaticServer, useApp } from './browser';

/** One queue, one site, two weekday shifts. */
const TEXT = `name: Roster by keyboard
horizon: { start: 2026-03-16T00:00:00Z, days: 2, warmupHours: 2 }
replications: 2
demand:
  - { id: en-voice, language: en, channel: voice, timezone: Europe/Dublin, volume: { perWeek: 7000 }, pattern: business-day,
      handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 150 } }
staffing:
  - id: team
    timezone: Europe/Dublin
    skills: [en]
    shifts:
      - { days: Mon-Fri, start: "08:00", end: "16:00", agents: 12 }
      - { days: Mon-Fri, start: "12:00", end: "20:00", agents: 8 }
      - { days: Mon-Fri, start: "16:00", end: "24:00", agents: 4 }
    cost: { perHour: 30 }
`;

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const roster = (page: Page) => page.locator('fs-app fs-roster-editor');
/** The scenario's text as the app holds it (what Download YAML writes). */
const text = (page: Page) => page.evaluate(() => (document.querySelector('fs-app') as unknown as { store: { active: { text: string } } }).store.active.text);

describe('roster editor by keyboard', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  async function openRoster(): Promise<void> {
    const hash = await encodeState({ v: 1, docs: [{ f: 'roster-keys.yaml', t: TEXT, o: 'file' }], active: 0, view: 'roster' });
    await page.goto(`${server.url}${hash}`);
    await roster(page).locator('[data-roster-pool="team"]').waitFor({ timeout: PATIENCE });
  }

  it('an analyst turns a weekday shift into a weekend one by unticking the weekdays first, then ticking Sat and Sun', async () => {
    await openRoster();
    const day = (d: string) => roster(page).getByRole('checkbox', { name: `team shift 1 on ${d}` });
    for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) {
      await day(d).focus();
      await page.keyboard.press('Space');
      await poll(() => day(d).isChecked()).toBe(false);
    }
    // No day left: the schema's message says so, and the days can still be ticked.
    await poll(() => roster(page).locator('[data-shifts="team"] tr[data-shift="0"] .error').textContent()).toContain('expected days');
    for (const d of ['Sat', 'Sun']) {
      expect(await day(d).isDisabled(), `${d} can be ticked`).toBe(false);
      await day(d).focus();
      await page.keyboard.press('Space');
      await poll(() => day(d).isChecked()).toBe(true);
    }
    await poll(async () => parse(await text(page)).staffing[0].shifts[0]).toEqual({ days: 'Sat-Sun', start: '08:00', end: '16:00', agents: 12 });
    expect(await roster(page).locator('.error').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('removing a shift with its ✕ button keeps the keyboard in the table', async () => {
    await openRoster();
    const remove = (k: number) => roster(page).getByRole('button', { name: `Remove team shift ${k}` });
    await remove(3).focus();
    await page.keyboard.press('Enter');
    await poll(() => text(page)).not.toContain('start: "16:00", end: "24:00"');
    // Focus on the ✕ of the shift now last, not lost to the page: Enter removes that one too.
    await poll(() => focused(page)).toBe('Remove team shift 2');
    await page.keyboard.press('Enter');
    await poll(() => text(page)).not.toContain('start: "12:00", end: "20:00"');
    // One shift left: its ✕ is disabled (a pool needs a shift), so focus goes to "Add a shift".
    await poll(() => focused(page)).toBe('Add a shift to team');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a head count typed wrong stays in its field, with the message under it, until it is corrected', async () => {
    await openRoster();
    const agents = roster(page).getByRole('textbox', { name: 'team shift 1 agents', exact: true });
    for (const typed of ['abc', '-3', '1e9']) {
      await agents.focus();
      await agents.fill(typed);
      await agents.press('Enter');
      await poll(() => roster(page).locator('[data-shifts="team"] tr[data-shift="0"] .error').textContent()).toMatch(/expected a whole number/);
      // What the analyst typed is what the field shows, so the message can be read against it.
      expect(await agents.inputValue(), typed).toBe(typed === '1e9' ? '1000000000' : typed);
    }
    await agents.fill('14');
    await agents.press('Enter');
    await poll(async () => parse(await text(page)).staffing[0].shifts[0].agents).toBe(14);
    expect(await roster(page).locator('.error').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a shift end typed as 25:00 is named as the problem, not taken for an open shift the planner decides', async () => {
    await openRoster();
    const end = roster(page).getByRole('textbox', { name: 'team shift 1 end', exact: true });
    await end.focus();
    await end.fill('25:00');
    await end.press('Enter');
    await poll(() => roster(page).locator('[data-shifts="team"] tr[data-shift="0"] .error').textContent()).toContain('expected a time HH:MM');
    const facts = roster(page).locator('[data-roster-pool="team"] [data-paid-hours]');
    expect(await facts.textContent()).not.toContain('open shifts');
    await end.fill('16:30');
    await end.press('Enter');
    await poll(async () => parse(await text(page)).staffing[0].shifts[0].end).toBe('16:30');
    // 8.5 h × 5 days × 12 + 8 h × 5 × 8 + 8 h × 5 × 4 paid hours a week.
    expect(Number(await facts.getAttribute('data-paid-hours'))).toBe(510 + 320 + 160);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a shift on Mon, Wed and Fri keeps its hours readable in the week at 1280 × 720', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openRoster();
    for (const d of ['Tue', 'Thu']) {
      const box = roster(page).getByRole('checkbox', { name: `team shift 3 on ${d}` });
      await box.focus();
      await page.keyboard.press('Space');
      await poll(() => box.isChecked()).toBe(false);
    }
    const label = roster(page).locator('[data-roster-pool="team"] g.shift[data-shift="2"] text.label');
    await poll(() => label.evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''))).toContain('16:00–24:00');
    // Inside the week's drawing: no letter cut off at its left edge.
    const inside = await label.evaluate((el) => {
      const text = el as SVGTextElement;
      return text.getBBox().x >= 0;
    });
    expect(inside).toBe(true);
    // The whole name is still there for a screen reader and as the tooltip.
    expect(await roster(page).locator('[data-roster-pool="team"] g.shift[data-shift="2"]').getAttribute('aria-label')).toBe('team, Mon,Wed,Fri 16:00–24:00, 4 agents');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a head count range left to the planner is edited in the form it is shown in', async () => {
    const open = TEXT.replace('agents: 8 }', 'agents: { min: 1, max: 30 } }');
    const hash = await encodeState({ v: 1, docs: [{ f: 'roster-range.yaml', t: open, o: 'file' }], active: 0, view: 'roster' });
    await page.goto(`${server.url}${hash}`);
    const agents = roster(page).getByRole('textbox', { name: 'team shift 2 agents', exact: true });
    await agents.waitFor({ timeout: PATIENCE });
    expect(await agents.inputValue()).toBe('{ min: 1, max: 30 }');
    // The analyst raises the most the planner may put on the shift, keeping the form shown.
    await agents.fill('{ min: 1, max: 40 }');
    await agents.press('Enter');
    await poll(async () => parse(await text(page)).staffing[0].shifts[1].agents).toEqual({ min: 1, max: 40 });
    expect(await roster(page).locator('.error').count()).toBe(0);
    expect(await agents.inputValue()).toBe('{ min: 1, max: 40 }');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a head count range reads whole at 1280 × 720: on the bars of the week and in its field', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const open = TEXT.replace('agents: 8 }', 'agents: { min: 1, max: 30 } }');
    const hash = await encodeState({ v: 1, docs: [{ f: 'roster-range.yaml', t: open, o: 'file' }], active: 0, view: 'roster' });
    await page.goto(`${server.url}${hash}`);
    const bar = roster(page).locator('[data-roster-pool="team"] g.shift[data-shift="1"]');
    await bar.waitFor({ timeout: PATIENCE });
    // Each day's count fits on its bar: the range as 1–30.
    const fits = await bar.evaluate((g) =>
      [...g.querySelectorAll('rect.bar')].map((rect, k) => {
        const text = g.querySelectorAll<SVGTextElement>('text:not(.label)')[k];
        return { text: text?.textContent, fits: text ? text.getComputedTextLength() <= (rect as SVGRectElement).width.baseVal.value : false };
      }),
    );
    expect(fits.length).toBe(5);
    for (const f of fits) expect(f).toEqual({ text: '1–30', fits: true });
    // The field shows the whole range, not its first characters.
    const agents = roster(page).getByRole('textbox', { name: 'team shift 2 agents', exact: true });
    expect(await agents.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});

