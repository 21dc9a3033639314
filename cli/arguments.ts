// Command-line values checked with messages that say what was expected.
export class UsageError extends Error {}

export function wholeNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: expected a whole number ≥ ${min}, got ${value}`);
  return n;
}

export function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag}: expected a number > 0, got ${value}`);
  return n;
}
