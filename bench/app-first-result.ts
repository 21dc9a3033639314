// The web app's load-to-first-result in headless Chromium: the built site served like any static
// host, a fresh browser context per load, and the page's own measurement (fs-app's
// data-first-result-ms: navigation start to the first simulated result on screen).
import { rmSync } from 'node:fs';
import { buildApp, launch, serve } from '../test/e2e/browser';

/** Milliseconds from navigation start to the first result, one figure per load. */
export async function appFirstResultMs(loads: number): Promise<number[]> {
  const dist = await buildApp();
  const server = await serve(dist);
  const browser = await launch();
  try {
    const figures: number[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      const app = page.locator('fs-app[data-first-result-ms]');
      await app.waitFor({ state: 'attached' });
      figures.push(Number(await app.getAttribute('data-first-result-ms')));
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
