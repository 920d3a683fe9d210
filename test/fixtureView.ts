// Test helper: a fixture file read, its structure detected, as the view rules receive.
import { buildSheetView, type SheetView } from '../src/core/analysis/view.ts';
import { readWorkbook } from '../src/core/io/read.ts';
import { detectStructure } from '../src/core/structure/detect.ts';
import { fixtureBytes } from './fixtures.ts';

export function fixtureView(name: string, sheetIndex = 0): SheetView {
  const { workbook } = readWorkbook(fixtureBytes(name), name.replace(/^.*\//, ''));
  const sheet = workbook.sheets[sheetIndex];
  return buildSheetView(sheet, workbook.date1904, detectStructure(sheet));
}
