// The run summary is read in a terminal: a week's summary of each shipped example fits in 120
// columns (its channel table was 137 wide and wrapped every row in a 120-column window), and it
// still says what its brackets and ± are.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';

describe('the run summary in a terminal', () => {
  const examples = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));

  it.each(examples)('%s fits in 120 columns, at its own replications and at 3', async (file) => {
    for (const replications of [[], ['--replications', '3']]) {
    const o = await followsun('run', `scenarios/${file}`, ...replications);
    expect(o.status).toBe(0);
    const lines = o.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(20);
    const widest = Math.max(...lines.map((l) => [...l].length));
    expect(widest, lines.find((l) => [...l].length === widest)).toBeLessThanOrEqual(120);
    expect(lines[2]).toBe('  brackets: 95% confidence interval; ±: its half-width; hours: language × channel hours');
    }
  });
});
