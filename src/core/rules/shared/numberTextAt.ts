// Which text cell is a number typed as text, as the number-as-text rule (and its fix) reads
// it: a data cell, outside identifier (`code`), date and period columns, whose text
// `parseNumberText` reads. Layout-spaces asks too, so that `12,064 ` or ` 2` is one
// finding (a number to type), not also one of white space.
import { getFormat, getValue } from '../../model.ts';
import type { ColumnKind } from '../../structure/types.ts';
import { type NumberText, formatUsesParenNegatives, parseNumberText } from '../../text/numberText.ts';
import type { SheetView } from '../types.ts';

const HAS_DIGIT = /[0-9０-９]/;

const SKIPPED_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['code', 'date', 'period']);

/** The parse of a data cell's text, as number-as-text reads it; undefined when it is no number to type. */
export function numberTextAt(view: SheetView, r: number, c: number): NumberText | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || !HAS_DIGIT.test(v)) return undefined;
  if (view.regionOf(r, c) !== 'data') return undefined;
  const kind = view.columnAt(r, c)?.kind;
  if (kind !== undefined && SKIPPED_KINDS.has(kind)) return undefined;
  return parseNumberText(v, { parenNegative: formatUsesParenNegatives(getFormat(view.sheet, r, c)) });
}
