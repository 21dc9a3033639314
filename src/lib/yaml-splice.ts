// Edits a YAML file the way a person would: only the text of what changed is rewritten, so every
// comment, blank line, quote style and line break elsewhere stays byte for byte. The change itself
// is made with the `yaml` library's Document API (setIn, addIn, deleteIn…) on a parsed copy; the
// two documents are then compared node by node and each difference is spliced into the original
// text at the node's source range. The result is checked: it must parse to exactly the data of the
// changed Document, otherwise the Document's own serialisation is returned (correct data, the
// library's layout). An edit that changes nothing, or of a text that does not parse, returns the
// text unchanged.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

interface Splice {
  from: number;
  to: number;
  text: string;
}

type Collection = YAMLMap | YAMLSeq;
const isCollection = (n: unknown): n is Collection => isMap(n) || isSeq(n);

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const js = (n: unknown): unknown => (n && typeof n === 'object' && 'toJSON' in n ? (n as { toJSON(): unknown }).toJSON() : n);

/** A string as a plain scalar when that reads back as the same string, else double-quoted. */
function scalarText(value: unknown, style?: Scalar['type']): string {
  if (typeof value !== 'string') return value === null || value === undefined ? 'null' : String(value);
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  const plain = /^[^\s#&*!|>'"%@`{}[\],:?-][^#{}[\],]*$/.test(value) && !/\s$/.test(value) && !/: /.test(value);
  if (plain && parseDocument(`x: ${value}`).toJS()?.x === value) return value;
  return JSON.stringify(value);
}

/** Flow text of any data: `{ a: 1, b: [x, y] }`. Strings that look like times are quoted. */
export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? `{ ${entries.map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`).join(', ')} }` : '{}';
  }
  return scalarText(value, typeof value === 'string' && /^\d{1,2}:\d{2}$/.test(value) ? 'QUOTE_DOUBLE' : undefined);
}

/** Block text of a map at `indent` (first line without it): lists of maps become block lists of
 * flow maps, everything else flow on its key's line. */
function blockMapText(value: Record<string, unknown>, indent: string): string {
  return Object.entries(value)
    .map(([k, v], i) => {
      const head = `${i ? indent : ''}${scalarText(k)}:`;
      if (Array.isArray(v) && v.length && v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
        return `${head}\n${v.map((x) => `${indent}  - ${flowText(x)}`).join('\n')}`;
      }
      return `${head} ${flowText(v)}`;
    })
    .join('\n');
}

/** New content for a collection item (its keys at `keyIndent`): block maps among block maps, flow otherwise. */
function itemText(value: unknown, parent: Collection, keyIndent: string): string {
  const siblingsBlock = !parent.flow && parent.items.some((it) => isMap(it) && !it.flow);
  if (siblingsBlock && value && typeof value === 'object' && !Array.isArray(value)) return blockMapText(value as Record<string, unknown>, keyIndent);
  return flowText(value);
}

/** Where a node's own text ends: a block collection ends with its last item (not with comments after it). */
function contentEnd(node: unknown): number | null {
  if (isCollection(node) && !node.flow && node.items.length) {
    const last = node.items[node.items.length - 1] as Pair | Node;
    if (isPair(last)) return last.value ? contentEnd(last.value) : ((last.key as Node | null)?.range?.[1] ?? null);
    return contentEnd(last);
  }
  return (node as Node | null)?.range?.[1] ?? null;
}

class Splicer {
  readonly splices: Splice[] = [];
  constructor(private readonly text: string) {}

  /** Records the text edits that turn `a` (parsed from the text) into `b`; false when it cannot. */
  node(a: unknown, b: unknown): boolean {
    if (same(js(a), js(b))) return true;
    const range = (a as Node | null)?.range;
    if (!range) return false;
    if (isMap(a) && isMap(b)) return this.map(a, b);
    if (isSeq(a) && isSeq(b)) return this.seq(a, b);
    if (isScalar(a) && isScalar(b)) {
      this.splices.push({ from: range[0], to: range[1], text: scalarText(b.value, a.type) });
      return true;
    }
    // Another kind of node: its whole text is replaced (block collections have no single span).
    if (isCollection(a) && !a.flow) return false;
    this.splices.push({ from: range[0], to: range[1], text: flowText(js(b)) });
    return true;
  }

  private map(a: YAMLMap, b: YAMLMap): boolean {
    const key = (p: Pair) => String(js(p.key));
    const bKeys = new Map(b.items.map((p) => [key(p), p]));
    const aKeys = new Set(a.items.map(key));
    let lastKept = -1;
    for (const [i, pair] of a.items.entries()) {
      const other = bKeys.get(key(pair));
      if (other) {
        if (!this.node(pair.value, other.value)) return false;
        lastKept = i;
      } else if (!this.remove(a, i)) return false;
    }
    const added = b.items.filter((p) => !aKeys.has(key(p)));
    if (!added.length) return true;
    // New pairs go after the last one, in the order of b.
    if (lastKept < 0) return false;
    return this.append(
      a,
      added.map((p) => ({ key: key(p), value: js(p.value) })),
      lastKept,
    );
  }

  private seq(a: YAMLSeq, b: YAMLSeq): boolean {
    const ai = a.items.map(js);
    const bi = b.items.map(js);
    let head = 0;
    while (head < ai.length && head < bi.length && same(ai[head], bi[head])) head++;
    let tail = 0;
    while (tail < ai.length - head && tail < bi.length - head && same(ai[ai.length - 1 - tail], bi[bi.length - 1 - tail])) tail++;
    const aMid = a.items.slice(head, a.items.length - tail);
    const bMid = b.items.slice(head, b.items.length - tail);
    const paired = Math.min(aMid.length, bMid.length);
    for (let k = 0; k < paired; k++) if (!this.node(aMid[k], bMid[k])) return false;
    for (let k = paired; k < aMid.length; k++) if (!this.remove(a, head + k)) return false;
    if (bMid.length > paired) {
      const values = bMid.slice(paired).map(js);
      const before = head + paired < a.items.length ? head + paired : -1;
      return before >= 0 ? this.insertBefore(a, before, values) : this.append(a, values.map((value) => ({ value })));
    }
    return true;
  }

  /** Start and end of item i of a collection (a pair: its key to its value). */
  private span(c: Collection, i: number): [number, number] | null {
    const it = c.items[i] as Pair | Node;
    if (isPair(it)) {
      const k = (it.key as Node | null)?.range;
      const end = it.value ? contentEnd(it.value) : (k?.[1] ?? null);
      return k && end !== null ? [k[0], end] : null;
    }
    const end = contentEnd(it);
    return it.range && end !== null ? [it.range[0], end] : null;
  }

  private remove(c: Collection, i: number): boolean {
    const here = this.span(c, i);
    if (!here) return false;
    const n = c.items.length;
    if (c.flow) {
      if (n === 1) {
        this.splices.push({ from: here[0], to: here[1], text: '' });
        return true;
      }
      const next = i + 1 < n ? this.span(c, i + 1) : null;
      const prev = i > 0 ? this.span(c, i - 1) : null;
      if (next) this.splices.push({ from: here[0], to: next[0], text: '' });
      else if (prev) this.splices.push({ from: prev[1], to: here[1], text: '' });
      else return false;
      return true;
    }
    if (n === 1) return false; // an empty block collection has no text of its own
    // Block: the item's lines, from its line to the next item's line (or past its last line).
    const from = lineStart(this.text, here[0]);
    const next = i + 1 < n ? this.span(c, i + 1) : null;
    const to = next ? lineStart(this.text, next[0]) : Math.min(this.text.length, lineEnd(this.text, here[1]) + 1);
    // A sequence item's line starts with its "- ", a map key's at its indentation.
    if (this.text.slice(from, here[0]).trim() !== (isSeq(c) ? '-' : '')) return false;
    this.splices.push({ from, to, text: '' });
    return true;
  }

  /** Adds entries after item `after` (default: the last). */
  private append(c: Collection, entries: { key?: string; value: unknown }[], after = c.items.length - 1): boolean {
    const last = after >= 0 ? this.span(c, after) : null;
    const range = c.range;
    if (!range) return false;
    const render = (e: { key?: string; value: unknown }, indent: string) =>
      e.key === undefined ? itemText(e.value, c, indent) : c.flow ? `${scalarText(e.key)}: ${flowText(e.value)}` : blockMapText({ [e.key]: e.value }, indent);
    if (c.flow) {
      const texts = entries.map((e) => render(e, ''));
      if (last) this.splices.push({ from: last[1], to: last[1], text: `, ${texts.join(', ')}` });
      else this.splices.push({ from: range[0], to: range[1], text: isSeq(c) ? `[${texts.join(', ')}]` : `{ ${texts.join(', ')} }` });
      return true;
    }
    if (!last) return false;
    const first = this.span(c, 0)!;
    const ls = lineStart(this.text, first[0]);
    // A sequence's items start with their "- " prefix; a map's keys at the first key's column.
    const prefix = isSeq(c) ? this.text.slice(ls, first[0]) : ' '.repeat(first[0] - ls);
    if (isSeq(c) && prefix.trim() !== '-') return false;
    const at = lineEnd(this.text, last[1]);
    const lines = entries.map((e) => `\n${prefix}${render(e, ' '.repeat(prefix.length))}`).join('');
    this.splices.push({ from: at, to: at, text: lines });
    return true;
  }

  private insertBefore(c: Collection, i: number, values: unknown[]): boolean {
    const here = this.span(c, i);
    if (!here) return false;
    if (c.flow) {
      this.splices.push({ from: here[0], to: here[0], text: `${values.map((v) => itemText(v, c, '')).join(', ')}, ` });
      return true;
    }
    const from = lineStart(this.text, here[0]);
    const prefix = this.text.slice(from, here[0]);
    if (prefix.trim() !== '-') return false;
    this.splices.push({ from, to: from, text: values.map((v) => `${prefix}${itemText(v, c, ' '.repeat(prefix.length))}\n`).join('') });
    return true;
  }
}

/**
 * The text after `change` (made with the Document API on a parsed copy), with only the changed
 * parts rewritten. JSON input is returned as the Document's YAML (a JSON file has no layout to keep).
 */
export function editYaml(text: string, change: (doc: Document) => void): string {
  const before = parseDocument(text);
  const after = parseDocument(text);
  change(after);
  const want = after.toJS();
  // A text that does not parse has no structure to edit: it stays as it is.
  if (before.errors.length) return text;
  if (same(before.toJS(), want)) return text;
  const splicer = new Splicer(text);
  if (splicer.node(before.contents, after.contents)) {
    let out = text;
    for (const s of [...splicer.splices].sort((x, y) => y.from - x.from)) out = out.slice(0, s.from) + s.text + out.slice(s.to);
    const check = parseDocument(out);
    if (!check.errors.length && same(check.toJS(), want)) return out;
  }
  return after.toString({ lineWidth: 0 });
}
