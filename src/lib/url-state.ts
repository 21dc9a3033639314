// The view in the URL: scenarios (shipped examples by name, anything else as text), the active
// one, the view, display zone and filters, as deflate-compressed JSON in the hash, so a link
// reproduces what the sender saw. No server involved.
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

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeState(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The state in a hash, or null (no state, or a damaged link: the caller says so). */
export async function decodeState(hash: string): Promise<SharedState | null> {
  if (!hash.startsWith(PREFIX)) return null;
  const bytes = await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
  const state = JSON.parse(new TextDecoder().decode(bytes)) as SharedState;
  if (state?.v !== 1 || !Array.isArray(state.docs)) throw new Error('not a followsun link');
  return state;
}

export const hasState = (hash: string) => hash.startsWith(PREFIX);
