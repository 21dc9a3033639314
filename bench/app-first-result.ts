// The web app's load-to-first-result in headless Chromium: the built site served like any static
// host, a fresh browser context per load, and the page's own measurement (fs-app's
// data-first-result-ms: navigation start to the first simulated result on screen, an early one of
// the first replications; data-first-complete-ms: to the result of every replication).
import { rmSync } from 'node:fs';
import { buildApp, launch, serve } from '../test/e2e/browser';

export interface FirstResult {
  /** Navigation start to the first result on screen. */
  firstMs: number;
  /** Replications in that result. */
  replications: number;
  /** Navigation start to the result of every replication. */
  completeMs: number;
}

/** One measurement per load; `query` is added to the page's address (`?threads=1`: the
 * simulation worker's replication threads, src/replication-pool.ts). */
export async function appFirstResults(loads: number, query = ''): Promise<FirstResult[]> {
  const dist = await buildApp();
  const server = await serve(dist);
  const browser = await launch();
  try {
    const figures: FirstResult[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url + query);
      const app = page.locator('fs-app[data-first-complete-ms]');
      await app.waitFor({ state: 'attached' });
      const number = async (name: string) => Number(await app.getAttribute(name));
      figures.push({
        firstMs: await number('data-first-result-ms'),
        replications: await number('data-first-result-replications'),
        completeMs: await number('data-first-complete-ms'),
      });
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
