// A narrow window (a laptop split in two, a tablet): the sidebar stacks above the results, so the
// page opens with it closed and the results fill the screen; ☰ Scenarios opens it. The roster's
// week, at least 640 px wide, scrolls sideways in its card instead of pushing the view (and the
// text around it) past the window's edge. Each test opens its own scenario by link.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, type StaticServer, useApp } from './browser';
import { TWO_LANGUAGES } from './two-languages';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });

describe('a narrow window', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  const open = async (view?: 'roster') => {
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'two.yaml', t: TWO_LANGUAGES, o: 'file' }], active: 0, view })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
  };

  it('opens with the sidebar closed and the views in sight at 600 × 900; ☰ Scenarios opens it', async () => {
    await page.setViewportSize({ width: 600, height: 900 });
    await open();
    const sidebar = page.locator('fs-app aside');
    const toggle = page.locator('fs-app fs-header').getByRole('button', { name: /Scenarios/ });
    expect(await sidebar.count()).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // The views' tabs and the top of the heatmap are on screen without scrolling.
    const heatmap = (await page.locator('fs-app fs-heatmap').boundingBox())!;
    expect(heatmap.y + 100).toBeLessThan(900);
    await toggle.click();
    await sidebar.waitFor({ timeout: PATIENCE });
    expect(await page.locator('fs-app fs-scenario-editor input[data-path="seed"]').isVisible()).toBe(true);
  });

  it('keeps a wide window’s sidebar open', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open();
    await page.locator('fs-app aside').waitFor({ timeout: PATIENCE });
  });

  it('scrolls the roster’s week in its card at 600 px: nothing runs past the window’s edge', async () => {
    await page.setViewportSize({ width: 600, height: 900 });
    await open('roster');
    const editor = page.locator('fs-app fs-roster-editor');
    await editor.locator('[data-roster-pool="berlin"]').waitFor({ timeout: PATIENCE });
    // The results pane has nothing to scroll sideways; the hint and each card end inside it.
    await poll(() => page.locator('fs-app main').evaluate((m) => m.scrollWidth - m.clientWidth)).toBeLessThanOrEqual(1);
    const right = await editor.evaluate((e) => Math.max(...[...e.shadowRoot!.querySelectorAll('.hint, .card, .toolbar')].map((el) => el.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(600);
    // The week itself scrolls sideways to its Sunday.
    const week = editor.locator('[data-roster-pool="berlin"] .week');
    expect(await week.evaluate((w) => w.scrollWidth > w.clientWidth)).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
