// No negative zero on the case report's page: the gap hours a variant closes are the gap hours'
// difference negated, so a bound of 0 came out as −0 ("95% CI −0–396", "−0 to 396"); a zero is
// written without a sign, whatever its unit.
import { describe, expect, it } from 'vitest';
import { count, hours, percent, range, value } from '../../report/format';

describe('a zero that is negative in floating point', () => {
  it('has no minus sign, in any unit', () => {
    expect(hours(-0)).toBe('0');
    expect(count(-0)).toBe('0');
    expect(percent(-0)).toBe('0%');
    expect(value(-0, 'money', 'EUR')).toBe('0.00 EUR');
    expect(value(-0, 'seconds')).toBe('0.0 s');
  });

  it('as the bound of a confidence interval of gap hours closed', () => {
    expect(range([-0, 396], 'hours')).toBe('0–396');
  });

  it('leaves real negatives their minus', () => {
    expect(hours(-12)).toBe('−12');
    expect(count(-3)).toBe('−3');
    expect(percent(-0.004, 1)).toBe('−0.4%');
    expect(range([-13, 0], 'hours')).toBe('−13 to 0');
  });
});
