// "Did you mean …?" for a misspelt name: a command-line option, or a field of a scenario file.

/** Levenshtein distance: the fewest letters inserted, removed or changed to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The candidate closest to `word`, when it is at most `maxDistance` edits away (the first of
 * equals); a different capitalisation counts as one edit at most. */
export function closestWord(word: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === word.toLowerCase() ? Math.min(1, editDistance(candidate, word)) : editDistance(candidate, word);
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
