// How the UI names a cell's stored type (shared by the details bar and tooltips).
import { type CellValue, isCellError } from '../core/model.ts';
import { isDateFormat } from '../core/numberFormat.ts';
import { type MessageKey, formatCount } from './i18n.ts';

export function typeKey(value: CellValue, format: string): MessageKey {
  if (value === null) return 'type.empty';
  if (typeof value === 'number') return isDateFormat(format) ? 'type.date' : 'type.number';
  if (typeof value === 'boolean') return 'type.boolean';
  if (isCellError(value)) return 'type.error';
  return 'type.string';
}

/** The stored value as the details bar prints it: numbers in full, text quoted. */
export function storedValueText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return value.error;
  return String(value);
}

/** Longest text the grid, its tooltip and the details bar print for one cell. */
export const SHOWN_TEXT_LIMIT = 1000;

/**
 * `text` cut to `limit` characters plus a note of its full length. A cell may hold a
 * megabyte; putting all of it into the DOM or a tooltip stalls painting for seconds.
 */
export function clipText(text: string, note: (count: string) => string, limit = SHOWN_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  // Do not split a surrogate pair: a lone half renders as U+FFFD.
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + note(formatCount(text.length));
}
