// ガイド 手順6 / 総務省 1-6: a blank key cell that means "same as above" (a year written
// only on the first month, a 款 written once for its 項) is an omission. Only key columns
// are judged: a blank measurement is a missing value, not an omission. `〃` and `同上`
// are the same omission written out.
import type { Change } from '../changes.ts';
import { type CellRange, cellKey, columnLetter, getCell, getValue, isEmptyValue, rangeAddress } from '../model.ts';
import { buildMergeIndex } from '../mergeIndex.ts';
import { isSubItemLabel, isTotalLabel, sectionRows, verticalLabels } from '../structure/stub.ts';
import { type AnyReport, type SheetView, sheetRule } from './types.ts';

const DITTO = /^[\s\u3000]*(?:〃|″|同上|同|ゝ|々)[\s\u3000]*$/;

export const rule = sheetRule({
  scope: 'sheet',
  meta: {
    id: 'omitted-cells',
    level: 1,
    severity: 'error',
    family: 'merge',
    guideRef: { guide: '手順6 省略されたセルのコピー', soumu: '1-6' },
    fixAll: { phase: 'structure', order: 50 },
    title: { ja: '省略されたセル', en: 'Omitted cells' },
    description: {
      ja: '前の行と同じ値でも省略せずに入れます。空白や「〃」のままでは、機械にはどの値か分かりません。',
      en: 'Write the value on every row even when it repeats the row above; a blank or 〃 tells a machine nothing.',
    },
    messages: {
      blank: { ja: '{column}列の空白は上の「{above}」の省略とみられます。', en: 'The blank in column {column} seems to stand for "{above}" above.' },
      blankRun: {
        ja: '{range} の空白 {count} セルは上の「{above}」の省略とみられます。',
        en: 'The {count} blank cells {range} seem to stand for "{above}" above.',
      },
      ditto: { ja: '「{text}」は上の「{above}」の省略です。', en: '"{text}" stands for "{above}" above.' },
      fillDown: { ja: '上の値「{above}」を入れる', en: 'Fill in "{above}" from above' },
    },
  },
  fix: (view) => fixOmitted(view),
  // One finding per run of blank cells under the same value (a year written once over
  // 7,000 rows is one omission, not 7,000), one per ditto mark.
  detect(view, report) {
    const merges = buildMergeIndex(view.sheet.merges);
    const reportBlank = (c: number, start: number, end: number, above: string) => {
      const range = { s: { r: start, c }, e: { r: end, c } };
      if (start === end) report('blank', range, { column: columnLetter(c), above }, { fixId: 'fillDown' });
      else report('blankRun', range, { range: rangeAddress(range), count: end - start + 1, above }, { fixId: 'fillDown' });
    };
    for (const t of view.structure.tables) {
      // A label written vertically is spelled out by stub-labels, never filled down piece by piece.
      const vertical = new Set(verticalLabels(view.sheet, t).map((v) => v.c));
      // A row naming the group under it is no repeat of the row above; stub-labels moves it.
      const headings = new Set(sectionRows(view.sheet, t).map((x) => x.r));
      for (const ci of t.columnInfo) {
        if (!ci.key || vertical.has(ci.c)) continue;
        const c = ci.c;
        let above: string | undefined;
        let run: { start: number; end: number } | undefined;
        const closeRun = () => {
          if (run && above !== undefined) reportBlank(c, run.start, run.end, above);
          run = undefined;
        };
        for (let r = t.dataRows.start; r <= t.dataRows.end; r++) {
          const v = getValue(view.sheet, r, c);
          const blank = isEmptyValue(v);
          if (!blank && !isDitto(v)) {
            closeRun();
            above = typeof v === 'object' && v !== null ? v.error : String(v);
            // A total or a sub-item (`うち…`) labels its own row only: the blanks under it mean nothing.
            if (isTotalLabel(above) || isSubItemLabel(above)) above = undefined;
            continue;
          }
          // Nothing above yet; merges are their own rule; a blank row is not an omission.
          if (above === undefined || merges.at(r, c) || headings.has(r) || !rowHasData(view, t.columns.start, t.columns.end, r)) {
            closeRun();
            continue;
          }
          if (blank) {
            if (run) run.end = r;
            else run = { start: r, end: r };
            continue;
          }
          closeRun();
          report('ditto', { r, c }, { text: String(v).trim(), above }, { fixId: 'fillDown' });
        }
        closeRun();
      }
    }
  },
});

function rowHasData(view: SheetView, c0: number, c1: number, r: number): boolean {
  for (let c = c0; c <= c1; c++) if (!isEmptyValue(getValue(view.sheet, r, c))) return true;
  return false;
}

/** Fills each omitted key cell with the value above it; no other cell is touched. */
function fixOmitted(view: SheetView): Change[] {
  const out: Change[] = [];
  // Where each blank or ditto cell found its value: the next cell down the same run stops
  // there instead of walking up again (a year over 7,000 blank rows made this quadratic).
  const sourceOf = new Map<number, number>();
  const sourceRow = (r: number, c: number): number => {
    const walked: number[] = [];
    let above = r - 1;
    while (above >= 0) {
      const v = getValue(view.sheet, above, c);
      if (!isEmptyValue(v) && !isDitto(v)) break;
      const known = sourceOf.get(cellKey(above, c));
      if (known !== undefined) {
        above = known;
        break;
      }
      walked.push(above);
      above--;
    }
    for (const w of walked) sourceOf.set(cellKey(w, c), above);
    sourceOf.set(cellKey(r, c), above);
    return above;
  };
  const omitted: CellRange[] = [];
  const collect: AnyReport = (_messageId, at) => {
    omitted.push('s' in at ? at : { s: at, e: at });
  };
  rule.detect(view, collect);
  for (const range of omitted) {
    const c = range.s.c;
    for (let r = range.s.r; r <= range.e.r; r++) {
      const above = sourceRow(r, c);
      if (above < 0) continue;
      const source = getCell(view.sheet, above, c);
      out.push({ kind: 'cell', sheetId: view.sheet.id, r, c, before: getCell(view.sheet, r, c), after: { value: source.value, format: source.format, raw: source.raw }, ruleId: 'omitted-cells' });
    }
  }
  return out;
}

function isDitto(v: ReturnType<typeof getValue>): boolean {
  return typeof v === 'string' && DITTO.test(v);
}
