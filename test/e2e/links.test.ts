// Links a careless or hostile sender may pass around (issue #12): damaged state, a scenario the
// schema refuses, a link that inflates to hundreds of MB, a run far above the work limit. Each
// opens in a fresh context: the page says what is wrong in plain words, still shows the default
// scenario's results (or asks before the large run), and throws no uncaught error. No elapsed-time
// assertions; waits are generous.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState, type SharedState } from '../../src/lib/url-state';
import { PATIENCE, useApp, type StaticServer } from './browser';

const DEFAULT_KEY = 'global-follow-the-sun';

const ONE_QUEUE = (over: { replications?: number; perHour?: number; days?: number; mean?: number } = {}) => `name: One queue (link)
horizon: { start: 2026-03-16T00:00:00Z, days: ${over.days ?? 1}, warmupHours: 2 }
replications: ${over.replications ?? 3}
demand:
  - { id: calls, language: en, volume: { perHour: ${over.perHour ?? 300} }, handleTime: { dist: exponential, mean: ${over.mean ?? 180} } }
staffing:
  - { id: team, skills: [en], agents: 18 }
`;

describe('links that ask too much or are damaged', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  /** Encodes any state the way "Copy link" does (url-state.ts), bad ones included. */
  const link = async (state: unknown) => `${server.url}${await encodeState(state as SharedState)}`;
  const notice = () => page.locator('fs-app [data-notice="error"]');

  /** The default scenario simulated and shown. */
  async function defaultResults(): Promise<void> {
    await page.locator('fs-app fs-heatmap rect.cell').first().waitFor({ timeout: PATIENCE });
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    expect(await page.locator('fs-app .scenario-title').textContent()).toContain('follow');
  }

  it('docs: [null] — says the scenario is empty, shows the default', async () => {
    await page.goto(await link({ v: 1, docs: [null], active: 0 }));
    await notice().waitFor({ timeout: PATIENCE });
    expect(await notice().textContent()).toMatch(/Scenario 1 of the link is empty or not a scenario/);
    await defaultResults();
  });

  it('cmp: "abc" — says the comparison names no scenarios, shows the default', async () => {
    await page.goto(await link({ v: 1, docs: [{ ex: DEFAULT_KEY }], active: 0, cmp: 'abc' }));
    await notice().waitFor({ timeout: PATIENCE });
    expect(await notice().textContent()).toMatch(/comparison \(“abc”\) does not name its scenarios/);
    await defaultResults();
  });

  it('tz: "Mars/Olympus" — says the zone is unknown, shows times in UTC', async () => {
    await page.goto(await link({ v: 1, docs: [{ ex: DEFAULT_KEY }], active: 0, tz: 'Mars/Olympus' }));
    await notice().waitFor({ timeout: PATIENCE });
    expect(await notice().textContent()).toMatch(/time zone “Mars\/Olympus” is not one this browser knows/);
    await defaultResults();
    expect(await page.locator('fs-app select#tz').inputValue()).toBe('UTC');
  });

  it('a small link inflating to hundreds of MB — stops at the cap, says so, shows the default', async () => {
    const url = await link({ v: 1, docs: [{ f: 'huge.yaml', t: `# ${'x'.repeat(300 * 2 ** 20)}\n${ONE_QUEUE()}`, o: 'file' }], active: 0 });
    expect(url.length).toBeLessThan(1_000_000);
    await page.goto(url);
    await notice().waitFor({ timeout: PATIENCE });
    expect(await notice().textContent()).toMatch(/This link could not be read.*more than 2 MB of scenarios/s);
    await defaultResults();
  });

  it('replications: 1e9 — the schema refuses it, the page says which field, shows the default', async () => {
    await page.goto(await link({ v: 1, docs: [{ f: 'many.yaml', t: ONE_QUEUE({ replications: 1e9 }), o: 'file' }], active: 0 }));
    await notice().waitFor({ timeout: PATIENCE });
    expect(await notice().textContent()).toMatch(/Scenario 1 of the link \(many\.yaml\) has problems: many\.yaml:\d+: replications: /);
    await defaultResults();
  });

  it('a run above the work limit — asks first, runs only after "Run anyway"', async () => {
    const text = ONE_QUEUE({ replications: 10, perHour: 1_000_000, days: 30, mean: 1 });
    await page.goto(await link({ v: 1, docs: [{ f: 'large.yaml', t: text, o: 'file' }], active: 0 }));
    const ask = page.locator('fs-app fs-large-run [data-large-run]');
    await ask.waitFor({ timeout: PATIENCE });
    expect(await ask.textContent()).toMatch(/This run asks for about 7\.\d billion contacts \(10 replications × about 7\d\d million each\).*Run anyway\?/s);
    expect(await page.locator('fs-app fs-run-status').getAttribute('phase')).toBe('idle');
    await ask.getByRole('button', { name: 'Run anyway' }).click();
    await page.locator('fs-app fs-run-status[phase="running"]').waitFor({ timeout: PATIENCE });
    expect(await page.locator('fs-app fs-large-run').count()).toBe(0);
    await page.locator('fs-app fs-run-status').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('fs-app fs-run-status[phase="idle"]').waitFor({ timeout: PATIENCE });
  });
});
