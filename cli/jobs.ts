// What the CLI does to one file: the same core as the browser (read → recipe or
// 「すべて修正」 → export), so the same recipe gives byte-identical CSV in both.
import fs from 'node:fs';
import path from 'node:path';
import { SheetAnalyzer } from '../src/core/analysis/analyse.ts';
import { type FindingRecord, type StructureRecord, findingRecords, structureRecord } from '../src/core/analysis/report.ts';
import { fixAllInPlace } from '../src/core/fix/runFixes.ts';
import { UnrepresentableCharactersError } from '../src/core/io/encodeText.ts';
import { DEFAULT_EXPORT, type ExportOptions, exportTables } from '../src/core/io/export.ts';
import type { Level2ValueLine } from '../src/core/io/level2.ts';
import { ReadError, type ReadWarning, readWorkbook } from '../src/core/io/read.ts';
import { readErrorText, readWarningText } from '../src/core/io/readMessages.ts';
import type { Workbook } from '../src/core/model.ts';
import { type Recipe, type StepOutcome, replayRecipe } from '../src/core/recipe.ts';
import { violationMessage } from '../src/core/rules/messages.ts';
import type { RuleId } from '../src/core/rules/types.ts';
import type { SheetKind } from '../src/core/structure/sheetKind.ts';
import type { StructureOverride } from '../src/core/structure/types.ts';

export interface RuleCount {
  ruleId: RuleId;
  level: 1 | 2;
  count: number;
  failing: number;
  /** The first few findings, as sentences. */
  examples: string[];
}

export interface SheetReport {
  sheet: string;
  rules: RuleCount[];
  /** Every finding, with its place, rule, 総務省 item and guide step (docs/report.schema.json); in the JSON report. */
  findings?: FindingRecord[];
  /** The structure the findings were judged on: row roles, tables, header rows; in the JSON report. */
  structure?: StructureRecord;
}

export interface FileReport {
  file: string;
  ok: boolean;
  error?: string;
  /** clean: the CSV files written. */
  outputs?: string[];
  /** clean: per CSV written, its sheet and the @ lines of the guide's header written without a value. */
  tables?: { output: string; sheet: string; empty: Level2ValueLine[] }[];
  /** clean: sheets left out as not data tables (目次, notes pages, stray cells), and why. */
  left?: { sheet: string; kind: Exclude<SheetKind, 'data'> }[];
  /** clean: recipe steps that did not apply to this file. */
  skipped?: { step: string; reason: string }[];
  /** What reading the file noticed (undecodable bytes, unbalanced quotes, @ lines read as metadata), as sentences. */
  warnings?: string[];
  /** check (and clean, after cleaning): what remains per sheet. */
  sheets?: SheetReport[];
  /** Level 1 findings that fail (the check's verdict). */
  level1: number;
}

export interface CleanOptions {
  recipe?: Recipe;
  outDir: string;
  export: ExportOptions;
  lang: 'ja' | 'en';
  /** Also write the sheets that are not data tables. */
  allSheets?: boolean;
  /** Every finding left and the structure in the report (`--json`, `--report`). */
  detail?: boolean;
}

function open(file: string, lang: 'ja' | 'en', recipe?: Recipe): { workbook: Workbook; warnings: string[] } {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const options = recipe && { encoding: recipe.source.encoding, delimiter: recipe.source.delimiter };
  const { workbook, warnings } = readWorkbook(bytes, path.basename(file), options ?? {});
  return { workbook, warnings: warnings.map((w) => warningText(w, lang)) };
}

/**
 * The browser shows these above the grid; a pipeline must see them too (a "�" in published
 * data is a changed value). The sentences are the catalogue's (core/io/readMessages.ts).
 */
export function warningText(w: ReadWarning, lang: 'ja' | 'en'): string {
  return readWarningText(w, lang, 'cli');
}

function describeError(e: unknown, lang: 'ja' | 'en'): string {
  // The catalogue's sentence, then the code and the parser's words for whoever greps logs.
  if (e instanceof ReadError) return `${readErrorText(e.info, lang)} [${e.info.code}${e.info.detected ? ` (${e.info.detected})` : ''}${e.info.detail ? `: ${e.info.detail}` : ''}]`;
  if (e instanceof UnrepresentableCharactersError) return `cannot be written in ${e.encoding}: ${e.chars.map((c) => c.char).join(' ')}`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * What remains per sheet. `detail` adds every finding and the structure (the JSON report);
 * without it only the counts and examples a terminal shows are built.
 */
function analyse(wb: Workbook, lang: 'ja' | 'en', overrides: StructureOverride[], detail: boolean): SheetReport[] {
  return wb.sheets.map((sheet) => {
    const a = new SheetAnalyzer(sheet, wb.date1904, overrides.filter((o) => o.sheetId === sheet.id)).analyse();
    const all = [...a.cellViolations, ...a.sheetViolations];
    return {
      sheet: sheet.name,
      rules: a.rules
        .filter((r) => r.count > 0)
        .map((r) => ({
          ruleId: r.ruleId,
          level: r.level,
          count: r.count,
          failing: r.failing,
          examples: all.filter((v) => v.ruleId === r.ruleId).slice(0, 3).map((v) => violationMessage(v, lang)),
        })),
      ...(detail ? { findings: findingRecords(sheet, a), structure: structureRecord(sheet, a.structure) } : {}),
    };
  });
}

const level1Failing = (sheets: SheetReport[]) => sheets.reduce((n, s) => n + s.rules.filter((r) => r.level === 1).reduce((m, r) => m + r.failing, 0), 0);

export interface CheckOptions {
  lang: 'ja' | 'en';
  /** Read as the recipe says (encoding, delimiter) and judged with its structure corrections; its fixes are clean's. */
  recipe?: Recipe;
  /** Every finding and the structure in the report (`--json`, `--report`). */
  detail?: boolean;
}

/** The recipe's structure corrections, applied to `wb`'s sheets by name. */
function structureOf(wb: Workbook, recipe: Recipe | undefined): StructureOverride[] {
  const overrides: StructureOverride[] = [];
  if (recipe) replayRecipe(wb, { ...recipe, steps: recipe.steps.filter((s) => s.kind === 'structure') }, overrides);
  return overrides;
}

export function checkFile(file: string, options: CheckOptions = { lang: 'ja' }): FileReport {
  const { lang } = options;
  try {
    const { workbook, warnings } = open(file, lang, options.recipe);
    const sheets = analyse(workbook, lang, structureOf(workbook, options.recipe), options.detail ?? false);
    return { file, ok: true, warnings, sheets, level1: level1Failing(sheets) };
  } catch (e) {
    return { file, ok: false, error: describeError(e, lang), level1: 0 };
  }
}

function stepName(outcome: StepOutcome, step: Recipe['steps'][number]): { step: string; reason: string } {
  const where = 'sheet' in step ? `${step.sheet}: ` : '';
  return { step: `${where}${step.kind}${step.kind === 'fix' ? ` ${step.rule}` : ''}`, reason: outcome.status === 'skipped' ? outcome.reason : '' };
}

/** Cleans one file and writes one CSV per table into `outDir`. */
export function cleanFile(file: string, options: CleanOptions): FileReport {
  try {
    const { workbook: wb, warnings } = open(file, options.lang, options.recipe);
    const overrides: StructureOverride[] = [];
    let skipped: FileReport['skipped'] = [];
    if (options.recipe) {
      const done = replayRecipe(wb, options.recipe, overrides);
      skipped = done.filter((d) => d.outcome.status === 'skipped').map((d) => stepName(d.outcome, d.step));
    } else {
      fixAllInPlace(wb);
    }
    fs.mkdirSync(options.outDir, { recursive: true });
    // Named as the browser names them (`<stem>.csv`, `<stem>_<sheet>.csv`, `<stem>_<sheet>_<n>.csv`).
    const { tables, left } = exportTables(wb, { options: options.export, overrides, includeAll: options.allSheets });
    const outputs: string[] = [];
    const written: NonNullable<FileReport['tables']> = [];
    for (const t of tables) {
      const target = path.join(options.outDir, t.csv.fileName);
      fs.writeFileSync(target, t.csv.bytes);
      outputs.push(target);
      written.push({ output: target, sheet: t.summary.sheet, empty: options.export.level === 2 ? t.summary.empty : [] });
    }
    const sheets = analyse(wb, options.lang, overrides, options.detail ?? false);
    return { file, ok: true, warnings, outputs, tables: written, left, skipped, sheets, level1: level1Failing(sheets) };
  } catch (e) {
    return { file, ok: false, error: describeError(e, options.lang), level1: 0 };
  }
}

export { DEFAULT_EXPORT };
