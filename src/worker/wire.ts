// What crosses the worker boundary for large documents. Structured clone of a whole
// 100,000 × 20 workbook (or 100,000 violations) is one long task on the main thread when
// it arrives; sent as a skeleton plus slices of at most SLICE_CELLS values, each message
// is deserialised in a few milliseconds and the page stays responsive in between.
import type { Change } from '../core/changes.ts';
import { CELL_ARRAYS, type CellArrayKey, type CellSnapshot, type CellValue, type Column, type Workbook, sliceColumn } from '../core/model.ts';

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
 * Cell values as they cross the boundary: the numbers in a typed array that is handed over,
 * not copied, and only the other values structured-cloned. A municipal table is mostly
 * numbers; cloning them one by one cost ~100 ms in the worker and as much again on the
 * main thread at 100,000 × 20.
 */
export interface PackedValues {
  /** Per value: EMPTY, NUMBER or OTHER (the next of `others`). */
  kinds: Uint8Array;
  /** Per value: the number where `kinds` says NUMBER. */
  numbers: Float64Array;
  others: CellValue[];
}

const EMPTY = 0;
const NUMBER = 1;
const OTHER = 2;

export function packValues(values: ArrayLike<CellValue>): PackedValues {
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
  return { kinds, numbers, others };
}

/** Calls `each(i, value)` for every value in order. */
function forEachValue(packed: PackedValues, each: (i: number, value: CellValue) => void): void {
  const { kinds, numbers, others } = packed;
  let o = 0;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    each(i, kind === NUMBER ? numbers[i] : kind === EMPTY ? null : others[o++]);
  }
}

function valueBuffers(p: PackedValues): ArrayBuffer[] {
  return [p.kinds.buffer as ArrayBuffer, p.numbers.buffer as ArrayBuffer];
}

/** A column (or a slice of one) as it crosses the boundary: packed values, the per-cell arrays as they are. */
export interface PackedColumn extends Omit<Column, 'values'> {
  packed: PackedValues;
}

export function packColumn(col: Column): PackedColumn {
  const { values, ...rest } = col;
  return { ...rest, packed: packValues(values) };
}

export function unpackColumn(column: PackedColumn): Column {
  const { packed, ...rest } = column;
  const values = new Array<CellValue>(packed.kinds.length);
  forEachValue(packed, (i, v) => (values[i] = v));
  return { ...rest, values };
}

/** The buffers of packed columns, to hand over with the message that carries them. */
export function buffersOf(columns: PackedColumn[]): ArrayBuffer[] {
  return columns.flatMap((col) => valueBuffers(col.packed));
}

/**
 * A page of changes as it crosses the boundary (すべて修正 on 100,000 rows makes 111,000):
 * cell changes as typed arrays of rows, columns, rule and sheet, and their values packed;
 * what a snapshot holds besides its value, and every other kind of change, as they are.
 * Order is kept: a list is applied, and reverted, in order.
 */
export interface PackedChanges {
  /** Per change: index in `others`, or -1 for a cell change. */
  other: Int32Array;
  r: Int32Array;
  c: Int32Array;
  /** Index in `names` of each cell change's sheet id and rule id. */
  sheet: Uint16Array;
  rule: Uint16Array;
  names: string[];
  before: PackedValues;
  after: PackedValues;
  /** Cell change i's before / after snapshot without its value, where it has more. */
  beforeRest: [number, Omit<CellSnapshot, 'value'>][];
  afterRest: [number, Omit<CellSnapshot, 'value'>][];
  others: Change[];
}

export function packChanges(changes: Change[]): { packed: PackedChanges; buffers: ArrayBuffer[] } {
  const n = changes.length;
  const other = new Int32Array(n);
  const r = new Int32Array(n);
  const c = new Int32Array(n);
  const sheet = new Uint16Array(n);
  const rule = new Uint16Array(n);
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const nameOf = (s: string) => {
    let i = nameIndex.get(s);
    if (i === undefined) {
      i = names.push(s) - 1;
      nameIndex.set(s, i);
    }
    return i;
  };
  const beforeValues: CellValue[] = new Array(n).fill(null);
  const afterValues: CellValue[] = new Array(n).fill(null);
  const beforeRest: [number, Omit<CellSnapshot, 'value'>][] = [];
  const afterRest: [number, Omit<CellSnapshot, 'value'>][] = [];
  const others: Change[] = [];
  for (let i = 0; i < n; i++) {
    const ch = changes[i];
    if (ch.kind !== 'cell') {
      other[i] = others.push(ch) - 1;
      continue;
    }
    other[i] = -1;
    r[i] = ch.r;
    c[i] = ch.c;
    sheet[i] = nameOf(ch.sheetId);
    rule[i] = nameOf(ch.ruleId);
    const { value: b, ...bRest } = ch.before;
    const { value: a, ...aRest } = ch.after;
    beforeValues[i] = b;
    afterValues[i] = a;
    if (Object.keys(bRest).length > 0) beforeRest.push([i, bRest]);
    if (Object.keys(aRest).length > 0) afterRest.push([i, aRest]);
  }
  const before = packValues(beforeValues);
  const after = packValues(afterValues);
  const packed = { other, r, c, sheet, rule, names, before, after, beforeRest, afterRest, others };
  const buffers = [other, r, c, sheet, rule].map((a) => a.buffer as ArrayBuffer).concat(valueBuffers(before), valueBuffers(after));
  return { packed, buffers };
}

export function unpackChanges(p: PackedChanges): Change[] {
  const n = p.other.length;
  const before: CellSnapshot[] = new Array(n);
  const after: CellSnapshot[] = new Array(n);
  forEachValue(p.before, (i, value) => (before[i] = { value }));
  forEachValue(p.after, (i, value) => (after[i] = { value }));
  for (const [i, rest] of p.beforeRest) before[i] = { ...before[i], ...rest };
  for (const [i, rest] of p.afterRest) after[i] = { ...after[i], ...rest };
  const out: Change[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o = p.other[i];
    out[i] =
      o >= 0
        ? p.others[o]
        : { kind: 'cell', sheetId: p.names[p.sheet[i]], r: p.r[i], c: p.c[i], before: before[i], after: after[i], ruleId: p.names[p.rule[i]] };
  }
  return out;
}

/** Row ranges to fetch one column in, each at most `size` long. */
export function sliceRanges(rowCount: number, size = SLICE_CELLS): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < rowCount; start += size) out.push([start, Math.min(rowCount, start + size)]);
  return out.length ? out : [[0, 0]];
}

export function pages(count: number, size = VIOLATION_PAGE): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < count; start += size) out.push([start, Math.min(count, start + size)]);
  return out;
}

/** Changes per message of a big change list (すべて修正 on 100,000 rows makes 200,000). */
export const CHANGE_PAGE = 20_000;

