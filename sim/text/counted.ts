// "1 agent", "2,000 agents": a count and its word, singular for exactly one, written once for the
// web app, the command line, the HTML reports and the core's own sentences (every one of them
// imports sim/, which has no dependency on any of them). Plain words, no domain: any count of
// anything reads this way.

/** One format, built once (toLocaleString builds one per call). */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The word for a count: `one` for exactly 1, `many` otherwise (0, 2, 1,000): wordFor(1, 'agent')
 * → "agent", wordFor(0, 'agent') → "agents", wordFor(2, 'reply', 'replies') → "replies". Also a
 * verb that agrees with its count: wordFor(n, 'gives', 'give'). For a place that prints the
 * number itself: elsewhere, or as it is ("1000 replications", not "1,000"). */
export function wordFor(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "1 replication", "10 replications", "2,639 contacts", "3 people" (counted(n, 'person',
 * 'people')): a count, with thousands separators, and its word ("1 queues" and "Simulated 1
 * replications" read wrong). A count is a whole number; one that is not a number at all reads "–",
 * as the app's figures do. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${Number.isFinite(n) ? GROUPED.format(n) : '–'} ${wordFor(n, one, many)}`;
}
