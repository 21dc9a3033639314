// The History view names days without records as the CLI does (sim/history/local-time daysText):
// three or more in a row as one run, "first to last (n days)". A stray row dated a year after the
// rest (a mistyped year) had the fit and the back-test list each of the 364 days between, one by
// one. The records are written here: two days of calls, 2026-03-02 and 03, and one call on
// 2027-03-03; the days between are 2026-03-04 to 2027-03-02.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dropFile, PATIENCE, useApp } from './browser';

const SHOTS = '/tmp/shots/history-gap-runs';
const view = (page: Page) => page.locator('fs-app fs-history-view');
const RUN = '2026-03-04 to 2027-03-02 (364 days)';

/** A call every 10 minutes from 08:00 to 18:00 on two days, and one call a year after the second. */
function records(): string {
  const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
  for (const day of ['2026-03-02', '2026-03-03']) {
    for (let m = 8 * 60; m < 18 * 60; m += 10) {
      lines.push(`${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00Z,en,answered,10,120,anna`);
    }
  }
  lines.push('2027-03-03T10:00:00Z,en,answered,10,120,anna');
  return `${lines.join('\n')}\n`;
}

const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('days without records in the History view', { timeout: 900_000 }, () => {
  const app = useApp();

  it('are one run of 364 days in the fit and the back-test, not 364 dates', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, 'stray-row.csv', records());
    await view(page).locator('fs-history-backtest table[data-errors="hour"]').waitFor({ timeout: 3 * PATIENCE });

    const fit = view(page).locator('fs-history-fit [data-missing-days]');
    expect(await fit.getAttribute('data-missing-days')).toBe('364');
    expect(flat(await fit.textContent())).toBe(`Days without any record (a gap in the data, not fitted): ${RUN}.`);
    const backtest = view(page).locator('fs-history-backtest [data-days-without-records]');
    expect(await backtest.getAttribute('data-days-without-records')).toBe('364');
    expect(flat(await backtest.textContent())).toBe(`Days without records, not compared: ${RUN}.`);
    // The fitted scenario's description (the import's, sim/history/fit-scenario) says the same.
    expect(flat(await view(page).locator('fs-history-fit [data-description]').textContent())).toContain(`(a gap in the data, not fitted): ${RUN}.`);
    // No day of the run is listed on its own.
    const everything = flat(await view(page).evaluate((el) => el.shadowRoot?.textContent ?? '') + (await view(page).locator('fs-history-fit').evaluate((el) => el.shadowRoot?.textContent ?? '')) + (await view(page).locator('fs-history-backtest').evaluate((el) => el.shadowRoot?.textContent ?? '')));
    expect(everything).not.toContain('2026-03-05');
    await fit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/fit-1280x720.png` });
  });
});
