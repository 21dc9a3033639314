// The bytes of a scenario or records file as text, the same on the command line and in the
// browser: UTF-8, or UTF-16 with its byte-order mark, as editors and spreadsheets save them.
// Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252) are found where they are,
// not replaced by �: replaced, "Zoë" and "Zoé" were one agent, and a name changed without a word.

import { ScenarioError } from './scenario';

/** A scenario file's text; `shown` names the file in the messages. */
export function scenarioFileText(bytes: Uint8Array, shown: string): string {
  const decoded = decodeFileText(bytes);
  // A binary file is not text at all, before it is not UTF-8.
  const binary = typeof decoded === 'string' ? decoded.includes('\0') : bytes.includes(0);
  if (binary) throw new ScenarioError([`${shown}: not a text file (it holds NUL bytes); save the scenario as UTF-8 text`]);
  if (typeof decoded !== 'string') throw new ScenarioError([`${shown}:${decoded.line}: ${notUtf8(decoded)}; save the scenario as UTF-8 text`]);
  return decoded;
}

/** Where bytes are not UTF-8: the line (1-based) and the first byte UTF-8 does not allow. */
export interface NotUtf8 {
  line: number;
  byte: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeFileText(bytes: Uint8Array): string | NotUtf8 {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const at = firstNotUtf8(bytes);
    let line = 1;
    for (let i = bytes.indexOf(10); i >= 0 && i < at; i = bytes.indexOf(10, i + 1)) line++;
    return { line, byte: bytes[at] };
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The words for bytes that are not UTF-8. */
export const notUtf8 = (where: NotUtf8) =>
  `not UTF-8 text (a byte 0x${where.byte.toString(16).toUpperCase().padStart(2, '0')} that UTF-8 does not allow there: saved as Latin-1 or Windows-1252?)`;

/** The offset of the first byte that does not continue valid UTF-8 (bytes.length when none). */
function firstNotUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence and the range its second byte must be in (no overlong forms, no
    // surrogates, nothing beyond U+10FFFF).
    const [n, lo, hi] =
      b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f]
        : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f]
          : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (n === 0) return i;
    if (n > 1 && !(bytes[i + 1] >= lo && bytes[i + 1] <= hi)) return i;
    for (let k = 2; k < n; k++) if (!(bytes[i + k] >= 0x80 && bytes[i + k] <= 0xbf)) return i;
    i += n;
  }
  return bytes.length;
}
