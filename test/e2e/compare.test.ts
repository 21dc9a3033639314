// Compare in depth (issue 10, item 3): two variants, and the per-language delta the app shows is
// the one `followsun compare a.yaml b.yaml --json` gives (its scenarios' means, same seed and
// replications: the paired mean is the difference of the means); the CI holds it; the
// difference heatmap's counts of gap hours closed and opened add up from the CLI's gap flags; every
// scenario is drawn on the overlaid chart. Laid out: the per-group table fits its card at 1024 and
// 1280 px (its Δ column in view) and keeps a Δ on one line at 1440; the difference heatmap's rows
// come in the coverage heatmap's order.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, ROOT, shotPath, useApp } from './browser';
import { TWO_LANGUAGES } from './two-languages';

const VARIANT = TWO_LANGUAGES.replace('name: Two languages (slicing)', 'name: More German agents').replace('agents: 6 }', 'agents: 9 }');

const dir = mkdtempSync(join(tmpdir(), 'followsun-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function followsun(...args: string[]): string {
  const r = spawnSync(process.execPath, ['bin/followsun.mjs', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`followsun ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

interface Hours {
  offered: number[];
  uncovered: number[];
  belowTarget: number[];
}
const gap = (h: Hours, k: number) => h.offered[k] > 0 && (h.uncovered[k] > 0 || h.belowTarget[k] > 0);

describe('comparing in depth', () => {
  const app = useApp();
  const [a, b] = [join(dir, 'a.yaml'), join(dir, 'b.yaml')];
  writeFileSync(a, TWO_LANGUAGES);
  writeFileSync(b, VARIANT);

  it('shows a per-language delta with its CI that compare --json also gives, and where the variant closes gaps', async () => {
    expect(VARIANT).not.toBe(TWO_LANGUAGES);
    const cli = JSON.parse(followsun('compare', a, b, '--json'));
    const [base, variant] = cli.scenarios;
    const page = app.page;
    const url = `${app.server.url}${await encodeState({
      v: 1,
      docs: [
        { f: 'a.yaml', t: TWO_LANGUAGES, o: 'file' },
        { f: 'b.yaml', t: VARIANT, o: 'file' },
      ],
      active: 0,
      view: 'compare',
      cmp: [0, 1],
    })}`;
    await page.goto(url);
    const view = page.locator('fs-compare-view');
    const row = (group: string) => view.locator(`tr[data-group="${group}"]`);
    await row('language.de').locator('td[data-scenario="1"] .delta').waitFor({ timeout: PATIENCE });
    // Gap hours come with a 95% CI of the count (as in the headline and Waits), as every figure does.
    const headline = (figure: string) => view.locator(`[data-scenario="0"][data-figure="${figure}"]`);
    expect(await headline('gapHours').locator('.ci').textContent()).toMatch(/^95% CI \d+ h to \d+ h$/);
    expect(await view.locator('[data-scenario="1"][data-figure="gapHours"] .delta small').textContent()).toMatch(/^95% CI /);
    expect(await headline('channel.voice.abandonRate').locator('.ci').textContent()).toMatch(/^95% CI /);

    // Service level per language: the share answered within each channel's own threshold.
    const deltaOf = async (group: string) => {
      const d = row(group).locator('td[data-scenario="1"] .delta');
      return { mean: Number(await d.getAttribute('data-delta')), ci: (await d.getAttribute('data-ci'))!.split(',').map(Number), significant: await d.getAttribute('data-significant') };
    };
    for (const l of ['de', 'en']) {
      const expected = variant.languages[l].answeredWithinThresholdShare.mean - base.languages[l].answeredWithinThresholdShare.mean;
      const shown = await deltaOf(`language.${l}`);
      expect(shown.mean, l).toBeCloseTo(expected, 12);
      expect(shown.ci[0], l).toBeLessThanOrEqual(shown.mean);
      expect(shown.ci[1], l).toBeGreaterThanOrEqual(shown.mean);
      expect(Number(await row(`language.${l}`).locator('td.num[data-scenario="0"]').getAttribute('data-value'))).toBe(base.languages[l].answeredWithinThresholdShare.mean);
    }
    // Three more German agents: German better beyond doubt; English, served by others, unchanged.
    const de = await deltaOf('language.de');
    expect(de.mean).toBeGreaterThan(0);
    expect(de.significant).toBe('true');
    expect(await deltaOf('language.en')).toEqual({ mean: 0, ci: [0, 0], significant: 'false' });

    // The abandon rate per language × channel (the channel chosen above the view).
    await view.locator('[data-depth-figure="abandonRate"]').click();
    await page.locator('fs-app select#channel').selectOption('chat');
    await row('queue.de/chat').locator('td[data-scenario="1"] .delta').waitFor({ timeout: PATIENCE });
    const chat = await deltaOf('queue.de/chat');
    expect(chat.mean).toBeCloseTo(variant.queues['de/chat'].abandonRate.mean - base.queues['de/chat'].abandonRate.mean, 12);
    expect(await row('language.de').count()).toBe(0);

    // The difference heatmap: gap hours closed and opened, from the CLI's flags (chat rows).
    const rows = base.coverage.filter((q: { channel: string }) => q.channel === 'chat');
    let closed = 0, opened = 0;
    for (const q of rows) {
      const v = variant.coverage.find((x: { language: string; channel: string }) => x.language === q.language && x.channel === q.channel);
      q.hours.offered.forEach((_: number, k: number) => {
        if (gap(q.hours, k) && !gap(v.hours, k)) closed++;
        if (!gap(q.hours, k) && gap(v.hours, k)) opened++;
      });
    }
    const caption = view.locator('fs-difference-heatmap p.caption');
    expect(Number(await caption.getAttribute('data-closed'))).toBe(closed);
    expect(Number(await caption.getAttribute('data-opened'))).toBe(opened);
    expect(closed).toBeGreaterThan(0);
    expect(await view.locator('fs-difference-heatmap [data-mark="closed"]').count()).toBe(closed);
    // Read from the keyboard: focus it, a row down, a day and an hour on; the readout names that
    // row and hour and its mark, the one the CLI's flags give.
    const heat = view.locator('fs-difference-heatmap');
    await heat.locator('svg').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowRight');
    const readout = heat.locator('p.readout');
    await expect.poll(() => readout.getAttribute('data-hour'), { timeout: PATIENCE }).toBe('25');
    const q = rows[1];
    const v = variant.coverage.find((x: { language: string; channel: string }) => x.language === q.language && x.channel === q.channel);
    const gb = gap(q.hours, 25), gv = gap(v.hours, 25);
    const mark = gb && gv ? 'both' : gb ? 'closed' : gv ? 'opened' : q.hours.offered[25] > 0 || v.hours.offered[25] > 0 ? 'none' : 'idle';
    expect(await readout.getAttribute('data-row')).toBe(`${q.language}/${q.channel}`);
    expect(await readout.getAttribute('data-mark')).toBe(mark);
    expect(await readout.textContent()).toMatch(/Tue 17 Mar 01:00 UTC/);

    // Both scenarios overlaid on one interval chart.
    const overlay = view.locator('section[aria-label="Scenarios overlaid"] fs-time-chart');
    expect(await overlay.getAttribute('heading')).toContain('every scenario');
    expect(await overlay.evaluate((el) => (el as unknown as { lines: unknown[] }).lines.length)).toBe(2);
  });

  it('says "no change" where a scenario and its copy are the same in every replication (common random numbers)', async () => {
    const page = app.page;
    const url = `${app.server.url}${await encodeState({
      v: 1,
      docs: [
        { f: 'a.yaml', t: TWO_LANGUAGES, o: 'file' },
        { f: 'copy.yaml', t: TWO_LANGUAGES.replace('name: Two languages (slicing)', 'name: The same again'), o: 'file' },
      ],
      active: 0,
      view: 'compare',
      cmp: [0, 1],
    })}`;
    await page.goto(url);
    const deltas = page.locator('fs-compare-view [data-scenario="1"] .delta');
    await deltas.first().waitFor({ timeout: PATIENCE });
    const texts = await deltas.locator('small').allTextContents();
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) expect(t.trim()).toBe('no change: the same in every replication');
  });

  it('fits the per-group table of four scenarios (the most Compare takes) in its card at 1280 and 1440 px', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    const docs = ['global-follow-the-sun', 'global-ai-hybrid', 'global-in-house', 'global-mix'].map((ex) => ({ ex }));
    await page.goto(`${app.server.url}${await encodeState({ v: 1, docs, active: 0, view: 'compare', cmp: [0, 1, 2, 3] })}`);
    const view = page.locator('fs-compare-view');
    await view.locator('tr[data-group] td.delta-cell[data-scenario="3"] .delta').first().waitFor({ timeout: PATIENCE });
    // The last Δ column was cut at the card's edge at 1280 (a scroll bar under the table).
    const fits = () =>
      view.locator('.groups').evaluate((el) => {
        const last = [...el.querySelectorAll('td.delta-cell[data-scenario="3"]')].map((td) => td.getBoundingClientRect().right);
        const card = el.closest('section')!.getBoundingClientRect();
        return el.scrollWidth <= el.clientWidth + 1 && Math.max(...last) <= card.right + 1;
      });
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await expect.poll(fits, { timeout: PATIENCE, message: `${width}` }).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await view.locator('.groups').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath('compare-four-1280x720') });
  });

  it('tells apart two scenarios of the same name (a shipped example and its file opened) in the picker and the columns', async () => {
    const page = app.page;
    const text = readFileSync(join(ROOT, 'scenarios', 'global-mix.yaml'), 'utf8');
    await page.goto(`${app.server.url}${await encodeState({ v: 1, docs: [{ ex: 'global-mix' }, { f: 'global-mix.yaml', t: text, o: 'file' }], active: 1, view: 'compare', cmp: [0, 1] })}`);
    const view = page.locator('fs-compare-view');
    await view.locator('tr[data-group] td.delta-cell[data-scenario="1"] .delta').first().waitFor({ timeout: PATIENCE });
    const labels = await view.locator('label.choice').evaluateAll((ls) => ls.map((l) => [...l.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim()));
    expect(new Set(labels).size, labels.join(' | ')).toBe(labels.length);
    const heads = (await view.locator('th.scenario-head').allTextContents()).map((t) => t.replace(/\s+/g, ' ').replace(/ baseline$/, '').trim());
    expect(heads.length).toBe(2);
    expect(heads[0]).not.toBe(heads[1]);
    expect(heads.join(' | ')).toMatch(/example · global-mix\.yaml.*\|.*file · global-mix\.yaml/);
  });

  it('names a scenario removed from the session by its name, not an internal id, while the comparison runs again', async () => {
    const page = app.page;
    const copy = readFileSync(join(ROOT, 'scenarios', 'global-follow-the-sun.yaml'), 'utf8').replace(/^name: .*$/m, 'name: Copy to remove');
    const docs = [{ ex: 'global-follow-the-sun' }, { ex: 'global-in-house' }, { f: 'copy.yaml', t: copy, o: 'variant' as const }];
    await page.goto(`${app.server.url}${await encodeState({ v: 1, docs, active: 0, view: 'compare', cmp: [0, 1, 2] })}`);
    const view = page.locator('fs-compare-view');
    await view.locator('tr[data-group] td.delta-cell[data-scenario="2"] .delta').first().waitFor({ timeout: PATIENCE });
    const heads = () => view.locator('.col-head').evaluateAll((hs) => hs.map((h) => (h.childNodes[0]?.textContent ?? '').trim() || (h.textContent ?? '').trim().split('\n')[0].trim()));
    expect(await heads()).toContain('Copy to remove');
    await page.locator('fs-app fs-scenario-list').getByRole('button', { name: 'Remove Copy to remove' }).click();
    // Until the two left are compared, the three of the last comparison stay on screen: by their names.
    const shown = await heads();
    for (const h of shown) expect(h, shown.join(' | ')).not.toMatch(/^s\d+$/);
    await expect.poll(async () => (await heads()).length, { timeout: PATIENCE }).toBe(2);
  });

  it('fits the per-group table in its card and orders the difference heatmap as the coverage heatmap', async () => {
    // Two examples whose languages come in the file as "pt chat, pt voice, ja chat, ja voice".
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${app.server.url}${await encodeState({ v: 1, docs: [{ ex: 'global-follow-the-sun' }, { ex: 'global-ai-hybrid' }], active: 0, view: 'compare', cmp: [0, 1] })}`);
    const view = page.locator('fs-compare-view');
    const delta = view.locator('tr[data-group] td.delta-cell[data-scenario="1"] .delta').first();
    await delta.waitFor({ timeout: PATIENCE });
    const groups = view.locator('.groups');
    // No horizontal scrolling, and the Δ column's right edge inside the card (1,325 px wide before).
    const fits = () =>
      groups.evaluate((el) => {
        const table = el.querySelector('table')!.getBoundingClientRect();
        const card = el.closest('section')!.getBoundingClientRect();
        return el.scrollWidth <= el.clientWidth + 1 && table.right <= card.right + 1;
      });
    for (const [width, height] of [[1280, 720], [1024, 768]] as const) {
      await page.setViewportSize({ width, height });
      await expect.poll(fits, { timeout: PATIENCE, message: `${width}` }).toBe(true);
    }
    // At 1440 a Δ and its CI stay on one line (they wrapped beside near-empty value columns).
    await page.setViewportSize({ width: 1440, height: 900 });
    const oneLine = () => delta.evaluate((el) => el.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(el).fontSize));
    await expect.poll(oneLine, { timeout: PATIENCE }).toBe(true);

    // The difference heatmap lists language × channel as the coverage heatmaps do.
    const coverageRows = await view.locator('fs-heatmap[data-scenario="0"] g[role="row"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-queue')));
    const differenceRows = await view.locator('fs-difference-heatmap g[data-row]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-row')));
    expect(coverageRows.length).toBeGreaterThan(4);
    expect(differenceRows).toEqual(coverageRows);
    expect(differenceRows.indexOf('pt/voice')).toBeLessThan(differenceRows.indexOf('pt/chat'));
  });
});
