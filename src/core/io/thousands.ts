// Numbers written with thousands separators and no quotes (`東京都,13,515,271,6,690`) come
// apart at each `,` of a CSV: the row gets more fields than the header and every value after
// the first split one lands in the wrong column. Found when the file is read and reported
// (read warning `thousands-separators`); the repair — joining the groups of three digits
// again so that the row fits the header — is only offered: the user applies it, as one
// undoable change, or not. Nothing here changes a value on its own.
//
// Which groups belong together is not always plain (`1,180,987` under two columns may be
// `1,180 | 987` or `1 | 180,987`), so each way of joining that gives the header's width is
// weighed against the rows that fit: in a column of 4- and 5-digit counts a 7-digit number
// is unlikely, and a field like `002` is a group, not a value (unless the column holds such
// codes). A row is repaired only when one way is better than all others.
import { type Change, type CellChange, deleteColumnsChange, sameSnapshot } from '../changes.ts';
import { type CellSnapshot, type Sheet, getCell } from '../model.ts';
import { isCanonicalNumber, plainNumber } from '../plainNumber.ts';

/** Change records of the repair carry this in place of a rule id. */
export const READ_REPAIR = 'read-repair';

export interface ThousandsRepair {
  /** Zero-based row (record) of the file. */
  row: number;
  /** The row as it should have been read: `width` fields. */
  fields: string[];
}

export interface ThousandsFinding {
  /** Fields per row (the header's). */
  width: number;
  /** Zero-based rows wider than the header whose extra fields are digit groups. */
  rows: number[];
  /** The rows that join in exactly one best way, with their fields. */
  repairs: ThousandsRepair[];
}

const HEAD = /^[-+−△▲]?[1-9][0-9]{0,2}$/;
const GROUP = /^[0-9]{3}$/;
const LAST_GROUP = /^[0-9]{3}(?:\.[0-9]+)?$/;
const NUMBER = /^[-+−△▲]?[0-9]+(?:\.[0-9]+)?$/;
const ZERO_LED = /^0[0-9]+$/;

/** Integer digits of a number text (`-1,234.5` → 4); undefined for text that is no number. */
function integerDigits(text: string): number | undefined {
  const plain = text.replaceAll(',', '');
  if (!NUMBER.test(plain)) return undefined;
  const int = plain.replace(/^[-+−△▲]/, '').split('.')[0];
  return int.length;
}

interface ColumnProfile {
  /** Most of the column's values are numbers. */
  numeric: boolean;
  /** Twice the median of their integer digits (twice: stays an integer). */
  median2: number;
  /** Most values are zero-led codes (`001`). */
  zeroLed: boolean;
  /** Values seen. */
  seen: number;
}

function profileOf(rows: readonly string[][], width: number, skip: ReadonlySet<number>): ColumnProfile[] {
  const digits: number[][] = Array.from({ length: width }, () => []);
  const seen = new Array<number>(width).fill(0);
  const zero = new Array<number>(width).fill(0);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== width || skip.has(r)) continue;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (v === '') continue;
      seen[c]++;
      if (ZERO_LED.test(v)) zero[c]++;
      const d = integerDigits(v);
      if (d !== undefined) digits[c].push(d);
    }
  }
  return digits.map((list, c) => {
    list.sort((a, b) => a - b);
    const mid = list.length >> 1;
    const median2 = list.length === 0 ? 0 : list.length % 2 ? 2 * list[mid] : list[mid - 1] + list[mid];
    return { numeric: list.length * 2 > seen[c], median2, zeroLed: zero[c] * 2 > seen[c], seen: seen[c] };
  });
}

/** How unlikely `text` (one field, `joined` from several) is in a column like `p`: 0 = as expected. */
function misfit(text: string, joined: boolean, p: ColumnProfile | undefined): number {
  let cost = 0;
  if (!joined && GROUP.test(text) && text[0] === '0' && !p?.zeroLed) cost += 6;
  if (!p || p.seen === 0) return cost;
  const d = integerDigits(text);
  if (p.numeric) {
    if (d !== undefined) cost += Math.abs(2 * d - p.median2);
    else if (text !== '') cost += 8;
  } else if (d !== undefined && joined) cost += 4;
  return cost;
}

/** Can fields s..e (inclusive) be one number whose thousands separators split it? */
function joinable(fields: readonly string[], s: number, e: number): boolean {
  if (!HEAD.test(fields[s])) return false;
  for (let k = s + 1; k < e; k++) if (!GROUP.test(fields[k])) return false;
  return LAST_GROUP.test(fields[e]);
}

/**
 * The best way to join `fields` into `width` fields, or 'ambiguous' when two ways are as
 * good, or undefined when no way gives `width`.
 */
function bestJoin(fields: readonly string[], width: number, profile: readonly ColumnProfile[]): string[] | 'ambiguous' | undefined {
  const n = fields.length;
  // best[i][k]: the first i fields read as k fields — least cost, how many ways reach it (2 = more than one), and the run it ended with.
  const best: { cost: number; ways: number; from: number }[][] = Array.from({ length: n + 1 }, () => new Array(width + 1));
  best[0][0] = { cost: 0, ways: 1, from: -1 };
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < width; k++) {
      const here = best[i][k];
      if (!here) continue;
      // A run of fields i..e becomes output field k.
      for (let e = i; e < n && (e === i || joinable(fields, i, e)); e++) {
        const joined = e > i;
        const text = joined ? fields.slice(i, e + 1).join(',') : fields[i];
        const cost = here.cost + misfit(text, joined, profile[k]);
        const slot = best[e + 1][k + 1];
        if (!slot || cost < slot.cost) best[e + 1][k + 1] = { cost, ways: here.ways, from: i };
        else if (cost === slot.cost) slot.ways = Math.min(2, slot.ways + here.ways);
        if (!joined && !HEAD.test(fields[i])) break;
      }
    }
  }
  const end = best[n][width];
  if (!end) return undefined;
  if (end.ways > 1) return 'ambiguous';
  const out: string[] = [];
  for (let i = n, k = width; k > 0; k--) {
    const from = best[i][k].from;
    out.push(fields.slice(from, i).join(','));
    i = from;
  }
  return out.reverse();
}

/** Fields per row of the header: the most common count, or the first row's when most wider rows fold onto it. */
function headerWidth(rows: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let mode = 0;
  let most = 0;
  for (const [w, k] of counts) if (k > most || (k === most && w > mode)) [mode, most] = [w, k];
  const first = rows.find((row) => row.some((f) => f !== ''))?.length ?? mode;
  if (first >= 2 && first < mode) {
    // Every data row split (each has separators): the rows do not agree on a count, but
    // they fold onto the header's. The first rows wider than the header tell.
    const wider: (readonly string[])[] = [];
    for (let r = 0; r < rows.length && wider.length < 200; r++) if (rows[r].length > first) wider.push(rows[r]);
    const fold = wider.filter((row) => joinPoints(row) >= row.length - first && bestJoin(row, first, []) !== undefined).length;
    if (fold * 5 >= wider.length * 4) return first;
  }
  return mode;
}

/** Places where a field could continue into the next one as a group of three digits. */
function joinPoints(row: readonly string[]): number {
  let points = 0;
  for (let k = 0; k + 1 < row.length; k++) if ((HEAD.test(row[k]) || GROUP.test(row[k])) && LAST_GROUP.test(row[k + 1])) points++;
  return points;
}

/**
 * Rows of a CSV (comma-separated) that unquoted thousands separators split, and their
 * repairs. Undefined when there are none. Cheap when there are none: one pass over the row
 * lengths, and digit tests on the wider rows only.
 */
export function findSplitThousands(rows: readonly string[][]): ThousandsFinding | undefined {
  if (rows.length < 2) return undefined;
  const width = headerWidth(rows);
  if (width < 2) return undefined;
  const candidates: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length <= width) continue;
    if (joinPoints(row) >= row.length - width) candidates.push(r);
  }
  if (candidates.length === 0) return undefined;
  const profile = profileOf(rows, width, new Set(candidates));
  const found: number[] = [];
  const repairs: ThousandsRepair[] = [];
  for (const r of candidates) {
    const joined = bestJoin(rows[r], width, profile);
    if (joined === undefined) continue;
    found.push(r);
    if (joined !== 'ambiguous') repairs.push({ row: r, fields: joined });
  }
  return found.length > 0 ? { width, rows: found, repairs } : undefined;
}

/** A field as the CSV reader types it (see readCsv.ts `sheetFromFields`). */
function fieldSnapshot(field: string): CellSnapshot {
  if (field === '') return { value: null };
  const n = plainNumber(field);
  if (n === undefined) return { value: field };
  return isCanonicalNumber(field, n) ? { value: n } : { value: n, raw: field };
}

/** Row `r` of a sheet read from CSV as the text it was read from, without trailing empty fields. */
function rowText(sheet: Sheet, r: number): string {
  const fields: string[] = [];
  for (const col of sheet.columns) {
    const v = col.values[r] ?? null;
    fields.push(col.raw?.[r] ?? (v === null ? '' : typeof v === 'object' ? v.error : String(v)));
  }
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields.join(',');
}

/**
 * The repair as changes to `sheet` (the CSV's sheet, rows as in the file): each repaired
 * row gets its joined fields; the columns beyond the header's width are removed when the
 * repaired rows were all that filled them, else emptied in those rows. A row that no longer
 * holds what was read (edited, or moved by a fix) is left alone.
 */
export function thousandsRepairChanges(sheet: Sheet, finding: Pick<ThousandsFinding, 'width' | 'repairs'>): Change[] {
  const { width } = finding;
  // Joining fields again puts back the very commas the split took: the row's text is unchanged.
  const repairs = finding.repairs.filter((x) => x.row < sheet.rowCount && rowText(sheet, x.row) === x.fields.join(',').replace(/,+$/, ''));
  const total = sheet.columns.length;
  const repaired = new Set(repairs.map((x) => x.row));
  let tailOnlyRepaired = total > width;
  for (let c = width; c < total && tailOnlyRepaired; c++) {
    const values = sheet.columns[c].values;
    for (let r = 0; r < sheet.rowCount; r++) {
      if (values[r] !== null && values[r] !== undefined && !repaired.has(r)) {
        tailOnlyRepaired = false;
        break;
      }
    }
  }
  const out: Change[] = [];
  const cells = tailOnlyRepaired ? width : total;
  for (const { row, fields } of repairs) {
    for (let c = 0; c < cells; c++) {
      const before = getCell(sheet, row, c);
      const after = fieldSnapshot(fields[c] ?? '');
      if (sameSnapshot(before, after)) continue;
      const change: CellChange = { kind: 'cell', sheetId: sheet.id, r: row, c, before, after, ruleId: READ_REPAIR };
      out.push(change);
    }
  }
  // The cell changes above touch only columns before `width`: the columns deleted here are as they are now.
  if (tailOnlyRepaired && out.length > 0) out.push(deleteColumnsChange(sheet, width, total - width, READ_REPAIR));
  return out;
}
