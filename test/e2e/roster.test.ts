// The roster editor, built and driven in headless Chromium: a shift built with the form, the
// keyboard and the mouse; the coverage it changes; the YAML it exports, run by the CLI itself
// (`node bin/followsun.mjs run --json`) to the same figures; pools, languages and channels added and
// removed from the form with the text coming back byte for byte. Expected numbers come from sim/ or
// the CLI run here, never from the page. Each test has its own browser context and its own link.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim/model/model';
import { parseScenario } from '../../sim/scenario/scenario';
import { simulate } from '../../sim/simulate';
import { editYaml } from '../../src/lib/yaml-splice';
import { encodeState } from '../../src/lib/url-state';
import { PATIENCE, ROOT, shotPath, useApp, type StaticServer } from './browser';

/** One queue, one site, one shift: the evening has demand and nobody on the phones. */
const TEXT = `# A small roster for the roster editor: one queue, one site.
name: Roster (small)
horizon: { start: 2026-03-16T00:00:00Z, days: 2, warmupHours: 2 }
replications: 3
demand:
  - { id: en-voice, language: en, channel: voice, timezone: Europe/Dublin, volume: { perWeek: 7000 }, pattern: business-day,
      handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 150 } }
staffing:
  - id: team
    timezone: Europe/Dublin   # the site
    skills: [en]
    shifts:
      - { days: Mon-Fri, start: "08:00", end: "16:00", agents: 12 }   # the early shift
    cost: { perHour: 30 }
`;

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE });
const headlineValue = async (page: Page, figure: string) => Number(await page.locator(`fs-app fs-headline [data-figure="${figure}"]`).getAttribute('data-value'));
const voiceLevel = async (page: Page) => Number(await page.locator('fs-app fs-headline li[data-channel="voice"] [data-figure="serviceLevel"]').getAttribute('data-value'));
const roster = (page: Page) => page.locator('fs-app fs-roster-editor');
const bar = (page: Page, k: number) => roster(page).locator(`[data-roster-pool="team"] g.shift[data-shift="${k}"]`);
const input = (page: Page, path: string) => roster(page).locator(`input[data-path="${path}"]`);
const source = (page: Page) => page.locator('fs-app fs-scenario-editor textarea');

async function fill(page: Page, path: string, value: string): Promise<void> {
  const field = input(page, path);
  await field.fill(value);
  await field.press('Tab');
}

async function waitForRunDone(page: Page): Promise<void> {
  await page.locator('fs-app fs-run-status[phase="done"]').waitFor({ timeout: PATIENCE });
}

/** The run of the text as it is now is on screen (not an older run's result). */
async function settled(page: Page): Promise<void> {
  const done = async () => (await page.locator('fs-app fs-run-status[phase="done"]').count()) === 1 && (await page.locator('fs-app fs-results-bar .stale-note').count()) === 0;
  await poll(done).toBe(true);
}

describe('roster editor, built and driven in headless Chromium', { timeout: 600_000 }, () => {
  const app = useApp();
  const scratch = mkdtempSync(join(tmpdir(), 'followsun-roster-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let page: Page;
  let server: StaticServer;
  beforeEach(() => {
    ({ page, server } = app);
  });

  /** Opens the small scenario (as an opened file) on the Roster view. */
  async function openRoster(): Promise<void> {
    const hash = await encodeState({ v: 1, docs: [{ f: 'roster-small.yaml', t: TEXT, o: 'file' }], active: 0, view: 'roster' });
    await page.goto(`${server.url}${hash}`);
    await roster(page).locator('[data-roster-pool="team"]').waitFor({ timeout: PATIENCE });
    await waitForRunDone(page);
  }

  it('builds a shift with the form, the keyboard and the mouse; the coverage changes; the exported YAML gives the CLI the same figures', async () => {
    await openRoster();
    const before = simulate(compileScenario(parseScenario(TEXT, 'roster-small.yaml')));
    await poll(() => headlineValue(page, 'gapHours')).toBe(before.summary.gapHours.mean);
    expect(before.summary.uncoveredHours.mean).toBeGreaterThan(0); // the evening nobody works
    // The week: one row, bars on Monday to Friday with the head count; the requirement behind,
    // and the hours the queue has a gap shaded.
    expect(await bar(page, 0).getAttribute('data-days')).toBe('Mon-Fri');
    expect(await bar(page, 0).locator('rect.bar').count()).toBe(5);
    expect(await bar(page, 0).locator('text.count').first().textContent()).toBe('12');
    expect(await roster(page).locator('[data-profile] path').count()).toBeGreaterThan(2);
    await poll(() => roster(page).locator('[data-profile] rect[data-gap-hour]').count()).toBeGreaterThan(0);

    // Pointing at the band: the figures of that half hour of the week.
    const early = (await bar(page, 0).locator('rect.bar').first().boundingBox())!; // Monday 08:00–16:00
    const perMinute = early.width / 480;
    await page.mouse.move(early.x + 250 * perMinute, early.y - 30);
    const tip = roster(page).locator('[data-tip]');
    await poll(() => tip.textContent()).toContain('Mon 12:00–12:30');
    expect(await tip.textContent()).toMatch(/Required on the phones [\d.]+, scheduled [\d.]+[\s\S]*On the phones: team [\d.]+, all pools serving [\d.]+/);
    await page.mouse.move(0, 0);
    await poll(() => tip.count()).toBe(0);

    // Add a shift from the form: the default row appears in the week and in the text.
    await roster(page).getByRole('button', { name: 'Add a shift to team' }).click();
    await bar(page, 1).waitFor();
    expect(await bar(page, 1).getAttribute('data-start')).toBe('09:00');

    // Checked as it is typed, before it is written: the schema's message shows, the text is as it was.
    await input(page, 'staffing[0].shifts[1].end').fill('17:7');
    const endError = roster(page).locator('#staffing-0--shifts-1--end-err');
    await poll(() => endError.textContent()).toContain('expected a time HH:MM');
    expect(await source(page).inputValue()).toContain('end: "17:00", agents: 10 }');
    await fill(page, 'staffing[0].shifts[1].end', '17:00');
    await poll(() => endError.count()).toBe(0);

    // An invalid time written: the schema's message next to the field, nothing runs.
    await fill(page, 'staffing[0].shifts[1].start', '25:00');
    const error = roster(page).locator('#staffing-0--shifts-1--start-err');
    await poll(() => error.textContent()).toContain('expected a time HH:MM');
    expect(await input(page, 'staffing[0].shifts[1].start').getAttribute('aria-invalid')).toBe('true');
    await page.locator('fs-app fs-run-status[phase="invalid"]').waitFor();
    await page.screenshot({ path: shotPath('11a-roster-invalid-time') });

    // The form: start, end, head count.
    await fill(page, 'staffing[0].shifts[1].start', '11:00');
    await fill(page, 'staffing[0].shifts[1].end', '19:00');
    await fill(page, 'staffing[0].shifts[1].agents', '8');
    await poll(() => bar(page, 1).getAttribute('data-agents')).toBe('8');
    expect(await error.count()).toBe(0);

    // The keyboard: → moves by 15 minutes, Shift+→ by an hour, ↑ ends later, + adds an agent.
    await bar(page, 1).focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => bar(page, 1).getAttribute('data-start')).toBe('11:15');
    await page.keyboard.press('ArrowLeft');
    await poll(() => bar(page, 1).getAttribute('data-start')).toBe('11:00');
    await page.keyboard.press('Shift+ArrowRight');
    await poll(() => bar(page, 1).getAttribute('data-end')).toBe('20:00');
    expect(await bar(page, 1).getAttribute('data-start')).toBe('12:00');
    await page.keyboard.press('ArrowUp');
    await poll(() => bar(page, 1).getAttribute('data-end')).toBe('20:15');
    await page.keyboard.press('Shift+ArrowDown');
    await poll(() => bar(page, 1).getAttribute('data-end')).toBe('19:15');
    await page.keyboard.press('ArrowUp');
    await poll(() => bar(page, 1).getAttribute('data-end')).toBe('19:30');
    await page.keyboard.press('+');
    await poll(() => bar(page, 1).getAttribute('data-agents')).toBe('9');
    // Still the focused bar after the edits (keyboard users keep their place).
    expect(await bar(page, 1).evaluate((g) => g.getRootNode() instanceof ShadowRoot && (g.getRootNode() as ShadowRoot).activeElement === g)).toBe(true);

    // The mouse: drag the early shift's bar (Monday) one hour later, then its end one hour later.
    const monday = bar(page, 0).locator('rect.bar').first();
    const box = (await monday.boundingBox())!;
    const hour = box.width / 8; // the bar is 8 hours long
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + hour / 2, box.y + box.height / 2, { steps: 3 });
    await page.mouse.move(box.x + box.width / 2 + hour, box.y + box.height / 2, { steps: 3 });
    // While dragging, where the shift would go.
    await poll(() => roster(page).locator('[data-drag-times]').textContent()).toBe('Mon-Fri 09:00–17:00');
    await page.mouse.up();
    await poll(() => roster(page).locator('[data-drag-times]').count()).toBe(0);
    await poll(() => bar(page, 0).getAttribute('data-start')).toBe('09:00');
    expect(await bar(page, 0).getAttribute('data-end')).toBe('17:00');
    const moved = (await bar(page, 0).locator('rect.bar').first().boundingBox())!;
    await page.mouse.move(moved.x + moved.width - 2, moved.y + moved.height / 2);
    await page.mouse.down();
    await page.mouse.move(moved.x + moved.width - 2 + hour, moved.y + moved.height / 2, { steps: 4 });
    await page.mouse.up();
    await poll(() => bar(page, 0).getAttribute('data-end')).toBe('18:00');
    expect(await bar(page, 0).getAttribute('data-start')).toBe('09:00');

    // Days from the checkboxes: add Saturday to the late shift.
    await roster(page).getByRole('checkbox', { name: 'team shift 2 on Sat' }).check();
    await poll(() => bar(page, 1).getAttribute('data-days')).toBe('Mon-Sat');

    // The run of the edited text: fewer gap hours, the figures sim/ gives for the same text.
    await settled(page);
    const text = await source(page).inputValue();
    const after = simulate(compileScenario(parseScenario(text, 'roster-small.yaml')));
    await poll(() => headlineValue(page, 'gapHours')).toBe(after.summary.gapHours.mean);
    expect(after.summary.gapHours.mean!).toBeLessThan(before.summary.gapHours.mean!);
    expect(await voiceLevel(page)).toBe(after.channels.voice.serviceLevel.mean);
    await page.screenshot({ path: shotPath('11b-roster-built-1440x900') });

    // Only the shift lines changed: the comments, the order and the rest of the file are as written.
    const changed = text.split('\n').filter((l) => !TEXT.split('\n').includes(l));
    expect(changed).toEqual([
      '      - { days: Mon-Fri, start: "09:00", end: "18:00", agents: 12 }   # the early shift',
      '      - { days: Mon-Sat, start: "12:00", end: "19:30", agents: 9 }',
    ]);

    // Download: the CLI accepts the file and prints the figures on screen.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: PATIENCE }), page.getByRole('button', { name: 'Download YAML' }).click()]);
    expect(download.suggestedFilename()).toBe('roster-small.yaml');
    const file = join(scratch, 'roster-small.yaml');
    writeFileSync(file, readFileSync((await (download as Download).path())!, 'utf8'));
    expect(readFileSync(file, 'utf8')).toBe(text);
    const cli = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin', 'followsun.mjs'), 'run', file, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 }));
    const printed = cli.scenarios[0];
    expect(printed.summary.gapHours.mean).toBe(await headlineValue(page, 'gapHours'));
    expect(printed.summary.costPerContact.mean).toBe(await headlineValue(page, 'costPerContact'));
    expect(printed.channels.voice.serviceLevel.mean).toBe(await voiceLevel(page));
  });

  it('adds and removes pools, languages and channels from the form, validating each edit; undoing them gives the text back byte for byte', async () => {
    // Nothing changed, nothing rewritten: every shipped example serialises to itself.
    for (const dir of ['scenarios', join('scenarios', 'open')]) {
      for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.yaml'))) {
        const t = readFileSync(join(ROOT, dir, f), 'utf8');
        expect(editYaml(t, () => undefined), f).toBe(t);
      }
    }
    await openRoster();
    const settings = roster(page).locator('[data-roster-pool="team"] details.settings');
    await settings.locator('summary').click();
    // Every control of the roster has an accessible name (screen readers, voice control).
    const unnamed = await roster(page).evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('input, select, button')]
        .filter((e) => {
          const el = e as HTMLInputElement;
          return !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (e.textContent ?? '').trim());
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    expect(await roster(page).locator('g.shift[tabindex="0"][aria-label]').count()).toBeGreaterThan(0);

    // A secondary language and a channel list: written into the pool, then taken out again.
    await fill(page, 'staffing[0].secondarySkills', 'es');
    await poll(() => source(page).inputValue()).toContain('secondarySkills: { languages: [es] }');
    await roster(page).getByRole('checkbox', { name: 'team works email' }).uncheck();
    await poll(() => source(page).inputValue()).toContain('channels: [voice, chat]');
    // A language code the schema refuses: its message next to the field.
    await fill(page, 'staffing[0].skills', 'en, english!');
    const skillsError = roster(page).locator('#staffing-0--skills-err');
    await poll(() => skillsError.textContent()).toMatch(/language/i);
    await page.screenshot({ path: shotPath('11c-roster-form-error') });
    await fill(page, 'staffing[0].skills', 'en');
    await fill(page, 'staffing[0].secondarySkills', '');
    await roster(page).getByRole('checkbox', { name: 'team works email' }).check();
    await poll(() => source(page).inputValue()).not.toContain('secondarySkills');
    // The channels the file now names are all three (it named none before): the list stays, as written.
    const withChannels = await source(page).inputValue();
    expect(withChannels).toContain('channels: [voice, chat, email]');

    // A new pool, at the end of the staffing list; edited; then removed: the text as before.
    await roster(page).getByRole('button', { name: '+ Add a pool' }).click();
    const added = roster(page).locator('[data-roster-pool="pool-2"]');
    await added.waitFor();
    await poll(() => source(page).inputValue()).toContain('  - id: pool-2\n');
    expect(parseScenario(await source(page).inputValue(), 'x.yaml').staffing.map((p) => p.id)).toEqual(['team', 'pool-2']);
    await waitForRunDone(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: shotPath('11d-roster-two-pools-1280x720'), fullPage: false });
    await added.locator('details.settings summary').click();
    await added.getByRole('button', { name: 'Remove the pool pool-2' }).click();
    await poll(() => source(page).inputValue()).toBe(withChannels);

    // A shift added and removed: the text as before, byte for byte.
    await roster(page).getByRole('button', { name: 'Add a shift to team' }).click();
    await bar(page, 1).waitFor();
    await roster(page).getByRole('button', { name: 'Remove team shift 2' }).click();
    await poll(() => source(page).inputValue()).toBe(withChannels);
    // The same with the keyboard: Delete on the focused bar; focus stays in the week.
    await roster(page).getByRole('button', { name: 'Add a shift to team' }).click();
    await bar(page, 1).waitFor();
    await bar(page, 1).focus();
    await page.keyboard.press('Delete');
    await poll(() => source(page).inputValue()).toBe(withChannels);
    const focusedShift = () => roster(page).evaluate((el) => el.shadowRoot!.activeElement?.getAttribute('data-shift') ?? null);
    await poll(focusedShift).toBe('0');
    // Enter on a bar: to its fields in the form.
    await page.keyboard.press('Enter');
    await poll(() => roster(page).evaluate((el) => el.shadowRoot!.activeElement?.getAttribute('data-path') ?? null)).toBe('staffing[0].shifts[0].start');
    // The last shift of a pool cannot be removed (a pool needs one): its button says so.
    expect(await roster(page).getByRole('button', { name: 'Remove team shift 1' }).isDisabled()).toBe(true);

    // A source that does not parse: the roster says so and offers no edits; Undo brings the file back.
    const editor = page.locator('fs-app fs-scenario-editor');
    await editor.locator('summary', { hasText: 'Source' }).click();
    await source(page).fill(`${withChannels}staffing: [\n`);
    await editor.getByRole('button', { name: 'Apply' }).click();
    await roster(page).locator('[data-unreadable]').waitFor();
    expect(await roster(page).getByRole('button', { name: '+ Add a pool' }).count()).toBe(0);
    await roster(page).getByRole('button', { name: 'Undo' }).click();
    await roster(page).locator('[data-roster-pool="team"]').waitFor();
    expect(await source(page).inputValue()).toBe(withChannels);
  });
  it('turns agents around the clock into shifts when a shift is added, a JSON file into YAML, and runs it', async () => {
    const json = JSON.stringify({
      name: 'Around the clock',
      horizon: { start: '2026-03-16T00:00:00Z', days: 1, warmupHours: 2 },
      replications: 2,
      demand: [{ id: 'calls', language: 'en', volume: { perHour: 300 }, handleTime: { dist: 'exponential', mean: 180 } }],
      staffing: [{ id: 'team', skills: ['en'], agents: 18 }],
    });
    const hash = await encodeState({ v: 1, docs: [{ f: 'around.json', t: json, o: 'file' }], active: 0, view: 'roster' });
    await page.goto(`${server.url}${hash}`);
    await roster(page).locator('[data-roster-pool="team"]').waitFor({ timeout: PATIENCE });
    await waitForRunDone(page);
    expect(await roster(page).locator('[data-roster-pool="team"] svg').textContent()).toContain('18 around the clock');
    expect(await roster(page).locator('[data-roster-pool="team"] table').count()).toBe(0);
    await roster(page).getByRole('button', { name: 'Add a shift to team' }).click();
    await bar(page, 1).waitFor();
    expect(await bar(page, 0).getAttribute('data-days')).toBe('daily');
    expect(await bar(page, 0).getAttribute('data-agents')).toBe('18');
    const text = await source(page).inputValue();
    const scenario = parseScenario(text, 'around.yaml');
    const team = scenario.staffing[0];
    expect(team.type !== 'ai' && team.agents).toBeUndefined();
    expect(team.type !== 'ai' && team.shifts).toEqual([
      { days: 'daily', start: '00:00', end: '24:00', agents: 18 },
      { days: 'Mon-Fri', start: '09:00', end: '17:00', agents: 10 },
    ]);
    expect(text.trimStart().startsWith('{')).toBe(false); // YAML now, as every edited file
    await settled(page);
    const expected = simulate(compileScenario(scenario));
    await poll(() => headlineValue(page, 'gapHours')).toBe(expected.summary.gapHours.mean);
    expect(await voiceLevel(page)).toBe(expected.channels.voice.serviceLevel.mean);
  });
  it('undoes and redoes roster edits with the buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, back to the text as opened', async () => {
    await openRoster();
    const undo = roster(page).getByRole('button', { name: 'Undo' });
    const redo = roster(page).getByRole('button', { name: 'Redo' });
    expect(await undo.isDisabled()).toBe(true);
    await roster(page).getByRole('button', { name: 'Add a shift to team' }).click();
    await bar(page, 1).waitFor();
    await bar(page, 1).focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => bar(page, 1).getAttribute('data-start')).toBe('09:15');
    expect(await roster(page).locator('.toolbar').textContent()).toContain('2 edits to undo');
    await undo.click();
    await poll(() => bar(page, 1).getAttribute('data-start')).toBe('09:00');
    await undo.click();
    await poll(() => bar(page, 1).count()).toBe(0);
    await poll(() => source(page).inputValue()).toBe(TEXT);
    expect(await undo.isDisabled()).toBe(true);
    // From the keyboard, in the week: redo twice, undo once.
    await bar(page, 0).focus();
    await page.keyboard.press('Control+Shift+Z');
    await bar(page, 1).waitFor();
    await bar(page, 0).focus();
    await page.keyboard.press('Control+y');
    await poll(() => bar(page, 1).getAttribute('data-start')).toBe('09:15');
    expect(await redo.isDisabled()).toBe(true);
    await page.keyboard.press('Control+z');
    await poll(() => bar(page, 1).getAttribute('data-start')).toBe('09:00');
    // A new edit after an undo: nothing left to redo.
    await fill(page, 'staffing[0].shifts[1].agents', '4');
    await poll(() => bar(page, 1).getAttribute('data-agents')).toBe('4');
    expect(await redo.isDisabled()).toBe(true);
    await settled(page);
    const expected = simulate(compileScenario(parseScenario(await source(page).inputValue(), 'roster-small.yaml')));
    await poll(() => headlineValue(page, 'gapHours')).toBe(expected.summary.gapHours.mean);
  });
  it('redoes from the sidebar what its Undo undid, without going to the Roster view', async () => {
    const hash = await encodeState({ v: 1, docs: [{ f: 'roster-small.yaml', t: TEXT, o: 'file' }], active: 0, view: 'coverage' });
    await page.goto(`${server.url}${hash}`);
    await waitForRunDone(page);
    const aside = page.locator('fs-app aside');
    const agents = page.locator('fs-app fs-scenario-editor input[data-path="staffing[0].shifts[0].agents"]');
    await agents.fill('15');
    await agents.press('Tab');
    await poll(() => source(page).inputValue()).toContain('agents: 15 }');
    await aside.getByRole('button', { name: 'Undo', exact: true }).click();
    await poll(() => source(page).inputValue()).toBe(TEXT);
    // The undone edit can be had back where it was undone.
    await aside.getByRole('button', { name: 'Redo', exact: true }).click();
    await poll(() => source(page).inputValue()).toContain('agents: 15 }');
    expect(await aside.getByRole('button', { name: 'Redo', exact: true }).count()).toBe(0);
  });
});
