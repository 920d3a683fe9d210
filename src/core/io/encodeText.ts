// CSV text → bytes in the export encodings (docs/export.md): UTF-8 with BOM (default), UTF-8,
// Shift_JIS. Nothing is ever replaced silently: characters an encoding cannot hold are
// listed by `unrepresentable` (the UI shows the list before download) and make
// `encodeCsv` throw `UnrepresentableCharactersError`.
//
// Shift_JIS means what browsers read as `shift_jis` (WHATWG: Windows-31J / CP932, so the
// NEC and IBM extensions `①`, `№`, `㈱`, `髙`, `﨑` are in). encoding-japanese supplies the
// mapping; every character is checked once by decoding its bytes back with
// TextDecoder('shift_jis'): a character that comes back as another one (`〜` U+301C
// becomes `～` U+FF5E, `−` U+2212 becomes `－`) counts as unrepresentable, with
// `decodesAs` saying what it would turn into. Characters outside the BMP (`𠮷`, emoji)
// are never representable. UTF-8 holds everything except lone surrogates.
//
// Work is per distinct character, not per character: a 65,536-entry table remembers each
// BMP character's bytes, and the encoder is one pass over the text.
import Encoding from './encodingJapanese.ts';
import { encodeUtf8 } from './csv.ts';

export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'shift_jis';

export interface UnrepresentableChar {
  char: string;
  /** Unicode code point (a lone surrogate's own value). */
  codePoint: number;
  count: number;
  /** What the character would read back as, where the encoding maps it to another one. */
  decodesAs?: string;
}

export class UnrepresentableCharactersError extends Error {
  readonly encoding: CsvEncoding;
  readonly chars: UnrepresentableChar[];
  constructor(encoding: CsvEncoding, chars: UnrepresentableChar[]) {
    const sample = chars
      .slice(0, 10)
      .map((c) => `${c.char} (U+${c.codePoint.toString(16).toUpperCase().padStart(4, '0')})`)
      .join(', ');
    super(`${encoding} cannot hold ${chars.length} character(s): ${sample}${chars.length > 10 ? ', …' : ''}`);
    this.name = 'UnrepresentableCharactersError';
    this.encoding = encoding;
    this.chars = chars;
  }
}

// Per BMP code unit: 0 = not looked at yet, 1 = one byte, 2 = two bytes, 3 = not representable.
const sjisState = new Uint8Array(0x10000);
const sjisCode = new Uint16Array(0x10000);
const sjisDecodesAs = new Map<number, string>();
let sjisDecoder: TextDecoder | undefined;

function lookUpSjis(cu: number): number {
  if (cu >= 0xd800 && cu <= 0xdfff) {
    sjisState[cu] = 3;
    return 3;
  }
  const ch = String.fromCharCode(cu);
  const bytes = Encoding.convert([cu], { to: 'SJIS', from: 'UNICODE' }) as number[];
  sjisDecoder ??= new TextDecoder('shift_jis');
  const back = bytes.length >= 1 && bytes.length <= 2 ? sjisDecoder.decode(Uint8Array.from(bytes)) : '';
  let state = 3;
  if (back === ch) {
    state = bytes.length;
    sjisCode[cu] = bytes.length === 1 ? bytes[0] : (bytes[0] << 8) | bytes[1];
  } else if (back !== '' && back !== '?' && back !== '\uFFFD') {
    sjisDecodesAs.set(cu, back);
  }
  sjisState[cu] = state;
  return state;
}

function sjisStateOf(cu: number): number {
  if (cu < 0x80) return 1;
  const s = sjisState[cu];
  return s === 0 ? lookUpSjis(cu) : s;
}

function isHigh(cu: number): boolean {
  return cu >= 0xd800 && cu <= 0xdbff;
}
function isLow(cu: number): boolean {
  return cu >= 0xdc00 && cu <= 0xdfff;
}

function collect(found: Map<number, UnrepresentableChar>, cp: number, char: string, decodesAs?: string): void {
  const known = found.get(cp);
  if (known) known.count++;
  else found.set(cp, decodesAs === undefined ? { char, codePoint: cp, count: 1 } : { char, codePoint: cp, count: 1, decodesAs });
}

/**
 * Characters `encoding` cannot hold, in order of first appearance, with how often each
 * occurs. Empty when the text can be written as is.
 */
export function unrepresentable(text: string, encoding: CsvEncoding): UnrepresentableChar[] {
  const found = new Map<number, UnrepresentableChar>();
  const n = text.length;
  if (encoding === 'shift_jis') {
    for (let i = 0; i < n; i++) {
      const cu = text.charCodeAt(i);
      if (cu < 0x80) continue;
      if (isHigh(cu) && i + 1 < n && isLow(text.charCodeAt(i + 1))) {
        const cp = text.codePointAt(i)!;
        collect(found, cp, text.slice(i, i + 2));
        i++;
        continue;
      }
      if (sjisStateOf(cu) === 3) collect(found, cu, text[i], sjisDecodesAs.get(cu));
    }
  } else {
    const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed;
    if (wellFormed && wellFormed.call(text)) return [];
    for (let i = 0; i < n; i++) {
      const cu = text.charCodeAt(i);
      if (cu < 0xd800 || cu > 0xdfff) continue;
      if (isHigh(cu) && i + 1 < n && isLow(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      collect(found, cu, text[i], '\uFFFD');
    }
  }
  return [...found.values()];
}

function encodeSjis(text: string): Uint8Array {
  const n = text.length;
  const out = new Uint8Array(n * 2);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const cu = text.charCodeAt(i);
    if (cu < 0x80) {
      out[o++] = cu;
      continue;
    }
    const s = sjisState[cu] || lookUpSjis(cu);
    if (s === 1) out[o++] = sjisCode[cu];
    else if (s === 2) {
      const code = sjisCode[cu];
      out[o++] = code >> 8;
      out[o++] = code & 0xff;
    } else throw new UnrepresentableCharactersError('shift_jis', unrepresentable(text, 'shift_jis'));
  }
  return out.slice(0, o);
}

/**
 * The bytes of `text` in `encoding` (UTF-8 with BOM: `EF BB BF` first). Throws
 * `UnrepresentableCharactersError` listing every character the encoding cannot hold.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array {
  if (encoding === 'shift_jis') return encodeSjis(text);
  const bad = unrepresentable(text, encoding);
  if (bad.length > 0) throw new UnrepresentableCharactersError(encoding, bad);
  return encodeUtf8(text, encoding === 'utf-8-bom');
}

/** The TextDecoder label that reads bytes of `encoding` back. */
export function decoderLabel(encoding: CsvEncoding): string {
  return encoding === 'shift_jis' ? 'shift_jis' : 'utf-8';
}
