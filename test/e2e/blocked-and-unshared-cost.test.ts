// A desk whose lines take two callers waiting and no more, beside a French team booked for callers
// who never come: the voice card says how many were turned away (a full queue's busy signals are
// not offered, so its service level alone flatters the desk), and Cost by language gives the idle
// team's cost a bar of its own. Each test opens its own scenario by link.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { parseScenario } from '../../sim/scenario/scenario';
import { run } from '../support';
import { PATIENCE, type StaticServer, useApp } from './browser';

const FULL_LINES = `name: Full lines and an idle team
horizon: { start: "2026-03-23T00:00:00Z", days: 1 }
replications: 2
channels: { voice: { maxWaiting: 2 } }
demand:
  - { id: calls, language: en, volume: { perHour: 120 }, handleTime: { dist: exponential, mean: 180 } }
staffing:
  - { id: desk, skills: [en], agents: 4, cost: { perHour: 20 } }
  - { id: french, skills: [fr], agents: 3, cost: { perHour: 25 } }
`;

describe('turned-away callers and a team with nothing to do', { timeout: 600_000 }, () => {
  const app = useApp();
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  const open = async (view?: string) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}${await encodeState({ v: 1, docs: [{ f: 'full.yaml', t: FULL_LINES, o: 'file' }], active: 0, view })}`);
    await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
  };

  it("the voice card gives the share of callers turned away beside its service level", async () => {
    await open();
    const blocked = page.locator('fs-app fs-headline [data-channel="voice"] [data-figure="blockedShare"]');
    await blocked.waitFor({ timeout: PATIENCE });
    // Four agents, 6 Erlangs offered, room for two waiting: over a third get a busy signal — the
    // share of those who tried, as the same scenario run in Node counts them.
    const voice = run(parseScenario(FULL_LINES, 'full.yaml')).channels.voice;
    const share = voice.blocked.mean! / (voice.blocked.mean! + voice.offered.mean!);
    expect(share).toBeGreaterThan(0.3);
    expect(Number(await blocked.getAttribute('data-value'))).toBe(share);
    expect(await blocked.textContent()).toBe(`blocked ${(share * 100).toFixed(1)}%`);
    expect(app.consoleErrors).toEqual([]);
  });

  it("Cost by language has a bar for the French team's day, 3 × 24 h × 25 EUR", async () => {
    await open('cost');
    const bar = page.locator('fs-app fs-cost-view fs-bar-chart g[data-key="no-demand"]');
    await bar.waitFor({ timeout: PATIENCE });
    expect(Number(await bar.getAttribute('data-value'))).toBeCloseTo(1800, 6);
    expect(app.consoleErrors).toEqual([]);
  });
});
