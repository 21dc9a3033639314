// The page `followsun plan --report` writes, as a reader meets its summary: the sentences name
// the two scenarios as a reader says them ("Moving from the scenario as written to the plan"),
// while the badges keep their short labels.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'followsun-plan-wording-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The page's text, tags and styles taken out. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('plan --report', () => {
  it('says "Moving from the scenario as written to the plan", not "from As written to Planned"', () => {
    const page = join(dir, 'plan.html');
    const r = spawnSync(process.execPath, ['bin/followsun.mjs', 'plan', 'test/fixtures/small-open.yaml', '--report', page], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    expect([0, 1]).toContain(r.status);
    const html = readFileSync(page, 'utf8');
    const text = textOf(html);
    expect(text).toMatch(/Moving from the scenario as written to the plan (raises|lowers|saves|does not change|leaves) /);
    expect(text).not.toContain('Moving from As written');
    expect(html).toContain('<span class="badge s0">As written</span>');
    expect(html).toContain('<span class="badge s1">Planned</span>');
  });
});
