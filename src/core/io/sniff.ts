// Identifies what a file really is from its first bytes, before any parser sees it:
// SheetJS reads almost anything as "some sheet" (a PDF becomes a one-column text
// sheet), so a file named .xlsx must be proven to be a spreadsheet container first.

export type Container =
  | 'empty'
  | 'zip' // xlsx, xlsm, xlsb, ods
  | 'cfb' // xls (BIFF8), or an encrypted OOXML package
  | 'biff' // bare BIFF2–5 stream (old .xls)
  | 'xml' // SpreadsheetML 2003 or HTML disguised as .xls
  | 'pdf'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'text'
  | 'binary';

function startsWith(bytes: Uint8Array, sig: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[offset + i] !== sig[i]) return false;
  return true;
}

export function sniffContainer(bytes: Uint8Array): Container {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return '7z';
  // BIFF2-5 BOF records: 0x0009, 0x0209, 0x0409, 0x0809 followed by a small length.
  if ((bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1])) && bytes.length > 4 && bytes[3] === 0x00) return 'biff';
  return looksLikeText(bytes) ? (firstNonSpaceIs(bytes, 0x3c) ? 'xml' : 'text') : 'binary';
}

function firstNonSpaceIs(bytes: Uint8Array, ch: number): boolean {
  let i = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === ch;
}

/** Text in any of the encodings we read has no NUL bytes and few control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true; // UTF-16 BOM
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  return control <= n * 0.01;
}
