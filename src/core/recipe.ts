// A recipe is the whole cleaning as data: how the file was read, and every step
// the user took — structure corrections, fixes with their options, cell edits, metadata
// edits — so that next year's edition of the same table is cleaned in one go, in the
// browser or by the CLI. Cell edits are recorded by row key (the values of the key
// columns) and column title where possible, so they survive rows moving.
import { typedChange } from './cellInput.ts';
import { replaceChanges } from './findReplace.ts';
import { shapeChanges } from './sheetEdits.ts';
import { type Change, applyChanges, metaChange, revertChanges, workbookMetaChange } from './changes.ts';
import { fixAllInPlace, planFix } from './fix/runFixes.ts';
import { type CellRange, type Sheet, type TableMeta, type TextEncodingName, type Workbook, type WorkbookMeta, WORKBOOK_META_FIELDS, emptyMeta, getValue } from './model.ts';
import { isRuleId, ruleById } from './rules/registry.ts';
import { type ThousandsRepair, thousandsRepairChanges } from './io/thousands.ts';
import type { FixOptions, RuleId } from './rules/types.ts';
import { detectStructure } from './structure/detect.ts';
import { type Band, type RowRole, type StructureOverride, type TableStructure, ROW_ROLES } from './structure/types.ts';

export const RECIPE_VERSION = 1;

export interface RowRef {
  /** Zero-based row when recorded. */
  index: number;
  /** Values of the table's key columns on that row (`['北海道']`, `['2010', '7']`). */
  key?: string[];
}

export interface ColumnRef {
  index: number;
  /** The column's title when recorded (its header text, parent titles first). */
  title?: string;
}

export type RecipeStep =
  | { kind: 'structure'; sheet: string; table: number; headerRows?: Band; dataRows?: Band; range?: CellRange; rows?: { row: number; role: RowRole }[]; splitAt?: number; joinNext?: boolean }
  | { kind: 'fix'; sheet: string; rule: RuleId; options?: FixOptions }
  /** `skip`: rules left out of 「すべて修正」 in its preview. */
  | { kind: 'fixAll'; skip?: RuleId[] }
  | { kind: 'edit'; sheet: string; row: RowRef; column: ColumnRef; text: string }
  /** Several cells typed at once (a range pasted from the clipboard): one step, one undo. */
  | { kind: 'paste'; sheet: string; cells: { row: RowRef; column: ColumnRef; text: string }[] }
  /** 「検索と置換」 over the whole sheet. */
  | { kind: 'replace'; sheet: string; find: string; replace: string }
  /** Rows inserted before, or deleted from, the recorded row (found by its key as an edit's is). */
  | { kind: 'rows'; sheet: string; op: 'insert' | 'delete'; row: RowRef; count: number }
  /** Columns inserted before, or deleted from, the recorded column (found by its title). */
  | { kind: 'columns'; sheet: string; op: 'insert' | 'delete'; column: ColumnRef; count: number }
  | { kind: 'meta'; sheet: string; patch: Partial<TableMeta> }
  /** Metadata for every table of the file (a table's own value wins). */
  | { kind: 'bookMeta'; patch: Partial<WorkbookMeta> }
  /** Rows of a text file split by unquoted thousands separators, read again as `fields` (the read warning's repair). */
  | { kind: 'thousands'; sheet: string; width: number; repairs: ThousandsRepair[] };

export interface RecipeSource {
  name: string;
  /** The sheet that was active (name). */
  sheet?: string;
  encoding?: TextEncodingName;
  delimiter?: string;
}

export interface RecipeExport {
  level?: 1 | 2;
  encoding?: 'utf-8-bom' | 'utf-8' | 'shift_jis';
  eol?: 'crlf' | 'lf';
  padAtLines?: boolean;
  /** Numbers as the sheet shows them (default) or with every stored digit. */
  numbers?: 'shown' | 'stored';
}

export interface Recipe {
  version: typeof RECIPE_VERSION;
  source: RecipeSource;
  steps: RecipeStep[];
  export?: RecipeExport;
}

// --- validation ------------------------------------------------------------------------

export class RecipeError extends Error {
  constructor(
    /** Where in the JSON the problem is (`steps[3].rule`). */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'RecipeError';
  }
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: Json) => Number.isInteger(v) && (v as number) >= 0;

function need(ok: boolean, path: string, reason: string): void {
  if (!ok) throw new RecipeError(path, reason);
}

function checkBand(v: Json, path: string): void {
  need(isObject(v) && isInt(v.start) && Number.isInteger(v.end), path, 'expected { start, end } row numbers');
}

function checkRange(v: Json, path: string): void {
  need(isObject(v) && isObject(v.s) && isObject(v.e) && [v.s.r, v.s.c, v.e.r, v.e.c].every(isInt), path, 'expected a cell range { s: { r, c }, e: { r, c } }');
}

function checkStep(step: Json, path: string): void {
  need(isObject(step), path, 'expected an object');
  const s = step as Record<string, Json>;
  switch (s.kind) {
    case 'structure':
      need(typeof s.sheet === 'string' && isInt(s.table), path, 'a structure step needs sheet and table');
      if (s.headerRows !== undefined) checkBand(s.headerRows, `${path}.headerRows`);
      if (s.dataRows !== undefined) checkBand(s.dataRows, `${path}.dataRows`);
      if (s.range !== undefined) checkRange(s.range, `${path}.range`);
      if (s.joinNext !== undefined) need(s.joinNext === true, `${path}.joinNext`, 'expected true');
      if (s.splitAt !== undefined) need(isInt(s.splitAt) && (s.splitAt as number) > 0, `${path}.splitAt`, 'expected the row (0-based) where the second table starts');
      if (s.rows !== undefined) {
        need(Array.isArray(s.rows), `${path}.rows`, 'expected a list of { row, role }');
        (s.rows as Json[]).forEach((m, i) => {
          const ok = isObject(m) && isInt(m.row) && (m.row as number) >= 0 && typeof m.role === 'string' && (ROW_ROLES as readonly string[]).includes(m.role);
          need(ok, `${path}.rows[${i}]`, `expected { row, role } with role one of ${ROW_ROLES.join(', ')}`);
        });
      }
      return;
    case 'fix':
      need(typeof s.sheet === 'string', `${path}.sheet`, 'expected a sheet name');
      need(typeof s.rule === 'string' && isRuleId(s.rule) && ruleById(s.rule)?.fix !== undefined, `${path}.rule`, `unknown rule or a rule without a fix: ${String(s.rule)}`);
      if (s.options !== undefined) {
        need(isObject(s.options), `${path}.options`, 'expected an object');
        for (const [k, v] of Object.entries(s.options as object)) need(['string', 'number', 'boolean'].includes(typeof v), `${path}.options.${k}`, 'expected a string, number or boolean');
      }
      return;
    case 'fixAll':
      if (s.skip !== undefined) {
        need(Array.isArray(s.skip), `${path}.skip`, 'expected a list of rule ids');
        (s.skip as Json[]).forEach((id, i) => need(typeof id === 'string' && isRuleId(id), `${path}.skip[${i}]`, `unknown rule: ${String(id)}`));
      }
      return;
    case 'edit':
      need(typeof s.sheet === 'string' && typeof s.text === 'string', path, 'an edit needs sheet and text');
      need(isObject(s.row) && isInt((s.row as Record<string, Json>).index), `${path}.row`, 'expected { index, key? }');
      need(isObject(s.column) && isInt((s.column as Record<string, Json>).index), `${path}.column`, 'expected { index, title? }');
      return;
    case 'rows':
    case 'columns': {
      const ref = (s.kind === 'rows' ? s.row : s.column) as Json;
      need(typeof s.sheet === 'string' && (s.op === 'insert' || s.op === 'delete') && isInt(s.count) && (s.count as number) > 0, path, `a ${String(s.kind)} step needs sheet, op (insert or delete) and count`);
      need(isObject(ref) && isInt((ref as Record<string, Json>).index), `${path}.${s.kind === 'rows' ? 'row' : 'column'}`, 'expected { index, … }');
      return;
    }
    case 'replace':
      need(typeof s.sheet === 'string' && typeof s.find === 'string' && s.find !== '' && typeof s.replace === 'string', path, 'a replace needs sheet, find (not empty) and replace');
      return;
    case 'paste':
      need(typeof s.sheet === 'string' && Array.isArray(s.cells), path, 'a paste needs sheet and cells');
      (s.cells as Json[]).forEach((cell, i) => {
        const at = `${path}.cells[${i}]`;
        need(isObject(cell) && typeof cell.text === 'string', at, 'expected { row, column, text }');
        const x = cell as Record<string, Json>;
        need(isObject(x.row) && isInt((x.row as Record<string, Json>).index), `${at}.row`, 'expected { index, key? }');
        need(isObject(x.column) && isInt((x.column as Record<string, Json>).index), `${at}.column`, 'expected { index, title? }');
      });
      return;
    case 'meta':
      need(typeof s.sheet === 'string' && isObject(s.patch), path, 'a metadata step needs sheet and patch');
      return;
    case 'bookMeta':
      need(isObject(s.patch), path, 'a file metadata step needs a patch');
      for (const [k, v] of Object.entries(s.patch as object)) {
        need((WORKBOOK_META_FIELDS as readonly string[]).includes(k), `${path}.patch.${k}`, `expected one of ${WORKBOOK_META_FIELDS.join(', ')}`);
        need(v === undefined || v === null || typeof v === 'string', `${path}.patch.${k}`, 'expected a string');
      }
      return;
    case 'thousands':
      need(typeof s.sheet === 'string' && isInt(s.width), path, 'a thousands step needs sheet and width');
      need(
        Array.isArray(s.repairs) && s.repairs.every((x) => isObject(x) && isInt((x as Record<string, Json>).row) && Array.isArray((x as Record<string, Json>).fields) && ((x as Record<string, Json>).fields as Json[]).every((f) => typeof f === 'string')),
        `${path}.repairs`,
        'expected [{ row, fields: [text…] }]',
      );
      return;
    default:
      throw new RecipeError(`${path}.kind`, `unknown step kind: ${String(s.kind)}`);
  }
}

/** Parses and validates a recipe file; throws RecipeError saying where and what is wrong. */
export function parseRecipe(text: string): Recipe {
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RecipeError('(file)', `not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  need(isObject(json), '(file)', 'expected a JSON object');
  const r = json as Record<string, Json>;
  need(r.version === RECIPE_VERSION, 'version', `expected ${RECIPE_VERSION} (this app reads version ${RECIPE_VERSION} recipes), got ${JSON.stringify(r.version)}`);
  need(isObject(r.source) && typeof (r.source as Record<string, Json>).name === 'string', 'source', 'expected { name, sheet?, encoding?, delimiter? }');
  need(Array.isArray(r.steps), 'steps', 'expected a list of steps');
  (r.steps as Json[]).forEach((s, i) => checkStep(s, `steps[${i}]`));
  if (r.export !== undefined) {
    need(isObject(r.export), 'export', 'expected an object');
    const numbers = (r.export as Record<string, Json>).numbers;
    need(numbers === undefined || numbers === 'shown' || numbers === 'stored', 'export.numbers', 'expected "shown" or "stored"');
  }
  return json as Recipe;
}

export function serializeRecipe(recipe: Recipe): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}

// --- cell references -------------------------------------------------------------------

function text(v: ReturnType<typeof getValue>): string {
  return v === null ? '' : typeof v === 'object' ? v.error : String(v);
}

function tableOfRow(tables: TableStructure[], r: number): TableStructure | undefined {
  return tables.find((t) => r >= t.range.s.r && r <= t.range.e.r);
}

function keyOf(sheet: Sheet, t: TableStructure, r: number): string[] | undefined {
  const keys = t.columnInfo.filter((ci) => ci.key && ci.duplicateOf === undefined);
  if (keys.length === 0 || r < t.dataRows.start || r > t.dataRows.end) return undefined;
  return keys.map((ci) => text(getValue(sheet, r, ci.c)));
}

function titleOf(t: TableStructure | undefined, c: number): string | undefined {
  const path = t?.columnInfo.find((ci) => ci.c === c)?.headerPath;
  return path && path.length ? path.join(' ') : undefined;
}

/** How to find (r, c) again in another edition of the same table. */
export function cellRef(sheet: Sheet, r: number, c: number, tables = detectStructure(sheet).tables): { row: RowRef; column: ColumnRef } {
  const t = tableOfRow(tables, r);
  const key = t ? keyOf(sheet, t, r) : undefined;
  const title = titleOf(t, c);
  return { row: key ? { index: r, key } : { index: r }, column: title ? { index: c, title } : { index: c } };
}

/** Finds a recorded cell in a sheet: by row key and column title, else by position. */
export function resolveCell(sheet: Sheet, row: RowRef, column: ColumnRef, tables = detectStructure(sheet).tables): { r: number; c: number } | { missing: 'row' | 'column' } {
  let r = row.index;
  if (row.key) {
    const matches: number[] = [];
    for (const t of tables) {
      for (let i = t.dataRows.start; i <= t.dataRows.end; i++) {
        const key = keyOf(sheet, t, i);
        if (key && key.length === row.key.length && key.every((k, j) => k === row.key![j])) matches.push(i);
      }
    }
    if (matches.length !== 1) return { missing: 'row' };
    r = matches[0];
  } else if (r >= sheet.rowCount) {
    return { missing: 'row' };
  }
  let c = column.index;
  if (column.title) {
    const t = tableOfRow(tables, r);
    const found = t?.columnInfo.filter((ci) => titleOf(t, ci.c) === column.title) ?? [];
    if (found.length !== 1) return { missing: 'column' };
    c = found[0].c;
  } else if (c >= sheet.columns.length) {
    return { missing: 'column' };
  }
  return { r, c };
}

// --- replay ----------------------------------------------------------------------------

export type StepOutcome =
  | { status: 'applied'; changes: number }
  | { status: 'skipped'; reason: 'sheet-missing' | 'row-missing' | 'column-missing' | 'nothing-to-fix' | 'unchanged' };

export interface ReplayedStep {
  step: RecipeStep;
  outcome: StepOutcome;
  /** The changes of this step (empty when skipped). */
  changes: Change[];
}

function sheetByName(wb: Workbook, name: string): Sheet | undefined {
  return wb.sheets.find((s) => s.name === name);
}

/** The metadata fields the user changed: what a metadata step records. */
export function metaPatch(before: TableMeta | undefined, after: TableMeta): Partial<TableMeta> {
  const b = before ?? emptyMeta();
  const patch: Partial<TableMeta> = {};
  for (const key of Object.keys({ ...b, ...after }) as (keyof TableMeta)[]) {
    if (JSON.stringify(b[key]) !== JSON.stringify(after[key])) (patch as Record<string, unknown>)[key] = after[key];
  }
  return patch;
}


/**
 * Replays a recipe on a workbook, step by step, applying each step's changes to `wb` (so
 * the next step sees them). Steps that do not apply to this file are reported, never
 * silently dropped. `overrides` receives the structure corrections the recipe makes.
 * When a step throws, the steps before it are reverted: `wb` is left as it was.
 */
export function replayRecipe(wb: Workbook, recipe: Recipe, overrides: StructureOverride[] = []): ReplayedStep[] {
  const out: ReplayedStep[] = [];
  try {
    replaySteps(wb, recipe, overrides, out);
  } catch (e) {
    for (let i = out.length - 1; i >= 0; i--) revertChanges(wb, out[i].changes);
    throw e;
  }
  return out;
}

function replaySteps(wb: Workbook, recipe: Recipe, overrides: StructureOverride[], out: ReplayedStep[]): void {
  /** Records a step whose changes are already applied to `wb`. */
  const recorded = (step: RecipeStep, changes: Change[], empty: StepOutcome = { status: 'skipped', reason: 'nothing-to-fix' }) => {
    out.push({ step, changes, outcome: changes.length ? { status: 'applied', changes: changes.length } : empty });
  };
  const done = (step: RecipeStep, changes: Change[], empty?: StepOutcome) => {
    applyChanges(wb, changes);
    recorded(step, changes, empty);
  };
  for (const step of recipe.steps) {
    if (step.kind === 'fixAll') {
      // Applied as it is planned: planning, reverting and applying again did it twice.
      recorded(step, fixAllInPlace(wb, undefined, {}, overrides, undefined, step.skip ?? []).changes);
      continue;
    }
    if (step.kind === 'bookMeta') {
      const after: WorkbookMeta = { ...wb.meta };
      for (const key of WORKBOOK_META_FIELDS) {
        if (!(key in step.patch)) continue;
        const v = step.patch[key];
        if (v) after[key] = v;
        else delete after[key];
      }
      const first = wb.sheets[0];
      if (!first) out.push({ step, changes: [], outcome: { status: 'skipped', reason: 'sheet-missing' } });
      else done(step, [workbookMetaChange(wb, first.id, after, 'meta')]);
      continue;
    }
    const sheet = sheetByName(wb, step.sheet);
    if (!sheet) {
      out.push({ step, changes: [], outcome: { status: 'skipped', reason: 'sheet-missing' } });
      continue;
    }
    switch (step.kind) {
      case 'structure': {
        const { kind: _kind, sheet: _name, ...o } = step;
        overrides.push({ ...o, sheetId: sheet.id });
        out.push({ step, changes: [], outcome: { status: 'applied', changes: 0 } });
        break;
      }
      case 'fix':
        done(step, planFix(wb, sheet.id, step.rule, step.options, overrides));
        break;
      case 'edit': {
        const tables = detectStructure(sheet, undefined, overrides).tables;
        const at = resolveCell(sheet, step.row, step.column, tables);
        if ('missing' in at) {
          out.push({ step, changes: [], outcome: { status: 'skipped', reason: at.missing === 'row' ? 'row-missing' : 'column-missing' } });
          break;
        }
        const ch = typedChange(wb, sheet, at.r, at.c, step.text, tables);
        done(step, ch ? [ch] : [], { status: 'skipped', reason: 'unchanged' });
        break;
      }
      case 'rows':
      case 'columns': {
        const tables = detectStructure(sheet, undefined, overrides).tables;
        const at = step.kind === 'rows' ? resolveCell(sheet, step.row, { index: 0 }, tables) : resolveCell(sheet, { index: 0 }, step.column, tables);
        if ('missing' in at) {
          out.push({ step, changes: [], outcome: { status: 'skipped', reason: at.missing === 'row' ? 'row-missing' : 'column-missing' } });
          break;
        }
        done(step, shapeChanges(sheet, step.kind, step.op, step.kind === 'rows' ? at.r : at.c, step.count));
        break;
      }
      case 'replace': {
        const tables = detectStructure(sheet, undefined, overrides).tables;
        done(step, replaceChanges(wb, sheet, step.find, step.replace, tables), { status: 'skipped', reason: 'unchanged' });
        break;
      }
      case 'paste': {
        // Every cell is found before any is changed: a pasted key column must not move the
        // rows the other pasted cells are found by.
        const tables = detectStructure(sheet, undefined, overrides).tables;
        const found = step.cells.map((cell) => ({ cell, at: resolveCell(sheet, cell.row, cell.column, tables) }));
        const missing = found.find((f) => 'missing' in f.at);
        if (missing && 'missing' in missing.at) {
          out.push({ step, changes: [], outcome: { status: 'skipped', reason: missing.at.missing === 'row' ? 'row-missing' : 'column-missing' } });
          break;
        }
        const changes: Change[] = [];
        for (const { cell, at } of found) {
          if ('missing' in at) continue;
          const ch = typedChange(wb, sheet, at.r, at.c, cell.text, tables);
          if (ch) changes.push(ch);
        }
        done(step, changes, { status: 'skipped', reason: 'unchanged' });
        break;
      }
      case 'meta': {
        const after = { ...(sheet.meta ?? emptyMeta()), ...step.patch };
        done(step, [metaChange(sheet, after, 'meta')]);
        break;
      }
      case 'thousands':
        // Rows whose text changed since the recipe was recorded are left alone.
        done(step, thousandsRepairChanges(sheet, step), { status: 'skipped', reason: 'unchanged' });
        break;
    }
  }
}

// --- the recipe of a document ----------------------------------------------------------

/**
 * What a recipe records of a document as it is now: how it was read, the sheet shown, the
 * user's structure corrections (first: they decide what the later steps see), the step of
 * every command done so far, and the export options of the download.
 */
export function recipeOf(
  wb: Workbook,
  done: readonly { step: RecipeStep }[],
  overrides: readonly StructureOverride[],
  activeSheetId: string | null,
  exportOptions: Required<RecipeExport>,
): Recipe {
  const name = (id: string) => wb.sheets.find((sh) => sh.id === id)?.name;
  const structure = overrides.map(({ sheetId, ...o }): RecipeStep => ({ kind: 'structure', sheet: name(sheetId) ?? sheetId, ...o }));
  const src = wb.source;
  const active = activeSheetId === null ? undefined : name(activeSheetId);
  // Only what the recipe format records of the export options (not, say, the injection guard).
  const { level, encoding, eol, padAtLines, numbers } = exportOptions;
  return {
    version: RECIPE_VERSION,
    source: {
      name: src.fileName,
      ...(active ? { sheet: active } : {}),
      ...(src.encoding ? { encoding: src.encoding } : {}),
      ...(src.delimiter ? { delimiter: src.delimiter } : {}),
    },
    steps: [...structure, ...done.map((c) => c.step)],
    export: { level, encoding, eol, padAtLines, numbers },
  };
}
