// Opening a Level 2 CSV (ours or hand-made): the @ lines become the sheet's metadata and
// the sheet holds the title row and the data, so checking, editing and exporting it again
// work as for any table — and a cleaned file checks clean when opened again.
import type { ColumnMeta, Sheet, TableMeta } from '../model.ts';
import type { CsvRecords } from './csvTokenizer.ts';
import { type ParsedLevel2, parseLevel2Records } from './level2.ts';
import { sheetFromFields } from './readCsv.ts';

/** The Level 2 reading of a text's records, or undefined when it is not Level 2. */
export function level2SheetFromRecords(records: CsvRecords, sheetId: string, sheetName: string): Sheet | undefined {
  // Cheap test first: most files do not start with `@`.
  if (!records.rows[0]?.[0]?.startsWith('@')) return undefined;
  const parsed = parseLevel2Records(records);
  return parsed ? level2Sheet(parsed, sheetId, sheetName) : undefined;
}

export function level2Sheet(parsed: ParsedLevel2, sheetId: string, sheetName: string): Sheet {
  const sheet = sheetFromFields([parsed.titles, ...parsed.rows], sheetId, sheetName);
  sheet.meta = level2TableMeta(parsed);
  return sheet;
}

function level2TableMeta(parsed: ParsedLevel2): TableMeta {
  const meta: TableMeta = { ...parsed.meta, notes: parsed.meta.notes.slice(), columns: [] };
  for (let c = 0; c < parsed.width; c++) {
    const column: ColumnMeta = {};
    const unit = parsed.units[c].trim();
    const baseval = Number(parsed.basevals[c].trim());
    const datatype = parsed.datatypes[c].trim();
    if (unit) column.unit = unit;
    if (parsed.basevals[c].trim() && Number.isFinite(baseval)) column.baseval = baseval;
    if (datatype) column.datatype = datatype;
    if (Object.keys(column).length > 0) meta.columns[c] = column;
  }
  return meta;
}
