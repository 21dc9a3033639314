// The Plan panel as an analyst uses it: scenarios too large to plan, planned and applied from the
// keyboard. Each test opens its own scenario by link, and fails on any error the page logs. Built
// and driven in headless Chromium (test/e2e/browser.ts); nothing here measures time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { focused, PATIENCE, ROOT, type StaticServer, useApp } from './browser';

/** Four weeks of 400,000 calls a day, 30 replications: one run is 350 million contacts (below the
 * work limit), but the planner's 12 rounds are 4.2 billion, which `followsun plan` refuses without
 * --allow-large-runs. */
const HUGE = `name: Huge volume
horizon: { start: 2026-03-02T00:00:00Z, days: 28, warmupHours: 2 }
replications: 30
demand:
  - { id: en-voice, language: en, channel: voice, timezone: UTC, volume: { perDay: 400000 }, pattern: flat,
      handleTime: { dist: exponential, mean: 300 }, patience: { dist: exponential, mean: 120 } }
staffing:
  - id: team
    timezone: UTC
    skills: [en]
    shifts:
      - { days: daily, startBetween: ["00:00", "16:00"], every: 480, hours: 8, agents: auto }
    cost: { perHour: 30 }
`;

/** One queue, a shift left to the planner and candidate starts: plans in a few seconds. */
const SMALL = readFileSync(join(ROOT, 'test', 'fixtures', 'small-open.yaml'), 'utf8');

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const panel = (page: Page) => page.locator('fs-app fs-plan-panel');

describe('the Plan panel', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  async function openScenario(fileName: string, text: string): Promise<void> {
    const hash = await encodeState({ v: 1, docs: [{ f: fileName, t: text, o: 'file' }], active: 0, view: 'coverage' });
    await page.goto(`${server.url}${hash}`);
    await panel(page).locator('[data-action="plan"]').waitFor({ timeout: PATIENCE });
  }

  /** Every phase the panel goes through from now on, recorded in the page. */
  async function recordPhases(): Promise<() => Promise<string[]>> {
    await page.evaluate(() => {
      const section = document.querySelector('fs-app')!.shadowRoot!.querySelector('fs-plan-panel')!.shadowRoot!.querySelector('section')!;
      const seen: string[] = ((window as unknown as { phases: string[] }).phases = []);
      new MutationObserver(() => seen.push(section.dataset.planPhase ?? '')).observe(section, { attributes: true, attributeFilter: ['data-plan-phase'] });
    });
    return () => page.evaluate(() => (window as unknown as { phases: string[] }).phases);
  }

  it('planning more work than followsun plan starts by itself waits for "Plan anyway", as a large run does', async () => {
    await openScenario('huge.yaml', HUGE);
    const phases = await recordPhases();
    await panel(page).locator('[data-action="plan"]').focus();
    await page.keyboard.press('Enter');
    const ask = panel(page).locator('[data-plan-ask]');
    await poll(() => ask.count()).toBe(1);
    expect(await ask.textContent()).toContain('7.7 billion contacts (30 replications × 22 runs');
    expect(await ask.textContent()).toContain('on one core, about 1 hour.');
    expect(await ask.textContent()).toContain('Plan anyway?');
    // Nothing started: the panel never ran, and the keyboard is on the question's answer.
    expect(await phases()).not.toContain('running');
    await poll(() => focused(page)).toBe('Plan anyway');
    // Saying yes plans it (then the analyst thinks better of it and cancels).
    await page.keyboard.press('Enter');
    await panel(page).locator('[data-plan-phase="running"]').waitFor({ timeout: PATIENCE });
    await panel(page).getByRole('button', { name: 'Cancel' }).click();
    await panel(page).locator('[data-plan-phase="idle"]').waitFor({ timeout: PATIENCE });
    expect(await panel(page).locator('section').textContent()).toContain('Planning cancelled.');
    expect(app.consoleErrors).toEqual([]);
  });

  it('an analyst plans a small scenario from the keyboard, uses the plan, and keeps the keyboard on the results', async () => {
    await openScenario('small-open.yaml', SMALL);
    await panel(page).locator('[data-action="plan"]').focus();
    await page.keyboard.press('Enter');
    await panel(page).locator('[data-plan-phase="done"]').waitFor({ timeout: 2 * PATIENCE });
    // How it was reached, in followsun plan's words (trim rounds do not solve and are not called so).
    expect(await panel(page).locator('[data-plan-result]').textContent()).toMatch(/\d+ simulate-and-correct rounds?( and \d+ trying a cheaper plan)?, /);
    // Focus on the plan, Use this plan a Tab away.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Use this plan');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('fs-app .scenario-title').textContent()).toContain('Open shifts (small) (planned)');
    // The panel goes with the open shifts; the keyboard lands on the planned variant's results,
    // not on the page's body.
    await poll(() => panel(page).count()).toBe(0);
    await poll(() => focused(page)).toBe('Results');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a change to the scenario while it is planned, or once it is, says that the plan is gone and why', async () => {
    const open = readFileSync(join(ROOT, 'scenarios', 'open', 'global-follow-the-sun.yaml'), 'utf8');
    await openScenario('global-follow-the-sun.yaml', open);
    const seed = page.locator('fs-app fs-scenario-editor input[data-path="seed"]');
    const section = panel(page).locator('section');
    await panel(page).locator('[data-action="plan"]').click();
    await panel(page).locator('[data-plan-phase="running"]').waitFor({ timeout: PATIENCE });
    // Mid-plan, the analyst changes the seed: the plan under way was of the old text.
    await seed.fill('7');
    await seed.press('Tab');
    await panel(page).locator('[data-plan-phase="idle"]').waitFor({ timeout: PATIENCE });
    await poll(() => section.textContent()).toContain('Planning stopped: the scenario changed while it was planned.');

    // Planned to the end, then changed: the plan on screen is dropped, with a word.
    await panel(page).locator('[data-action="plan"]').click();
    await panel(page).locator('[data-plan-phase="done"]').waitFor({ timeout: 4 * PATIENCE });
    await seed.fill('8');
    await seed.press('Tab');
    await panel(page).locator('[data-plan-phase="idle"]').waitFor({ timeout: PATIENCE });
    await poll(() => section.textContent()).toContain('The plan was made for the scenario before your last change');
    expect(app.consoleErrors).toEqual([]);
  });

  it("the planned roster's columns are each named for a screen reader", async () => {
    await openScenario('small-open.yaml', SMALL);
    await panel(page).locator('[data-action="plan"]').click();
    await panel(page).locator('[data-plan-phase="done"]').waitFor({ timeout: 2 * PATIENCE });
    const headers = panel(page).locator('[data-pool="team"] table').getByRole('columnheader');
    const names = await headers.evaluateAll((ths) => ths.map((th) => th.textContent!.replace(/\s+/g, ' ').trim()));
    expect(names.slice(0, 3)).toEqual(['Days', 'Shift', 'Agents']);
    // The fourth holds the hour ticks (hidden from a screen reader): it has a name of its own.
    expect(await headers.nth(3).evaluate((th) => th.querySelector('.sr-only')?.textContent?.trim() ?? '')).toBe('The shift across the day, in local time');
    expect(app.consoleErrors).toEqual([]);
  });

  it('a finished plan is still there after a look at History, or at another scenario, and gone once discarded', async () => {
    await openScenario('small-open.yaml', SMALL);
    await panel(page).locator('[data-action="plan"]').click();
    await panel(page).locator('[data-plan-phase="done"]').waitFor({ timeout: 2 * PATIENCE });
    const cost = await panel(page).locator('tr[data-figure="costPerMonth"] td[data-value]').getAttribute('data-value');
    const tab = (name: string) => page.locator('fs-app [role="tab"]', { hasText: name }).click();
    await tab('History');
    await poll(() => panel(page).count()).toBe(0);
    await tab('Coverage');
    await poll(() => panel(page).locator('section').getAttribute('data-plan-phase')).toBe('done');
    expect(await panel(page).locator('tr[data-figure="costPerMonth"] td[data-value]').getAttribute('data-value')).toBe(cost);
    // Another scenario on screen, then this one again.
    await page.locator('fs-app fs-scenario-list li').first().click();
    await poll(() => panel(page).count()).toBe(0);
    await page.locator('fs-app fs-scenario-list li', { hasText: 'Open shifts (small)' }).click();
    await poll(() => panel(page).locator('section').getAttribute('data-plan-phase')).toBe('done');
    // Discarded is discarded: a look at History does not bring it back.
    await panel(page).getByRole('button', { name: 'Discard' }).click();
    await tab('History');
    await tab('Coverage');
    await panel(page).locator('[data-action="plan"]').waitFor({ timeout: PATIENCE });
    expect(await panel(page).locator('section').getAttribute('data-plan-phase')).toBe('idle');
    expect(app.consoleErrors).toEqual([]);
  });

  it('planning stopped by a look at History says so when the analyst comes back', async () => {
    const open = readFileSync(join(ROOT, 'scenarios', 'open', 'global-follow-the-sun.yaml'), 'utf8');
    await openScenario('global-follow-the-sun.yaml', open);
    await panel(page).locator('[data-action="plan"]').click();
    await panel(page).locator('[data-plan-phase="running"]').waitFor({ timeout: PATIENCE });
    await page.locator('fs-app [role="tab"]', { hasText: 'History' }).click();
    await poll(() => panel(page).count()).toBe(0);
    await page.locator('fs-app [role="tab"]', { hasText: 'Coverage' }).click();
    await panel(page).locator('[data-action="plan"]').waitFor({ timeout: PATIENCE });
    await poll(() => panel(page).locator('section').textContent()).toContain('Planning stopped when the panel closed');
    expect(app.consoleErrors).toEqual([]);
  });
});

