// The Compare view's deltas near zero, on the page: a scenario compared with itself has every
// difference exactly 0 (common random numbers), written "±0…" and never "−0.0"; a variant whose
// Berlin team costs 5 cents an hour less changes the cost per contact by a fraction of a cent,
// written with the decimals that show it ("−€0.001"), not as "−€0.00". No text the view writes —
// in its own shadow root or its heatmaps', in a title or a label — is a negative zero. What the
// strings are for each number is test/ui/near-zero-deltas.test.ts; here, that the view uses them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, shotPath, useApp } from './browser';
import { TWO_LANGUAGES } from './two-languages';

/** The scenario with a price per hour for each team (the Berlin team's given). */
const priced = (name: string, berlinPerHour: number) =>
  TWO_LANGUAGES.replace('name: Two languages (slicing)', `name: ${name}`)
    .replace('    skills: [en]\n', '    skills: [en]\n    cost: { perHour: 30 }\n')
    .replace('    skills: [de]\n', `    skills: [de]\n    cost: { perHour: ${berlinPerHour} }\n`);
const BASE = priced('Priced', 30);
const CHEAPER = priced('Berlin 5 cents cheaper', 29.95);

/** A minus (typographic or ASCII) before a number with no digit other than 0: "−0.0 pts", "-€0.00". */
const NEGATIVE_ZERO = /[−-][^\d\s]{0,2}[0.,]+(?![\d.,]*[1-9])/;
const negativeZeros = (texts: string[]) => texts.filter((t) => NEGATIVE_ZERO.test(t));

/** Every text the Compare view shows or says (each element's own text, its titles and labels),
 * through the shadow roots. An element's text nodes are joined: Lit writes "+${a} / −${b}" as
 * four of them. */
function viewTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const push = (t: string) => {
      const text = t.replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
    };
    const walk = (root: Node) => {
      let own = '';
      for (let n: Node | null = root.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === Node.TEXT_NODE) own += n.textContent ?? '';
        else if (n instanceof Element && n.tagName !== 'STYLE' && n.tagName !== 'SCRIPT') {
          for (const a of ['title', 'aria-label']) push(n.getAttribute(a) ?? '');
          if (n.shadowRoot) walk(n.shadowRoot);
          walk(n);
        }
      }
      push(own);
    };
    const view = document.querySelector('fs-app')?.shadowRoot?.querySelector('fs-compare-view') ?? document.querySelector('fs-compare-view');
    if (view?.shadowRoot) walk(view.shadowRoot);
    return out;
  });
}

async function openComparison(page: Page, url: string, docs: { f: string; t: string; o: 'file' }[]): Promise<void> {
  await page.goto(`${url}${await encodeState({ v: 1, docs, active: 0, view: 'compare', cmp: [0, 1] })}`);
  const view = page.locator('fs-compare-view');
  await view.locator('[data-scenario="1"][data-figure="costPerContact"] .delta').waitFor({ timeout: PATIENCE });
  await view.locator('tr[data-group="language.de"] td[data-scenario="1"] .delta').waitFor({ timeout: PATIENCE });
}

describe('the Compare view near zero', { timeout: 900_000 }, () => {
  const app = useApp();

  it('writes a scenario compared with itself as no change, "±0", never "−0.0"', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openComparison(page, app.server.url, [
      { f: 'a.yaml', t: BASE, o: 'file' },
      { f: 'b.yaml', t: BASE, o: 'file' },
    ]);
    const deltas = page.locator('fs-compare-view .delta[data-delta]');
    const n = await deltas.count();
    expect(n).toBeGreaterThan(5);
    for (let k = 0; k < n; k++) {
      const d = deltas.nth(k);
      expect(Number(await d.getAttribute('data-delta'))).toBe(0);
      const text = (await d.textContent())!.replace(/\s+/g, ' ').trim();
      expect(text).toMatch(/^Δ ±(€)?0(\.0+)?( pts| s| h)? /);
      expect(await d.getAttribute('data-significant')).toBe('false');
    }
    const texts = await viewTexts(page);
    expect(negativeZeros(texts)).toEqual([]);
  });

  it('writes a fraction of a cent with the decimals that show it, and no negative zero anywhere', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await openComparison(page, app.server.url, [
      { f: 'priced.yaml', t: BASE, o: 'file' },
      { f: 'cheaper.yaml', t: CHEAPER, o: 'file' },
    ]);
    const view = page.locator('fs-compare-view');
    const card = view.locator('[data-scenario="1"][data-figure="costPerContact"] .delta');
    const mean = Number(await card.getAttribute('data-delta'));
    // 5 cents × 6 agents × 10 hours × 2 days over some 5,800 contacts: about a tenth of a cent.
    expect(mean).toBeLessThan(0);
    expect(mean).toBeGreaterThan(-0.005);
    const shown = (await card.textContent())!.replace(/\s+/g, ' ').trim();
    expect(shown).toMatch(/^Δ −€0\.00[1-9]\d? /);
    // German contacts, served by the Berlin team alone, carry the whole saving.
    await view.locator('button[data-depth-figure="costPerContact"]').click();
    const de = view.locator('tr[data-group="language.de"] td[data-scenario="1"] .delta');
    await expect.poll(async () => (await de.textContent())!.replace(/\s+/g, ' ').trim(), { timeout: PATIENCE }).toMatch(/^Δ −€0\.00[1-9]\d? /);
    const texts = await viewTexts(page);
    expect(texts.length).toBeGreaterThan(50);
    expect(negativeZeros(texts)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath('compare-near-zero-1280x720') });
  });
});
