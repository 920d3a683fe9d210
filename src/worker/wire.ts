// What crosses the worker boundary for large documents. Structured clone of a whole
// 100,000 × 20 workbook (or 100,000 violations) is one long task on the main thread when
// it arrives; sent as a skeleton plus slices of at most SLICE_CELLS values, each message
// is deserialised in a few milliseconds and the page stays responsive in between.
import type { AnalysisDelta, SheetAnalysis } from '../core/analysis/analyse.ts';
import { CELL_ARRAYS, type CellArrayKey, type CellValue, type Column, type Workbook, sliceColumn } from '../core/model.ts';

export { sliceColumn };

export const SLICE_CELLS = 100_000;
export const VIOLATION_PAGE = 20_000;

/** The workbook without its cells; `columnCounts[i]` is how many columns sheet i has. */
export interface WorkbookSkeleton {
  workbook: Workbook;
  columnCounts: number[];
}

export function skeletonOf(wb: Workbook): WorkbookSkeleton {
  return {
    workbook: { ...wb, sheets: wb.sheets.map((s) => ({ ...s, columns: [] })) },
    columnCounts: wb.sheets.map((s) => s.columns.length),
  };
}

type SparseKey = CellArrayKey;
const SPARSE = CELL_ARRAYS;

/** Joins consecutive slices of one column back together. */
export function joinSlices(parts: Column[], rowCount: number): Column {
  if (parts.length === 1 && parts[0].values.length === rowCount) return parts[0];
  const out: Column = { values: [] };
  for (const key of SPARSE) if (parts.some((p) => p[key])) (out as unknown as Record<SparseKey, unknown[]>)[key] = [];
  for (const part of parts) {
    const n = part.values.length;
    for (let i = 0; i < n; i++) out.values.push(part.values[i]);
    for (const key of SPARSE) {
      const target = (out as unknown as Record<SparseKey, unknown[] | undefined>)[key];
      if (!target) continue;
      const source = part[key] as unknown[] | undefined;
      for (let i = 0; i < n; i++) target.push(source ? source[i] : key === 'formats' ? 0 : undefined);
    }
  }
  return out;
}

/**
 * A column (or a slice of one) as it crosses the boundary: its numbers in a typed array that
 * is handed over, not copied, and only the other values structured-cloned. A municipal
 * table is mostly numbers; cloning them one by one cost ~100 ms in the worker and as much
 * again on the main thread at 100,000 × 20.
 */
export interface PackedColumn extends Omit<Column, 'values'> {
  /** Per row: EMPTY, NUMBER or OTHER (the next of `others`). */
  kinds: Uint8Array;
  /** Per row: the number where `kinds` says NUMBER. */
  numbers: Float64Array;
  others: CellValue[];
}

const EMPTY = 0;
const NUMBER = 1;
const OTHER = 2;

export function packColumn(col: Column): PackedColumn {
  const { values, ...rest } = col;
  const n = values.length;
  const kinds = new Uint8Array(n);
  const numbers = new Float64Array(n);
  const others: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      kinds[i] = NUMBER;
      numbers[i] = v;
    } else if (v !== null) {
      kinds[i] = OTHER;
      others.push(v);
    }
  }
  return { ...rest, kinds, numbers, others };
}

export function unpackColumn(packed: PackedColumn): Column {
  const { kinds, numbers, others, ...rest } = packed;
  const n = kinds.length;
  const values = new Array<CellValue>(n);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i];
    values[i] = kind === NUMBER ? numbers[i] : kind === EMPTY ? null : others[o++];
  }
  return { ...rest, values };
}

/** The buffers of packed columns, to hand over with the message that carries them. */
export function buffersOf(packed: PackedColumn[]): ArrayBuffer[] {
  return packed.flatMap((p) => [p.kinds.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer]);
}

/** Row ranges to fetch one column in, each at most SLICE_CELLS long. */
export function sliceRanges(rowCount: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < rowCount; start += SLICE_CELLS) out.push([start, Math.min(rowCount, start + SLICE_CELLS)]);
  return out.length ? out : [[0, 0]];
}

/** An analysis without its (possibly huge) list of cell violations, fetched in pages. */
export function withoutCellViolations(a: SheetAnalysis): SheetAnalysis & { cellViolationCount: number } {
  return { ...a, cellViolations: [], cellViolationCount: a.cellViolations.length };
}

export function deltaWithoutCellViolations(d: AnalysisDelta): AnalysisDelta & { cellViolationCount?: number } {
  return d.full ? { ...d, full: withoutCellViolations(d.full), cellViolationCount: d.full.cellViolations.length } : d;
}

export function pages(count: number, size = VIOLATION_PAGE): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < count; start += size) out.push([start, Math.min(count, start + size)]);
  return out;
}

/** Changes per message of a big change list (すべて修正 on 100,000 rows makes 200,000). */
export const CHANGE_PAGE = 20_000;

