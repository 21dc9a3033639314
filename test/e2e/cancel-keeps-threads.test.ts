// Cancel stops a run's replications and keeps the simulation worker and its replication threads,
// compiled, for the next run: no worker is started again, and the next run's figures are the
// CLI's to the last digit. Behaviour only, never elapsed time.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { parseDocument } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { intervalsCsv } from '../../sim/csv';
import { compileScenario } from '../../sim/model/model';
import { parseScenario } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, type StaticServer, useApp } from './browser';

/** A day of one queue: a replication is about 2,400 contacts, a task of the threads' about 20
 * replications (sim/batch.ts: ~50,000 contacts), so a cancelled run stops within a moment. */
const SMALL = `name: One queue, many replications
horizon: { start: 2026-03-16T00:00:00Z, days: 1, warmupHours: 1 }
replications: 200
demand:
  - { id: en-voice, language: en, channel: voice, timezone: UTC, volume: { perHour: 100 }, pattern: flat,
      handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 150 } }
staffing:
  - id: team
    timezone: UTC
    skills: [en]
    channels: [voice]
    shifts:
      - { days: daily, start: "00:00", end: "24:00", agents: 8 }
    cost: { perHour: 30 }
`;
const FILE = 'small.yaml';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const status = (page: Page) => page.locator('fs-app fs-run-status');
const field = (page: Page, path: string) => page.locator(`fs-app fs-scenario-editor input[data-path="${path}"]`);
const withSeed = (seed: number) => {
  const doc = parseDocument(SMALL);
  doc.set('seed', seed);
  return doc.toString();
};

async function commit(page: Page, path: string, value: string): Promise<void> {
  await field(page, path).fill(value);
  await field(page, path).press('Tab');
}

describe('a cancelled run', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  it('keeps the simulation worker and its replication threads for the next run, whose figures are the CLI’s', async () => {
    const started: string[] = [];
    page.on('worker', (w) => started.push(w.url()));
    await page.goto(`${server.url}?threads=3${await encodeState({ v: 1, docs: [{ f: FILE, t: SMALL, o: 'file' }], active: 0 })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
    // A second run goes to the pool: the simulation worker and two nested replication workers.
    await commit(page, 'seed', '11');
    await status(page).locator('.msg', { hasText: /seed 11\b/ }).waitFor({ timeout: PATIENCE });
    await poll(() => started.filter((u) => /replication\.worker/.test(u)).length).toBe(2);
    const before = started.length;

    // A long run, cancelled once it is under way.
    await commit(page, 'replications', '10000');
    await poll(async () => Number(((await status(page).locator('[data-progress]').getAttribute('data-progress')) ?? '0/0').split('/')[0])).toBeGreaterThan(0);
    await status(page).getByRole('button', { name: 'Cancel' }).click();
    await page.locator('fs-app fs-run-status[phase="idle"]').waitFor({ timeout: PATIENCE });

    // The next run: no worker started again, and the CLI's figures.
    await commit(page, 'replications', '200');
    await commit(page, 'seed', '12');
    await status(page).locator('.msg', { hasText: /seed 12\b/ }).waitFor({ timeout: PATIENCE });
    expect(started.length).toBe(before);
    expect(page.workers().filter((w) => /replication\.worker/.test(w.url())).length).toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: PATIENCE }),
      page.getByRole('group', { name: 'Download the results' }).getByRole('button', { name: 'Intervals CSV' }).click(),
    ]);
    const csv = readFileSync((await (download as Download).path())!, 'utf8');
    expect(csv).toBe(intervalsCsv(simulate(compileScenario(parseScenario(withSeed(12), FILE)))));
    expect(app.consoleErrors).toEqual([]);
  });
});
