// "Run anyway?" and "Plan anyway?" say roughly how long the work takes on one core (2 million
// contacts a second), in words a person would write: "about 1 hour", not "about 1 hours".
import { describe, expect, it } from 'vitest';
import { timeOnOneCore } from '../../src/lib/run-limits';

describe('how long a large run takes on one core, in words', () => {
  it('one of a unit is singular, more are plural', () => {
    expect(timeOnOneCore(7.7e9)).toBe('1 hour'); // 3,850 s
    expect(timeOnOneCore(2.16e10)).toBe('3 hours');
    expect(timeOnOneCore(1.2e8)).toBe('1 minute');
    expect(timeOnOneCore(1.2e9)).toBe('10 minutes');
    expect(timeOnOneCore(3.456e11)).toBe('2 days');
  });
});
