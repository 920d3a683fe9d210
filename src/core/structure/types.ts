// What structure detection finds on a sheet (docs/table-understanding.md): where each table is, which rows
// are caption, header, units, data and notes, which columns are keys, and what kind of
// data each column holds. Every finding carries a confidence and the reasons for it, and
// the user can override the row bands (see StructureOverride).
import type { Localized } from '../rules/types.ts';
import type { CellRange } from '../model.ts';

/** An inclusive band of rows or columns; `end < start` means empty. */
export interface Band {
  start: number;
  end: number;
}

export type ColumnKind =
  | 'empty'
  | 'number' // typed numbers, or text that is a number (`1,894.2`, `△5`, `１，２００人`)
  | 'text'
  | 'period' // years, fiscal years, months, quarters (`平成 22 年`, `2009`, `7-9月`)
  | 'date' // calendar dates (serials with a date format, `H30.3.31`, `2019-04-01`)
  | 'code'; // identifiers written with digits (`0911`, `011002`), never arithmetic

export interface ColumnInfo {
  /** Sheet column index. */
  c: number;
  kind: ColumnKind;
  /** Part of the row labels (key) rather than a measurement. */
  key: boolean;
  /** Header text of this column, parent titles first (as the rows show them, unflattened). */
  headerPath: string[];
  /** Another column of the same table holding the same labels (crushed-stone's right-hand 年 月). */
  duplicateOf?: number;
}

export interface TableStructure {
  /** `t1`, `t2`… in reading order. */
  id: string;
  /** Everything that belongs to the table: caption, header, data and notes. */
  range: CellRange;
  captionRows: number[];
  headerRows: Band;
  /** Rows inside or right under the header holding only units/scales (`(1,000人)`, `(%)`). */
  unitRows: number[];
  dataRows: Band;
  noteRows: number[];
  /** Columns of the table body. */
  columns: Band;
  columnInfo: ColumnInfo[];
  /**
   * The same table wrapped into column blocks side by side (the header repeated:
   * `年齢, 総数, 男, 女` ×3, ages 0–34 | 35–69 | 70–): the blocks in reading order, each as
   * wide as the first; the data-split fix stacks them under the first.
   */
  blocks?: Band[];
  /**
   * Caption or note rows the user marked as the table's date (`2015年8月1日現在`) or its
   * source (`神戸市企画調整局…`): they become @Date and the source/@Creator, not caption text.
   */
  dateRows?: number[];
  sourceRows?: number[];
  /** 0–1: how sure the detector is of the header/data split. */
  confidence: number;
  reasons: Localized[];
}

export interface SheetStructure {
  sheetId: string;
  tables: TableStructure[];
  /** True when a user override shaped this result. */
  overridden: boolean;
}

/** What the user says a row of a table is (「行の役割」): 表題 / 日付 / 単位 / 出典 / 見出し / データ / 注記. */
export type RowRole = 'caption' | 'date' | 'unit' | 'source' | 'header' | 'data' | 'note';

export const ROW_ROLES: readonly RowRole[] = ['caption', 'date', 'unit', 'source', 'header', 'data', 'note'];

/** A user's correction of the detection for one table (applied on top of detection). */
export interface StructureOverride {
  sheetId: string;
  /** Which table (index into the detected tables). */
  table: number;
  range?: CellRange;
  headerRows?: Band;
  dataRows?: Band;
  /** Rows given a role by the user; a later mark of the same row replaces an earlier one. */
  rows?: { row: number; role: RowRole }[];
  /**
   * 「ここで表を分ける」: the table is two, the second starting at this sheet row. Splits and
   * joins are applied first, in their order; every other correction names a table as they
   * leave them.
   */
  splitAt?: number;
  /**
   * 「表をつなげる」: the table and the one after it are one table — its caption and header,
   * data from its first data row to the second's last, the second's notes. Applied after
   * the splits, in their order; the other corrections name tables as the joins leave them.
   */
  joinNext?: boolean;
}

/** What part of a table a cell belongs to. */
export type CellRegion = 'caption' | 'header' | 'unit' | 'key' | 'data' | 'note' | 'outside';
