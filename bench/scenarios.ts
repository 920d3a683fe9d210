// The benchmark's files and what is measured on each. Files are generated in code
// (municipal.ts), deterministic, and cached in the OS temp directory under a hash of the
// generator's source, so a second run does not spend 15 s writing the same bytes again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { districtName } from './generateWorkbook.ts';
import {
  type CsvEncoding,
  MUNICIPAL_FIRST_DATA_ROW,
  MUNICIPAL_NOTES,
  type MunicipalFacts,
  municipalCsv,
  municipalTotalRows,
  municipalXlsx,
  yearGroupSize,
} from './municipal.ts';

export interface Scenario {
  id: string;
  /** Column title in the table. */
  title: string;
  kind: 'xlsx' | 'csv';
  rows: number;
  cols: number;
  encoding?: CsvEncoding;
  /** 「すべて修正」 and 「CSVをダウンロード」 in the browser (and the Node fix/export steps). */
  fix: boolean;
  /** Scroll the grid to the bottom (the 1,000,000-row file). */
  scroll: boolean;
  /** Whole scenario in the browser, floor included. */
  timeoutMs: number;
}

export const SCENARIOS: Scenario[] = [
  { id: 'xlsx20k', title: 'xlsx 20k×20', kind: 'xlsx', rows: 20_000, cols: 20, fix: true, scroll: false, timeoutMs: 240_000 },
  { id: 'xlsx100k', title: 'xlsx 100k×20', kind: 'xlsx', rows: 100_000, cols: 20, fix: true, scroll: false, timeoutMs: 600_000 },
  { id: 'csv20k', title: 'SJIS CSV 20k×20', kind: 'csv', rows: 20_000, cols: 20, encoding: 'shift_jis', fix: true, scroll: false, timeoutMs: 180_000 },
  { id: 'csv100k', title: 'SJIS CSV 100k×20', kind: 'csv', rows: 100_000, cols: 20, encoding: 'shift_jis', fix: true, scroll: false, timeoutMs: 420_000 },
  { id: 'csv1m', title: 'CSV 1M×10', kind: 'csv', rows: 1_000_000, cols: 10, encoding: 'utf-8', fix: false, scroll: true, timeoutMs: 600_000 },
];

/** A custom .xlsx size (`--rows`, `--cols`). */
export function customScenario(rows: number, cols: number): Scenario {
  return { id: `xlsx${rows}x${cols}`, title: `xlsx ${rows.toLocaleString('en-US')}×${cols}`, kind: 'xlsx', rows, cols, fix: true, scroll: false, timeoutMs: 900_000 };
}

export function fileNameOf(s: Scenario): string {
  const size = `${s.rows}x${s.cols}`;
  return s.kind === 'xlsx' ? `municipal-${size}.xlsx` : `municipal-${size}-${s.encoding === 'shift_jis' ? 'sjis' : 'utf8'}.csv`;
}

export interface ScenarioFile {
  path: string;
  bytes: number;
  facts: MunicipalFacts;
  generatedMs?: number;
}

function generatorHash(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  for (const f of ['municipal.ts', 'zip.ts', 'generateWorkbook.ts']) h.update(readFileSync(path.join(here, f)));
  return h.digest('hex').slice(0, 12);
}

export function cacheDir(): string {
  return path.join(os.tmpdir(), `seiton-bench-files-${generatorHash()}`);
}

/** The scenario's file, generated unless an identical generator already wrote it. */
export function ensureFile(s: Scenario, fresh = false): ScenarioFile {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileNameOf(s));
  const factsFile = `${file}.json`;
  if (!fresh && existsSync(file) && existsSync(factsFile)) {
    const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as MunicipalFacts;
    return { path: file, bytes: readFileSync(file).length, facts };
  }
  const t0 = performance.now();
  const options = { rows: s.rows, cols: s.cols };
  const { bytes, facts } = s.kind === 'xlsx' ? municipalXlsx(options) : municipalCsv(options, s.encoding ?? 'utf-8');
  const generatedMs = performance.now() - t0;
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
  writeFileSync(factsFile, JSON.stringify(facts));
  return { path: file, bytes: bytes.length, facts, generatedMs };
}

/** What the browser run looks for: the first and last data rows, the last note row. */
export function gridLandmarks(s: Scenario) {
  const lastIndex = s.rows - 1;
  return {
    totalRows: municipalTotalRows(s.rows),
    firstDataRow: MUNICIPAL_FIRST_DATA_ROW,
    lastDataRow: MUNICIPAL_FIRST_DATA_ROW + lastIndex,
    firstDataText: districtName(0),
    lastDataText: districtName(lastIndex % yearGroupSize(s.rows)),
    lastRowPrefix: MUNICIPAL_NOTES[MUNICIPAL_NOTES.length - 1].slice(0, 2),
  };
}
