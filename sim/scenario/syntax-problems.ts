// YAML syntax errors in plain words, at the line the analyst has to fix. The parser's messages
// speak of "implicit keys" and "flow collections", and an unclosed quote or bracket is reported
// where the file ends, not where it was opened.
import { Composer, isMap, isScalar, LineCounter, Parser, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLError } from 'yaml';
import { shown } from './schema-parts';
import { counted } from '../text/counted';

export interface SyntaxProblem {
  line: number;
  col: number;
  message: string;
}

const BAD_INDENT = 'bad indentation';
const TAB = 'this line is indented with a tab; indent with spaces only';
const BRACKETS: Record<string, { close: string; what: string }> = {
  '{': { close: '}', what: 'a { … } mapping' },
  '[': { close: ']', what: 'a [ … ] list' },
};

/** The quotes and brackets opened and never closed, in the order they were opened. */
function unclosedOpeners(text: string): { offset: number; opener: string }[] {
  const found: { offset: number; opener: string }[] = [];
  const closedLater = closedLaterFinder(text);
  // Depth first without recursion: brackets nested thousands deep would overflow the stack.
  const stack: unknown[] = [...new Parser().parse(text)].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const token = node as { type?: unknown; offset: number; source?: string; start?: { source?: string }; end?: { source?: string }[] };
    const source = token.source ?? '';
    if (token.type === 'double-quoted-scalar' && quoteEnd(source, 0) !== source.length) {
      found.push({ offset: token.offset, opener: '"' });
    } else if (token.type === 'single-quoted-scalar' && quoteEnd(source, 0) !== source.length) {
      found.push({ offset: token.offset, opener: "'" });
    } else if (token.type === 'flow-collection') {
      const opener = token.start?.source ?? '';
      const closed = token.end?.some((t) => t.source === BRACKETS[opener]?.close) || closedLater(token.offset);
      if (BRACKETS[opener] && !closed) found.push({ offset: token.offset, opener });
    }
    const values = Object.values(node);
    for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The offset just after the quoted text that starts at `from` (a " with \\ escapes, or a ' with
 * '' for a quote), or -1 when it is never closed. A loop, not a regular expression: on a quote of
 * a million characters the expression's backtracking overflows the stack. */
function quoteEnd(text: string, from: number): number {
  const quote = text[from];
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** Whether the bracket at an offset has its closing bracket further on, quoted text aside: the
 * parser also gives up on a bracket whose lines are not indented enough. One scan from a bracket
 * also settles every bracket opened inside it, so the text is read about once in all (brackets
 * nested thousands deep would otherwise be read thousands of times). */
function closedLaterFinder(text: string): (offset: number) => boolean {
  const known = new Map<number, boolean>();
  return (offset: number): boolean => {
    const cached = known.get(offset);
    if (cached !== undefined) return cached;
    const open: number[] = [];
    for (let i = offset; i < text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const end = quoteEnd(text, i);
        if (end < 0) break;
        i = end - 1;
      } else if (c === '[' || c === '{') open.push(i);
      else if ((c === ']' || c === '}') && open.length > 0) {
        known.set(open.pop()!, true);
        if (open.length === 0) return true;
      }
    }
    for (const o of open) known.set(o, false);
    return known.get(offset) ?? false;
  };
}

/** Syntax problems reported: the first ones are what an analyst fixes, the rest are counted. */
const MAX_SYNTAX_PROBLEMS = 10;

/** Parser errors (and, apart, warnings) kept from one file: the first ten problems are found
 * among them, and the rest are only counted. Each error is an Error with its stack: 590,000 lines
 * of `- @x`, one error each, took 15 s and 1.5 GB to be refused. */
const KEPT_ERRORS = 1000;
/** A file longer than this is parsed first up to this line: when these lines alone hold twice
 * KEPT_ERRORS errors, the file is refused without the parser reading the rest. */
const FIRST_LINES = 10_000;

/** Where the parser stopped reading or counting: everything was read (`undefined`), errors were
 * counted no further after KEPT_ERRORS (`dropped`), or the file was read to line FIRST_LINES. */
type NotRead = { dropped: number } | { firstLines: number } | undefined;

/** The options a scenario file is parsed with (keys are checked unique here, in linear time). */
export type YamlOptions = Omit<DocumentOptions & ParseOptions & SchemaOptions, 'lineCounter' | 'uniqueKeys' | 'prettyErrors'>;

/**
 * The document in a file's text and its syntax problems in plain words (none: it can be used),
 * with work bounded by the text whatever it holds: the errors the parser collects are capped at
 * KEPT_ERRORS (the others counted), duplicate keys are found with one set per mapping (the
 * parser's own check compares each key with every one before it: 50,000 fields took 28 s), and a
 * long file whose first lines are full of errors is refused from those lines.
 */
export function parseYaml(text: string, options: YamlOptions): { doc: Document.Parsed; lines: LineCounter; problems: SyntaxProblem[] } {
  let cut = -1;
  for (let n = 0, i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++n === FIRST_LINES) {
      cut = i + 1;
      break;
    }
  }
  if (cut > 0 && cut < text.length) {
    const first = text.slice(0, cut);
    const parsed = composed(first, options);
    // Errors from the cut itself (a bracket or quote closed further on, a key continued on the
    // next line) come after every other; with twice as many errors as kept, none of them is kept.
    // A quote or bracket reported unclosed is looked for in the whole text: that needs all of it.
    if (parsed.dropped >= KEPT_ERRORS && !parsed.doc.errors.some((e) => UNCLOSED.test(e.message))) {
      return { ...parsed, problems: syntaxProblems(first, parsed.doc.errors, parsed.lines, { firstLines: FIRST_LINES }) };
    }
  }
  const parsed = composed(text, options);
  const problems = parsed.doc.errors.length === 0 ? [] : syntaxProblems(text, parsed.doc.errors, parsed.lines, parsed.dropped > 0 ? { dropped: parsed.dropped } : undefined);
  return { ...parsed, problems };
}

type OnError = (source: unknown, code: string, message: string, warning?: boolean) => void;

/** parseDocument's work, keeping the first KEPT_ERRORS errors and warnings (`dropped`: the errors
 * not kept), with duplicate keys found in linear time. */
function composed(text: string, options: YamlOptions): { doc: Document.Parsed; lines: LineCounter; dropped: number } {
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer({ ...options, uniqueKeys: false });
  let errors = 0;
  let warnings = 0;
  let dropped = 0;
  // Every error of the composer goes through its onError (a private field, read at each use).
  const open = composer as unknown as { onError: OnError };
  const keep = open.onError;
  open.onError = (source, code, message, warning) => {
    if (warning ? ++warnings <= KEPT_ERRORS : ++errors <= KEPT_ERRORS) keep(source, code, message, warning);
    else if (!warning) dropped++;
  };
  // Stray tokens between documents are errors the composer files without its onError.
  function* tokens() {
    for (const token of parser.parse(text)) {
      if (token.type === 'error' && ++errors > KEPT_ERRORS) dropped++;
      else yield token;
    }
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = next as Document.Parsed;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, true) always ends with a document.
  doc = doc!;
  const duplicates = duplicateKeys(doc);
  if (duplicates.length > 0) {
    // In their place among the others, as the parser reports them; beyond the last error kept,
    // they are among those not kept.
    const last = dropped > 0 ? (doc.errors.at(-1)?.pos[0] ?? 0) : Infinity;
    const merged: YAMLError[] = [];
    let d = 0;
    for (const e of doc.errors) {
      while (d < duplicates.length && duplicates[d].pos[0] < e.pos[0]) merged.push(duplicates[d++]);
      merged.push(e);
    }
    for (; d < duplicates.length; d++) if (duplicates[d].pos[0] <= last) merged.push(duplicates[d]);
    else dropped++;
    if (merged.length > KEPT_ERRORS) dropped += merged.splice(KEPT_ERRORS).length;
    doc.errors = merged;
  }
  return { doc, lines, dropped };
}

/** Keys given twice in one mapping, as the parser's uniqueKeys finds them (scalars of equal value;
 * NaN equals nothing), in the order of the text. Without recursion: indentation nests deeply. */
function duplicateKeys(doc: Document.Parsed): YAMLError[] {
  const found: YAMLError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) found.push(new YAMLParseError([key.range?.[0] ?? 0, key.range?.[1] ?? 0], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (node !== null && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
      for (const item of node.items as unknown[]) stack.push(item);
    }
  }
  return found.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** A parser error saying that a quote or bracket is never closed, or its lines not indented. */
const UNCLOSED = /Missing closing .quote|must end with a|must be sufficiently indented/;

export function syntaxProblems(text: string, errors: YAMLError[], lines: LineCounter, notRead?: NotRead): SyntaxProblem[] {
  // Every step below is linear in the text and the errors: a file can trip the parser on each of
  // its 100,000 lines.
  const places = new Places(text, lines);
  const blockKeys = new Set(errors.filter((e) => e.code === 'BLOCK_AS_IMPLICIT_KEY').map((e) => e.pos[0]));
  const multilineKeys = new Set(errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  let unclosed = false;
  let stray: SyntaxProblem | undefined;
  const problems = errors.flatMap((e): SyntaxProblem[] => {
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const plain = inPlainWords(e, message, places, blockKeys, multilineKeys);
    if (plain.unclosed) unclosed = true;
    if (plain.endsTheFile && (!stray || plain.problems[0].line < stray.line)) stray = plain.problems[0];
    return plain.problems;
  });
  // After a stray closing bracket the parser reads nothing more: the lines below are not problems.
  if (stray) return capped(firstOfEachKind(problems.filter((p) => p.line < stray!.line || p === stray), notRead), MAX_SYNTAX_PROBLEMS, notRead);
  if (unclosed) {
    // An unclosed quote or bracket swallows the rest of the file: it is the one problem from where
    // it was opened (the innermost when several are open), and what follows is its consequence.
    const last = unclosedOpeners(text).at(-1);
    if (last) {
      const bracket = BRACKETS[last.opener];
      const opened = places.at(
        last.offset,
        bracket
          ? `the ${last.opener} opened here is never closed (${bracket.what} ends with ${bracket.close})`
          : `the quote ${last.opener} opened here is never closed`,
      );
      return [...capped(problems.filter((p) => p.line < opened.line), MAX_SYNTAX_PROBLEMS - 1), opened];
    }
  }
  const kept = firstOfEachKind(problems, notRead);
  const dash = kept.length > 0 ? listItemWithoutSpace(places, kept[0].line) : undefined;
  return dash ? [dash] : capped(kept, MAX_SYNTAX_PROBLEMS, notRead);
}

/** A list item written without the space after its dash ("-id: dublin"), on or before `line`:
 * YAML reads it as a field named "-id", and the lines after it then seem misindented or misplaced
 * — it is the one problem to fix (no scenario field starts with a dash). */
function listItemWithoutSpace(places: Places, line: number): SyntaxProblem | undefined {
  for (let l = 1; l <= line; l++) {
    const match = /^([ \t]*)-[A-Za-z_][\w.-]*:(\s|$)/.exec(places.lineText(l));
    if (match) return { line: l, col: match[1].length + 1, message: 'expected a space after the - of a list item (- id: …)' };
  }
  return undefined;
}

/** Where a problem is: the line and column an analyst has to fix, from an offset in the text. */
class Places {
  private readonly lastFilled = new Map<number, number>();

  constructor(
    readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  /** The text of the line an offset is on. */
  lineTextAt(offset: number): string {
    return this.lineText(this.lines.linePos(offset).line);
  }

  lineText(line: number): string {
    const from = this.lines.lineStarts[line - 1];
    if (from === undefined) return '';
    const to = this.lines.lineStarts[line];
    return this.text.slice(from, to === undefined ? this.text.length : to - 1);
  }

  at(offset: number, message: string): SyntaxProblem {
    let { line, col } = this.lines.linePos(Math.min(offset, this.text.length));
    // Past the last line break: the last line with something on it.
    if (line > 1 && this.lineText(line).trim() === '') {
      let filled = this.lastFilled.get(line);
      if (filled === undefined) {
        filled = line;
        while (filled > 1 && this.lineText(filled).trim() === '') filled--;
        this.lastFilled.set(line, filled);
      }
      if (filled !== line) ({ line, col } = { line: filled, col: this.lineText(filled).length + 1 });
    }
    // A problem with a line's indentation points at its first character, not at column 1.
    const indent = /^[ \t]*/.exec(this.lineText(line))![0].length;
    if (col <= indent && this.lineText(line)[col - 1] !== '\t') col = indent + 1;
    return { line, col, message };
  }

  /** The first character of the line an offset is on, after its indentation. */
  lineStart(offset: number): number {
    const blanks = /[ \t]*/y;
    blanks.lastIndex = this.text.lastIndexOf('\n', offset - 1) + 1;
    blanks.exec(this.text);
    return blanks.lastIndex;
  }
}

/** One parser error in plain words (none when another error already says it); `unclosed`: it is
 * the parser giving up on a quote or bracket, which may swallow the rest of the file;
 * `endsTheFile`: a stray closing bracket, after which the parser reads nothing more. */
function inPlainWords(
  e: YAMLError,
  message: string,
  places: Places,
  blockKeys: Set<number>,
  multilineKeys: Set<number>,
): { problems: SyntaxProblem[]; unclosed?: true; endsTheFile?: true } {
  const { text } = places;
  const start = e.pos[0];
  const said = (offset: number, words: string) => ({ problems: [places.at(offset, words)] });
  const structure = /flow map/i.test(message) ? BRACKETS['{'].what : BRACKETS['['].what;
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return said(start, TAB);
    case 'DUPLICATE_KEY': {
      const name = /(?:"([^"]*)"|'([^']*)'|([^\s:,{}[\]]+))/y;
      name.lastIndex = start;
      const key = name.exec(text);
      return said(start, `${key ? (key[1] ?? key[2] ?? key[3]) : 'this field'} is given twice (each field only once)`);
    }
    case 'MULTILINE_IMPLICIT_KEY':
      // With "nested mappings" at the same place: a line indented deeper than the field above
      // it, read as the continuation of that field's value. Alone: a name without its colon.
      if (blockKeys.has(start)) return said(places.lineStart(e.pos[1]), `${BAD_INDENT}: this line is indented more than the field above it`);
      return said(start, 'expected a colon after the field name (name: value)');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (multilineKeys.has(start)) return { problems: [] };
      // A field whose value starts on a tab-indented line: the tab is the one mistake.
      if (/^[ \t]*(#.*)?\r?\n\t/.test(text.slice(start, text.indexOf('\n', start) + 2 || undefined))) return { problems: [] };
      return said(start, "a value containing ': ' must be in quotes, as in name: \"Aurora: the plan\"");
    case 'MULTIPLE_DOCS':
      return said(start, 'a second document starts here (---); a scenario file holds one');
    case 'BAD_SCALAR_START': {
      const c = text[start] ?? '';
      return said(start, `a value cannot start with ${c} unless it is in quotes (name: "${c}…")`);
    }
    case 'KEY_OVER_1024_CHARS':
      return said(start, 'this field name is longer than 1,024 characters (is a line break or a colon missing?)');
    case 'MULTIPLE_ANCHORS':
      return said(start, 'a value can have one anchor (&name) only');
    case 'BLOCK_IN_FLOW':
      // In brackets, "a: 1 b: 2" reads as a value "1 b: 2" holding a field.
      return said(start, "two fields with no comma between them (or a value containing ': ' without quotes)");
    case 'BAD_DQ_ESCAPE':
      return said(start, `${message.replace('Invalid escape sequence', 'unknown escape')} in double quotes (write \\\\ for a backslash, or use single quotes)`);
  }
  if (/Missing closing .quote|must end with a|must be sufficiently indented/.test(message)) {
    if (!message.includes('sufficiently indented')) return { ...said(start, message.replace(/^Missing closing (.)quote/, 'a $1 is never closed')), unclosed: true };
    // A bracket that is closed but whose lines are not indented under their field.
    return { ...said(start, `${BAD_INDENT}: the lines of ${structure} must be indented more than the field it belongs to`), unclosed: true };
  }
  if (/All (mapping|sequence) items must start at the same column|Sequence item without - indicator/.test(message)) {
    const line = places.lineTextAt(start).trim();
    if (/^-[^\s-]/.test(line)) return said(start, 'expected a space after the - of a list item (- id: …)');
    return said(start, `${BAD_INDENT}: this line does not line up with the fields above it`);
  }
  const stray = /^Unexpected flow-(seq|map)-end token in YAML stream/.exec(message);
  if (stray) {
    const opener = stray[1] === 'seq' ? '[' : '{';
    return { ...said(start, `this ${BRACKETS[opener].close} closes nothing: no ${opener} is open before it`), endsTheFile: true };
  }
  if (message === 'Unexpected scalar at node end') return said(start, 'unexpected text after a value that has ended (a quoted value or a bracket ends where it closes)');
  // A value, then another on the same line: in brackets, the comma between them is missing.
  if (/^Unexpected (double-quoted-|single-quoted-)?scalar token$/.test(message)) return said(start, 'expected a comma before this item');
  if (/^Missing ,( or :)? between/.test(message)) return said(start, `expected a comma before this item of ${structure}`);
  if (message === 'Implicit map keys need to be followed by map values') return said(start, 'expected a colon after the field name (name: value)');
  if (/call stack size/i.test(message)) return said(start, 'nested too deeply (brackets or indentation within brackets, thousands of levels)');
  return said(start, message.charAt(0).toLowerCase() + message.slice(1));
}

/** One problem per line, and after a tab or a misplaced line no further "bad indentation": a
 * mistake often trips the parser twice, and the lines after a misplaced one seem misplaced too.
 * Lines indented with a tab: the first, with the number of the others. */
function firstOfEachKind(problems: SyntaxProblem[], notRead?: NotRead): SyntaxProblem[] {
  const indentation = (p: SyntaxProblem) => p.message.startsWith(BAD_INDENT) || p.message === TAB;
  const firstIndentation = problems.find(indentation);
  const firstTab = problems.find((p) => p.message === TAB);
  const seenLines = new Set<number>();
  let moreTabs = 0;
  const kept = problems.filter((p) => {
    if (seenLines.has(p.line)) return false;
    seenLines.add(p.line);
    if (p.message === TAB && p !== firstTab) return (moreTabs++, false);
    return !p.message.startsWith(BAD_INDENT) || p === firstIndentation;
  });
  const atLeast = notRead ? 'at least ' : '';
  return kept.map((p) => (p === firstTab && moreTabs > 0 ? { ...p, message: `${TAB} (and ${atLeast}${counted(moreTabs, 'more line')} like it)` } : p));
}

/** An alias (*name) whose anchor (&name) is not set before it, which the parser finds only when
 * the document is converted: at the first such alias, in plain words. */
export function unresolvedAlias(text: string, lines: LineCounter, message: string): SyntaxProblem | undefined {
  const name = /^Unresolved alias \(the anchor must be set before the alias\): (\S+)/.exec(message)?.[1];
  const offset = name === undefined ? -1 : text.search(new RegExp(`\\*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
  if (offset < 0) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, col, message: `*${name} refers to no anchor: &${name} must be set before it` };
}

/** The first problems, the last of them saying how many more there are (or that the parser
 * stopped reading or counting them). */
function capped(problems: SyntaxProblem[], max = MAX_SYNTAX_PROBLEMS, notRead?: NotRead): SyntaxProblem[] {
  if (problems.length <= max && !notRead) return problems;
  const kept = problems.slice(0, max);
  const last = kept[kept.length - 1];
  const more = problems.length - kept.length;
  const words =
    notRead && 'firstLines' in notRead
      ? `and more problems further on: the file was not read past line ${shown(notRead.firstLines)}`
      : notRead
        ? more > 0
          ? `and at least ${counted(more, 'more problem')} further on`
          : 'and more problems further on'
        : `and ${counted(more, 'more problem')} further on`;
  kept[kept.length - 1] = { ...last, message: `${last.message} (${words})` };
  return kept;
}
