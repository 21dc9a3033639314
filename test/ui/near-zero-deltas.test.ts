// Differences near zero in the app, as the Compare view (and the headline's and the planner's
// deltas) write them: the same strings as the case report (report/format delta) for the same
// numbers, their decimals chosen by the one function `followsun compare` uses too
// (decimalsThatShow) — a change too small for one decimal keeps its sign with the decimals that
// show it ("−0.04 pts", never "−0.0 pts"), no change at all is "±0.0 pts" — and no text the view writes
// (a delta, a delta's 95% CI, a figure with its CI) is a negative zero: a minus followed by no
// digit other than 0.
import { describe, expect, it } from 'vitest';
import { delta } from '../../report/format';
import { formatDelta, formatInterval, formatValue, intervalText, type Unit } from '../../src/lib/format';

/** A minus (typographic or ASCII) before a number with no digit other than 0: "−0", "−0.0 pts",
 * "-€0.00", "−0.000 s". */
const negativeZero = (text: string) => [...text.matchAll(/[−-][^\d\s]{0,2}([\d.,]+)/g)].some((m) => !/[1-9]/.test(m[1]));

describe('a difference near zero', () => {
  // Numbers that the case report's three decimals show: the app writes each as the report does.
  const fractions = [-0.0004, 0, -0, 0.00002, -0.00002, 0.0003, -0.0012, 0.000049, -0.00051, 0.306, -0.05];
  const seconds = [-0.03, 0.004, 0, 0.21, -0.0049, 9.96, -3.2];

  it('reads as the case report writes it, in percentage points and in seconds', () => {
    for (const x of fractions) expect(formatDelta(x, 'fraction'), String(x)).toBe(delta(x, 'fraction'));
    for (const x of seconds) expect(formatDelta(x, 'seconds'), String(x)).toBe(delta(x, 'seconds'));
  });

  it('keeps its sign with the decimals that show it', () => {
    expect(formatDelta(-0.0004, 'fraction')).toBe('−0.04 pts');
    expect(formatDelta(0.00002, 'fraction')).toBe('+0.002 pts');
    expect(formatDelta(0, 'fraction')).toBe('±0.0 pts');
    expect(formatDelta(-0, 'fraction')).toBe('±0.0 pts');
    expect(formatDelta(0.00002, 'seconds')).toBe('+<0.001 s');
    expect(formatDelta(-0.003, 'money')).toBe('−€0.003');
    expect(formatDelta(-0.04, 'hours')).toBe('−0.04 h');
    expect(formatDelta(0.3, 'count')).toBe('+0.3');
    expect(formatDelta(0, 'hours')).toBe('±0 h');
  });

  it('is otherwise written as before', () => {
    expect(formatDelta(0.032, 'fraction')).toBe('+3.2 pts');
    expect(formatDelta(-12.5, 'hours')).toBe('−12.5 h');
    expect(formatDelta(0.41, 'money')).toBe('+€0.41');
    expect(formatDelta(-1234.4, 'money')).toBe('−€1,234');
    expect(formatDelta(-45, 'seconds')).toBe('−45.0 s');
    expect(formatDelta(150, 'seconds')).toBe('+2 min 30 s');
    expect(formatDelta(-12, 'count')).toBe('−12');
  });
});

describe('no text of the Compare view', () => {
  const units: Unit[] = ['count', 'fraction', 'seconds', 'money', 'hours', 'agents'];
  const magnitudes = [0, 1e-15, 1e-9, 1e-7, 2e-6, 4e-5, 0.0004, 0.0049, 0.005, 0.04, 0.049, 0.3, 0.5, 1, 12.5, 999.996, 1234.5];
  const values = magnitudes.flatMap((m) => [m, -m]);

  it('is a negative zero: no delta, CI of a delta, figure or CI of a figure', () => {
    let written = 0;
    for (const unit of units) {
      for (const x of values) {
        const texts = [formatDelta(x, unit), formatValue(x, unit)];
        for (const y of values) {
          if (y < x) continue;
          const e = { mean: (x + y) / 2, ci95: [x, y] as [number, number] };
          texts.push(formatInterval(e, unit, 'EUR', true), intervalText(e, unit));
        }
        for (const text of texts) {
          written++;
          expect(negativeZero(text), `${unit} ${x}: ${text}`).toBe(false);
        }
      }
    }
    expect(written).toBeGreaterThan(1000);
  });

  it('(the check itself finds the strings the view wrote before)', () => {
    for (const text of ['Δ −0.0 pts', '−0.0 s', '-€0.00', '95% CI −0.1 pts to −0.0 pts', '−0', '−0.000 pts']) expect(negativeZero(text), text).toBe(true);
    for (const text of ['−0.04 pts', '±0.0 pts', '−<0.001 s', '−€0.003', 'A − B', '0.0%', '−10 h']) expect(negativeZero(text), text).toBe(false);
  });
});
