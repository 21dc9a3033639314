// From a shift's bar to its fields and back by keyboard: Enter selects the shift's start (what is
// typed replaces it), Escape drops what was typed and returns to the bar, where the arrow keys go
// on moving the shift. Each test opens its own scenario by link.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { focused, PATIENCE, type StaticServer, useApp } from './browser';

const TEXT = `name: Roster round trip
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
    cost: { perHour: 30 }
`;

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const roster = (page: Page) => page.locator('fs-app fs-roster-editor');
const text = (page: Page) => page.evaluate(() => (document.querySelector('fs-app') as unknown as { store: { active: { text: string } } }).store.active.text);

describe('a shift’s bar and its fields by keyboard', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  it('Enter selects the start to type over, Escape drops what was typed and goes back to the bar', async () => {
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'round-trip.yaml', t: TEXT, o: 'file' }], active: 0, view: 'roster' })}`);
    await roster(page).locator('[data-roster-pool="team"]').waitFor({ timeout: PATIENCE });
    const bar = roster(page).locator('[data-roster-pool="team"] g.shift[data-shift="0"]');
    const start = roster(page).getByRole('textbox', { name: 'team shift 1 start' });
    await bar.focus();
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toBe('team shift 1 start');
    // The whole value is selected: typing replaces it (and is checked as it is typed).
    expect(await start.evaluate((i: HTMLInputElement) => [i.selectionStart, i.selectionEnd])).toEqual([0, 5]);
    await page.keyboard.type('25:00');
    await poll(() => start.inputValue()).toBe('25:00');
    await poll(() => roster(page).locator('[data-shifts="team"] tr[data-shift="0"] .error').count()).toBe(1);

    await page.keyboard.press('Escape');
    await poll(() => focused(page)).toBe('team, Mon-Fri 08:00–16:00, 12 agents');
    expect(await start.inputValue()).toBe('08:00');
    expect(await roster(page).locator('[data-shifts="team"] .error').count()).toBe(0);
    expect(await text(page)).toBe(TEXT);
    expect(await roster(page).getByRole('button', { name: /Undo/ }).isDisabled()).toBe(true);

    // Back on the bar, the keys move the shift again.
    await page.keyboard.press('ArrowRight');
    await poll(() => focused(page)).toBe('team, Mon-Fri 08:15–16:15, 12 agents');
    await poll(() => text(page)).toContain('start: "08:15", end: "16:15"');
    expect(app.consoleErrors).toEqual([]);
  });
});
