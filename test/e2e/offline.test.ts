// After the page has loaded, the parts fetched when first used (the planner's worker, the history
// import's worker) cannot be reached once the network is gone: the page says so, and what to do,
// instead of a bare "failed to start". Each test opens its own scenario by link, then goes offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, ROOT, type StaticServer, useApp } from './browser';

/** One queue with open shifts: the Plan panel offers to plan it. */
const OPEN = readFileSync(join(ROOT, 'test', 'fixtures', 'small-open.yaml'), 'utf8');
/** The Technion SEE Center's "Anonymous Bank" call log, 1–7 January 1999 (Avi Mandelbaum; Guedj and
 * Mandelbaum, 2000), free for use with this acknowledgement. */
const BANK = join(ROOT, 'test', 'fixtures', 'anonymous-bank-1999-01-week1.tsv');

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });

describe('offline after the first load', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  async function openOffline(): Promise<void> {
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'open.yaml', t: OPEN, o: 'file' }], active: 0 })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    await app.context.setOffline(true);
  }

  it('says the planner cannot be loaded while offline, and plans once back online', async () => {
    await openOffline();
    const panel = page.locator('fs-app fs-plan-panel');
    await panel.getByRole('button', { name: 'Plan', exact: true }).click();
    const said = panel.locator('.error[role="status"]');
    await poll(() => said.textContent()).toContain('this page is offline');
    expect(await said.textContent()).toContain('Connect to the network and try again.');
    await app.context.setOffline(false);
    await panel.getByRole('button', { name: 'Plan', exact: true }).click();
    await panel.getByRole('button', { name: 'Use this plan' }).waitFor({ timeout: PATIENCE });
  });

  it('says the history import cannot be loaded while offline', async () => {
    await openOffline();
    await page.locator('fs-app').getByRole('tab', { name: 'History' }).click();
    const view = page.locator('fs-app fs-history-view');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), view.getByRole('button', { name: 'Import records…' }).first().click()]);
    await chooser.setFiles(BANK);
    const problems = view.locator('[data-history-error]');
    await poll(() => problems.textContent()).toContain('The import worker could not be loaded: this page is offline');
  });
});
