// Cancel by keyboard: the button goes with the run, so focus moves to the run's status, which says
// what became of it, instead of falling to the page's body (where Tab starts over at the header).
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, type StaticServer, useApp } from './browser';
import { TWO_LANGUAGES } from './two-languages';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });

/** The element with keyboard focus, through the shadow roots: its shadow host, role and text. */
const focusedIn = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const root = el?.getRootNode();
    const host = root instanceof ShadowRoot ? root.host.tagName.toLowerCase() : 'document';
    return { host, tag: el?.tagName.toLowerCase(), role: el?.getAttribute('role') ?? '', text: el?.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
  });

describe('cancelling a run by keyboard', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  it('leaves focus on the run’s status, which says the run was cancelled', async () => {
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'two.yaml', t: TWO_LANGUAGES, o: 'file' }], active: 0 })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    const replications = page.locator('fs-app fs-scenario-editor input[data-path="replications"]');
    await replications.fill('10000');
    await replications.press('Enter');
    const cancel = page.locator('fs-app fs-run-status').getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ timeout: PATIENCE });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await page.locator('fs-app fs-run-status[phase="idle"]').waitFor({ timeout: PATIENCE });
    await poll(() => focusedIn(page)).toMatchObject({ host: 'fs-run-status', role: 'status' });
    expect((await focusedIn(page)).text).toContain('its run was cancelled');
    expect(app.consoleErrors).toEqual([]);
  });
});
