// How the UI names a cell's stored type (shared by the details bar and tooltips).
import { type CellValue, isCellError } from '../core/model.ts';
import { isDateFormat } from '../core/numberFormat.ts';
import type { MessageKey } from './i18n.ts';

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
