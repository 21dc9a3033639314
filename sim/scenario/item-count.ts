// A bound on the work of parsing a scenario file: its list items and fields are counted in the
// text, in one pass and without building anything, before the YAML parser (which takes about
// 1 KB of memory and 10 µs per item) sees it. A 14 MB list of 7 million numbers is refused here
// in milliseconds instead of running out of memory after two minutes.

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Where the text has more than `limit` list items and fields, or more than `maxDepth` brackets
 * open at once (the parser is slow and deeply recursive on those); undefined when it has neither.
 * The count is an upper bound of what the parser builds, never less: every comma and opening
 * bracket counts (flow lists and mappings, JSON), and every `- ` (a list item), `? ` and `: ` (a
 * field); aliases, anchors and tags count too. Quoted text and comments are not skipped (telling
 * them apart takes a YAML lexer), so a comma in a description counts as well, which only a file
 * far beyond any real scenario would notice; a JSON field counts twice (`"a": 1,`).
 */
export function itemsBeyond(text: string, limit: number, maxDepth: number): { offset: number; tooDeep: boolean } | undefined {
  let count = 0;
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x2c: // ,
      case 0x2a: // *
      case 0x26: // &
      case 0x21: // !
        count++;
        break;
      case 0x5b: // [
      case 0x7b: // {
        depth++;
        count++;
        break;
      case 0x5d: // ]
      case 0x7d: // }
        if (depth > 0) depth--;
        else count++;
        break;
      case 0x2d: // -
      case 0x3f: // ?
      case 0x3a: // :
        if (i + 1 === n || SPACE.has(text.charCodeAt(i + 1))) count++;
        break;
    }
    if (count > limit) return { offset: i, tooDeep: false };
    if (depth > maxDepth) return { offset: i, tooDeep: true };
  }
  return undefined;
}

/** The 1-based line of an offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The offset of the line where more than `limit` lines have had an odd number of double quotes
 * (\" aside), or of single quotes: each such line opens or closes quoted text that runs on past
 * it, which a file of unclosed quotes does on every line. Undefined when there are not that many.
 * One pass, nothing built; an apostrophe in plain text counts too, which only a file far beyond
 * any real scenario would notice.
 */
export function quoteLinesBeyond(text: string, limit: number): number | undefined {
  let double = 0;
  let single = 0;
  let oddDouble = 0;
  let oddSingle = 0;
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x0a;
    if (c === 0x22 && text.charCodeAt(i - 1) !== 0x5c) double++;
    else if (c === 0x27) single++;
    else if (c === 0x0a || c === 0x0d) {
      if (double % 2 === 1) oddDouble++;
      if (single % 2 === 1) oddSingle++;
      if (oddDouble > limit || oddSingle > limit) return lineStart;
      double = 0;
      single = 0;
      lineStart = i + 1;
    }
  }
  return undefined;
}
