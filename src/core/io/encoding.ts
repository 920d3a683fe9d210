// Text encoding detection and whole-buffer decoding for CSV/TSV/TXT.
// The buffer is always decoded in one piece: decoding chunk by chunk splits
// two-byte Shift_JIS characters at chunk edges.
import Encoding from './encodingJapanese.ts';
import type { TextEncodingName } from '../model.ts';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Characters that could not be decoded and became U+FFFD. */
  invalidCount: number;
}

const LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  shift_jis: 'shift_jis', // WHATWG shift_jis is Windows-31J (CP932): NEC/IBM extensions such as № decode
  'euc-jp': 'euc-jp',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

function hasPrefix(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (hasPrefix(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (hasPrefix(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function countInvalid(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Decodes with a known encoding (strips a BOM; TextDecoder does that for UTF-8/16 by default). */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  const text = new TextDecoder(LABEL[encoding]).decode(bytes);
  return { text, encoding, invalidCount: countInvalid(text) };
}

/**
 * Valid multi-byte UTF-8 sequences and invalid bytes in a sample. Text in Shift_JIS or
 * EUC-JP forms valid UTF-8 only by accident and is full of invalid bytes; UTF-8 with a
 * few damaged bytes (a cut character, a stray Latin-1 byte) is overwhelmingly valid.
 */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= n) break; // cut by the end of the sample: no evidence either way
    let ok = true;
    for (let k = 1; k <= need; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
    }
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * Detects the encoding and decodes. Order: BOM; strict UTF-8 (which also covers ASCII);
 * UTF-8 with a few damaged bytes; encoding-japanese's detector between Shift_JIS and EUC-JP
 * on a sample; and, where it cannot tell, whichever decodes without errors (Shift_JIS first,
 * the common case). When nothing decodes cleanly, the candidate with the fewest
 * undecodable characters wins and the count is reported.
 */
export function detectAndDecode(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return decodeAs(bytes, bom);
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', invalidCount: 0 };
  const sample = bytes.subarray(0, 256 * 1024);
  const evidence = utf8Evidence(sample);
  if (evidence.valid > 0 && evidence.invalid * 20 <= evidence.valid) return decodeAs(bytes, 'utf-8');
  const guess = Encoding.detect(sample, ['SJIS', 'EUCJP']);
  const order: TextEncodingName[] = guess === 'EUCJP' ? ['euc-jp', 'shift_jis'] : ['shift_jis', 'euc-jp'];
  for (const enc of order) {
    const text = decodeStrict(bytes, LABEL[enc]);
    if (text !== undefined) return { text, encoding: enc, invalidCount: 0 };
  }
  // Nothing decodes cleanly: keep the least damaged reading and report the damage.
  let best: DecodedText | undefined;
  for (const enc of [...order, 'utf-8' as const]) {
    const d = decodeAs(bytes, enc);
    if (!best || d.invalidCount < best.invalidCount) best = d;
  }
  return best!;
}
