// Command-line values checked with messages that say what was expected.
export class UsageError extends Error {}

export function wholeNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag}: expected a whole number ≥ ${min}, got ${shown(value)}`);
  return n;
}

export function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag}: expected a number > 0, got ${shown(value)}`);
  return n;
}

/** A plain decimal such as 1000 or 0.8: no hex, exponents or empty strings. */
const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/;

export function decimal(value: string | undefined, flag: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!DECIMAL.test(value)) throw new UsageError(`${flag}: expected ${what}, got ${shown(value)}`);
  return Number(value);
}

const shown = (value: string) => (value === '' ? "''" : value);
