// The History view says when a generic export's local clock times are read in UTC because no time
// zone was chosen (the CLI's note without --timezone), and where to choose one; choosing a zone
// takes the note away (back-testing again without choosing one keeps it), and a file whose times
// all carry their offset gets none. Expected counts
// are those of the file written here (rows with a local time), not read from the page.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dropFile, PATIENCE, useApp, type StaticServer } from './browser';

const SHOTS = '/tmp/shots/history-zone-note';
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const view = (page: Page) => page.locator('fs-app fs-history-view');

/** Two days of a call every 10 minutes from 08:00 to 18:00: 120 rows, local times or instants. */
function records(instants: boolean): string {
  const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
  for (const day of ['2026-03-02', '2026-03-03']) {
    for (let m = 8 * 60; m < 18 * 60; m += 10) {
      const at = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
      lines.push(`${day}${instants ? `T${at}Z` : ` ${at}`},en,answered,10,120,anna`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('the History view and the time zone of local clock times', { timeout: 900_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  it('says UTC was assumed for local times, back-tested again too, until a zone is chosen', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, 'desk.csv', records(false));
    await view(page).locator('fs-history-backtest table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });
    const note = view(page).locator('[data-zone-note]');
    expect(await note.getAttribute('data-zone-note')).toBe('UTC');
    const text = (await note.textContent())!.replace(/\s+/g, ' ');
    // 120 rows written without an offset, the first on line 2.
    expect(text).toContain('Time zone assumed: UTC.');
    expect(text).toContain('120 rows give a local clock time without a UTC offset (first on line 2)');
    expect(text).toContain("“Customers' time zone” below");
    expect(await view(page).locator('fs-history-fit [data-tallies="notes"] tr[data-kind="clock time without a UTC offset, read as UTC local time"]').getAttribute('data-count')).toBe('120');
    await page.screenshot({ path: `${SHOTS}/1-note-1280x720.png` });
    // Back-test again without choosing a zone: still read as UTC, still said (it was lost: the
    // field's UTC was sent as if chosen).
    await view(page).locator('input[name="replications"]').fill('3');
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    await poll(() => view(page).locator('fs-history-backtest [data-replications]').getAttribute('data-replications')).toBe('3');
    expect(await note.getAttribute('data-zone-note')).toBe('UTC');
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toBe(text);
    // Nothing chosen shows as nothing chosen: the field is blank, the zone assumed its placeholder.
    expect(await view(page).locator('input[name="timezone"]').inputValue()).toBe('');
    expect(await view(page).locator('input[name="timezone"]').getAttribute('placeholder')).toBe('UTC (assumed)');
    await view(page).locator('input[name="timezone"]').fill('Europe/Berlin');
    await view(page).locator('input[name="replications"]').fill('4');
    await view(page).getByRole('button', { name: 'Back-test again' }).click();
    await poll(() => view(page).locator('fs-history-fit section[data-fit]').textContent()).toContain('Local time Europe/Berlin');
    await poll(() => view(page).locator('fs-history-backtest [data-replications]').getAttribute('data-replications')).toBe('4');
    expect(await note.count()).toBe(0);
    // Chosen, as --timezone: its rows are not kept "with a caveat" of a zone assumed either.
    expect(await view(page).locator('fs-history-fit [data-tallies="notes"] tr[data-kind^="clock time without a UTC offset"]').count()).toBe(0);
  });

  it('says nothing for a file whose times all carry their offset', async () => {
    await page.goto(server.url);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await dropFile(page, 'instants.csv', records(true));
    await view(page).locator('fs-history-backtest table[data-errors="hour"]').waitFor({ timeout: 2 * PATIENCE });
    expect(await view(page).locator('[data-records-file]').textContent()).toBe('instants.csv');
    expect(await view(page).locator('[data-zone-note]').count()).toBe(0);
  });
});
