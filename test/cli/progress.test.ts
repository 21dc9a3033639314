// The progress of a long run as an analyst sees it on stderr: the bar on a terminal stays on one
// row of it, the plain lines of a log never go backwards, and the time left reads at a glance.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Progress } from '../../cli/progress';

let written: string[];
const isTTY = process.stderr.isTTY;
const columns = process.stderr.columns;

beforeEach(() => {
  written = [];
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  process.stderr.isTTY = isTTY;
  process.stderr.columns = columns;
});

/** What a terminal shows of each redraw: the text between the carriage return and the erase. */
const redraws = () => written.join('').split('\r').map((s) => s.replace('\x1b[K', '')).filter(Boolean);

describe('the progress bar on a terminal', () => {
  const LONG = 'Simulating the scenario as written and as planned: replication';

  it('fits an 80-column terminal, so that each redraw replaces the last instead of adding a row', () => {
    process.stderr.isTTY = true;
    process.stderr.columns = 80;
    const progress = new Progress(LONG, 40);
    vi.advanceTimersByTime(500);
    progress.update(1);
    vi.advanceTimersByTime(500);
    progress.update(40);
    progress.done();
    const lines = redraws();
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThan(80);
    expect(lines[0]).toMatch(/^Simulating the scenario .*… 1\/40 \[ +\], ETA \d+ s$/);
    expect(lines[1]).toMatch(/ 40\/40 \[#+\]$/);
  });

  it('keeps the whole label and the full bar where the terminal is wide enough', () => {
    process.stderr.isTTY = true;
    process.stderr.columns = 200;
    const progress = new Progress(LONG, 40);
    progress.update(20);
    progress.done();
    expect(redraws()[0]).toBe(`${LONG} 20/40 [############            ], ETA 0 s`);
  });
});

describe('plain progress lines (a log, CI)', () => {
  it('never show a smaller share than the line before', () => {
    process.stderr.isTTY = false;
    const progress = new Progress('Simulating: replication', 200);
    vi.advanceTimersByTime(2000);
    progress.update(62); // too early for a line
    vi.advanceTimersByTime(1500); // the first line, from the timer: 62 of 200 under way
    progress.update(63);
    progress.done();
    expect(written).toHaveLength(2);
    expect(written[0]).toBe('Simulating: replication 62/200 (31%, under way)\n');
    expect(written[1]).toMatch(/^Simulating: replication 63\/200 \(31%\), ETA \d+ s\n$/);
  });

  it('give the time left in minutes, and in hours once it is that long', () => {
    process.stderr.isTTY = false;
    const progress = new Progress('Simulating: replication', 1000);
    vi.advanceTimersByTime(60_000);
    progress.update(100); // 0.6 s a replication: 900 more take 9 minutes
    expect(written.at(-1)).toBe('Simulating: replication 100/1000 (10%), ETA 9 min 0 s\n');
    vi.advanceTimersByTime(3_540_000);
    progress.update(200); // an hour for 200: 800 more take 4 hours
    expect(written.at(-1)).toBe('Simulating: replication 200/1000 (20%), ETA 4 h 0 min\n');
    progress.done();
  });
});
