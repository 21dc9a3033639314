// The page stays put: only the sidebar and the results scroll, each in its own pane. Screen-reader
// text in charts and tables (absolutely positioned) once sat against the page instead of its pane
// and stretched it, so a wheel past the end of a comparison or a roster scrolled the whole app off
// the screen, leaving a blank page. Each test opens its own scenarios by link.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, type StaticServer, useApp } from './browser';
import { TWO_LANGUAGES } from './two-languages';

const VARIANT = TWO_LANGUAGES.replace('name: Two languages (slicing)', 'name: More German agents').replace('agents: 6 }', 'agents: 9 }');

/** How far the page itself scrolls (0: not at all), and where the header is. */
const pageScroll = (page: Page) =>
  page.evaluate(() => ({
    overflow: document.scrollingElement!.scrollHeight - innerHeight,
    headerTop: document.querySelector('fs-app')!.shadowRoot!.querySelector('fs-header')!.getBoundingClientRect().top,
  }));

describe('the page itself never scrolls', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  /** Wheels over the results well past their end. */
  async function wheelToTheEnd(): Promise<void> {
    const box = (await page.locator('fs-app main').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 1500);
    // The last wheel's scroll has been applied (the pane is at its end).
    await expect
      .poll(() => page.locator('fs-app main').evaluate((m) => m.scrollTop + m.clientHeight >= m.scrollHeight - 1), { timeout: PATIENCE })
      .toBe(true);
  }

  it('keeps the header on screen when the comparison is wheeled past its end, at 1280 × 720', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const docs = [
      { f: 'a.yaml', t: TWO_LANGUAGES, o: 'file' as const },
      { f: 'b.yaml', t: VARIANT, o: 'file' as const },
    ];
    await page.goto(`${server.url}${await encodeState({ v: 1, docs, active: 0, view: 'compare', cmp: [0, 1] })}`);
    await page.locator('fs-app fs-compare-view tr[data-group="language.de"] td[data-scenario="1"] .delta').waitFor({ timeout: PATIENCE });
    expect((await pageScroll(page)).overflow).toBeLessThanOrEqual(0);
    await wheelToTheEnd();
    expect((await pageScroll(page)).headerTop).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it("keeps the header on screen when the default scenario's roster is wheeled past its end, at 1440 × 900", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await page.locator('fs-app').getByRole('tab', { name: 'Roster' }).click();
    await page.locator('fs-app fs-roster-editor [data-roster-pool="lisbon"]').waitFor({ timeout: PATIENCE });
    expect((await pageScroll(page)).overflow).toBeLessThanOrEqual(0);
    await wheelToTheEnd();
    expect((await pageScroll(page)).headerTop).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
