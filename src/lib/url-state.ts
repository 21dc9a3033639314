// The view in the URL: scenarios (shipped examples by name, anything else as text), the active
// one, the view, display zone and filters, as deflate-compressed JSON in the hash, so a link
// reproduces what the sender saw. No server involved.
import { CHANNELS, parseScenario, ScenarioError } from '../../sim/scenario/scenario';
import type { Origin } from './scenario-doc';

export interface SharedDoc {
  /** An unmodified example, by key. */
  ex?: string;
  /** Otherwise: file name, text, origin. */
  f?: string;
  t?: string;
  o?: Origin;
}

export interface SharedState {
  v: 1;
  docs: SharedDoc[];
  active: number;
  view?: string;
  tz?: string;
  ch?: string;
  /** The language filter, when not 'all'. */
  lang?: string;
  /** The day zoomed to ("YYYY-MM-DD" in the display zone), when not the whole period. */
  day?: string;
  cmp?: number[];
}

const PREFIX = '#s=';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The most text a link may inflate to: a few dozen scenarios of a few kB each fit many times over. */
export const MAX_LINK_TEXT = 2 * 2 ** 20;
/** The most characters of the hash read at all (compressed text is shorter than what it inflates to). */
export const MAX_LINK_CHARS = 3 * 2 ** 20;
/** The most scenarios a link may carry. */
export const MAX_LINK_DOCS = 100;

/** A link that cannot be read at all: the message says why, in plain words. */
export class LinkError extends Error {}

const mb = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MB`;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Inflates, stopping as soon as the text grows beyond `limit` bytes (a small link can inflate to
 * hundreds of MB: the rest is never decompressed). */
async function inflateCapped(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => undefined);
        throw new LinkError(`The link holds more than ${mb(limit)} of scenarios, more than a link may carry; it was not opened.`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError('The link is damaged (its data does not decompress): it may have been cut short when it was copied.');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function encodeState(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The JSON in a hash, unchecked (see checkState), or null if the hash holds no state. Throws a
 * LinkError (plain words) for a link too big, not base64, not deflate or not JSON. */
export async function decodeRaw(hash: string, limit = MAX_LINK_TEXT): Promise<unknown> {
  if (!hash.startsWith(PREFIX)) return null;
  const body = hash.slice(PREFIX.length);
  if (body.length > MAX_LINK_CHARS) throw new LinkError(`The link is ${mb(body.length)} long, more than a link may carry; it was not opened.`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(body);
  } catch {
    throw new LinkError('The link is damaged (it has characters a followsun link does not use): it may have been cut short or changed when it was copied.');
  }
  const text = new TextDecoder().decode(await inflateCapped(bytes, limit));
  try {
    return JSON.parse(text);
  } catch {
    throw new LinkError('The link is damaged (its data is not readable): it may have been cut short when it was copied.');
  }
}

/** The state in a hash, or null (no state). Throws a LinkError for a link that cannot be read at
 * all; a readable link's bad parts are dropped (see checkState). */
export async function decodeState(hash: string): Promise<SharedState | null> {
  const raw = await decodeRaw(hash);
  return raw === null ? null : checkState(raw).state;
}

export const hasState = (hash: string) => hash.startsWith(PREFIX);

const ORIGINS: Origin[] = ['example', 'file', 'variant', 'link'];
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const quoted = (x: unknown) => {
  const text = typeof x === 'string' ? `“${x.length > 60 ? `${x.slice(0, 60)}…` : x}”` : JSON.stringify(x) ?? String(x);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface CheckedState {
  /** What can be used of the link: bad scenarios and settings left out. */
  state: SharedState;
  /** One plain sentence per part left out or with problems (empty for a good link). */
  problems: string[];
}

/**
 * Checks a decoded link: the shape of the state and each scenario against the same schema as
 * files (sim/scenario parseScenario). Throws a LinkError when nothing of it is usable (not a
 * followsun link); otherwise returns what can be used and says what was left out. Scenarios with
 * problems are kept (the editor shows the problems) but reported; `isExample` tells the shipped
 * examples' keys.
 */
export function checkState(raw: unknown, isExample: (key: string) => boolean = () => true): CheckedState {
  if (!isObject(raw) || raw.v !== 1 || !Array.isArray(raw.docs)) {
    throw new LinkError('This is not a followsun link (or one from a newer version): it holds no scenarios the app can read.');
  }
  const problems: string[] = [];
  let list = raw.docs as unknown[];
  if (list.length > MAX_LINK_DOCS) {
    problems.push(`The link carries ${list.length} scenarios; only the first ${MAX_LINK_DOCS} were opened.`);
    list = list.slice(0, MAX_LINK_DOCS);
  }
  // Index in the link → index in the checked list (or -1: left out).
  const kept: number[] = [];
  const docs: SharedDoc[] = [];
  list.forEach((d, i) => {
    const n = i + 1;
    if (!isObject(d)) {
      problems.push(`Scenario ${n} of the link is empty or not a scenario (${quoted(d)}); it was left out.`);
      kept.push(-1);
      return;
    }
    const ex = typeof d.ex === 'string' && isExample(d.ex) ? d.ex : undefined;
    if (d.ex !== undefined && ex === undefined) problems.push(`Scenario ${n} of the link names an example followsun does not ship (${quoted(d.ex)}).`);
    if (d.t === undefined) {
      if (ex === undefined) {
        if (d.ex === undefined) problems.push(`Scenario ${n} of the link has no text; it was left out.`);
        kept.push(-1);
        return;
      }
      kept.push(docs.length);
      docs.push({ ex });
      return;
    }
    if (typeof d.t !== 'string') {
      problems.push(`Scenario ${n} of the link has no readable text (${quoted(d.t)}); it was left out.`);
      kept.push(-1);
      return;
    }
    const goodName = typeof d.f === 'string' && d.f.trim() !== '' && d.f.length <= 200 && !/[\\/\u0000-\u001f]/.test(d.f);
    const f = goodName ? (d.f as string) : 'shared.yaml';
    const o = typeof d.o === 'string' && (ORIGINS as string[]).includes(d.o) ? (d.o as Origin) : undefined;
    try {
      parseScenario(d.t, f);
    } catch (e) {
      const lines = e instanceof ScenarioError ? e.problems : [`${f}: ${(e as Error).message}`];
      const more = lines.length > 3 ? ` (and ${lines.length - 3} more)` : '';
      problems.push(`Scenario ${n} of the link (${f}) has problems: ${lines.slice(0, 3).join('; ')}${more}. Fix them in the editor to run it.`);
    }
    kept.push(docs.length);
    docs.push({ ...(goodName ? { f } : {}), t: d.t, ...(o ? { o } : {}), ...(ex ? { ex } : {}) });
  });

  const state: SharedState = { v: 1, docs, active: -1 };
  if (raw.active !== undefined) {
    const a = raw.active;
    if (typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < list.length && kept[a] >= 0) state.active = kept[a];
    else if (!(typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < list.length)) problems.push(`The link's open scenario (${quoted(a)}) is not one of its scenarios.`);
  }
  if (raw.view !== undefined) {
    if (typeof raw.view === 'string' && raw.view.length <= 40) state.view = raw.view;
    else problems.push(`The link's view (${quoted(raw.view)}) is not one the app has.`);
  }
  if (raw.tz !== undefined) {
    if (typeof raw.tz === 'string' && raw.tz.length <= 64 && isTimeZone(raw.tz)) state.tz = raw.tz;
    else problems.push(`The link's time zone ${quoted(raw.tz)} is not one this browser knows; times are shown in UTC.`);
  }
  if (raw.ch !== undefined) {
    if (typeof raw.ch === 'string' && (raw.ch === 'all' || (CHANNELS as readonly string[]).includes(raw.ch))) state.ch = raw.ch;
    else problems.push(`The link's channel ${quoted(raw.ch)} is not voice, chat or email; all channels are shown.`);
  }
  if (raw.lang !== undefined) {
    if (typeof raw.lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(raw.lang)) state.lang = raw.lang;
    else problems.push(`The link's language ${quoted(raw.lang)} is not a language code such as en or pt-BR; all languages are shown.`);
  }
  if (raw.day !== undefined) {
    if (typeof raw.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.day)) state.day = raw.day;
    else problems.push(`The link's day ${quoted(raw.day)} is not a date such as 2026-03-17; the whole period is shown.`);
  }
  if (raw.cmp !== undefined) {
    const ok = Array.isArray(raw.cmp) && raw.cmp.length <= MAX_LINK_DOCS && raw.cmp.every((i) => typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < list.length);
    if (ok) state.cmp = (raw.cmp as number[]).map((i) => kept[i]).filter((i) => i >= 0);
    else problems.push(`The link's comparison (${quoted(raw.cmp)}) does not name its scenarios; nothing is selected to compare.`);
  }
  return { state, problems };
}
