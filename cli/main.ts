// `seiton` — the command line over the same core as the browser app.
//
//   seiton clean <files or globs> [--recipe r.json] [--out dir] [--level 1|2]
//                [--encoding utf8bom|utf8|sjis] [--eol crlf|lf] [--numbers shown|stored]
//                [--all-sheets] [--json] [--report report.json] [--jobs N]
//   seiton check <files or globs> [--recipe r.json] [--json] [--report report.json] [--jobs N]
//
// clean: writes one CSV per data table (Level 2 by default) into --out (default
// ./seiton-out), applying the recipe, or 「すべて修正」 without one, named after the file as
// the browser names them (`budget.csv`, `<stem>_<sheet>.csv`, `<stem>_<sheet>_<n>.csv`); 目次
// and notes sheets only with --all-sheets. check: prints what violates the
// guide's rules and exits 1 when a Level 1 violation remains (2 when a file cannot be
// read), so a publishing pipeline can stop on it. Files run in parallel, one worker
// thread per core; one bad file is reported and the rest go on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { glob } from 'tinyglobby';
import type { CsvEncoding } from '../src/core/io/encodeText.ts';
import { DEFAULT_EXPORT, type ExportOptions, sheetKindText } from '../src/core/io/export.ts';
import { translate } from '../src/core/messages/translate.ts';
import { type Recipe, RecipeError, parseRecipe } from '../src/core/recipe.ts';
import { ruleById } from '../src/core/rules/registry.ts';
import { type CheckOptions, type CleanOptions, type FileReport, checkFile, cleanFile } from './jobs.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether to draw a progress bar (a terminal). */
  tty: boolean;
}

const defaultIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), tty: Boolean(process.stderr.isTTY) };

const USAGE = `使い方 / usage:
  seiton clean <ファイル…> [--recipe r.json] [--out dir] [--level 1|2] [--encoding utf8bom|utf8|sjis] [--eol crlf|lf]
               [--numbers shown|stored] [--all-sheets] [--json] [--report report.json] [--jobs N] [--lang en]
  seiton check <ファイル…> [--recipe r.json] [--json] [--report report.json] [--jobs N] [--lang en]

  clean  「すべて修正」(または --recipe のレシピ)をかけ、表ごとに CSV を --out に書きます。
         applies 「すべて修正」 (or the --recipe) and writes one CSV per table into --out.
  check  ガイドの規則に反する箇所を数えます。レベル1の違反が残れば終了コード 1。
         reports what breaks the guide's rules; exits 1 while a Level 1 finding remains.

  <ファイル…>        .xlsx .xls .xlsb .ods .csv .txt、グロブ可 / files or globs ("data/**/*.xlsx")
  --recipe r.json    アプリで保存したレシピ。clean は手順を再生、check は読み方と表の構造の修正だけ使う
                     a recipe saved in the app: clean replays it; check uses its reading and structure corrections
  --out dir          clean の出力先(既定 ./seiton-out) / where clean writes (default ./seiton-out)
  --level 1|2        1: 表だけの CSV、2: @ 行のメタデータ付き(既定) / 1: the table alone, 2: with @ metadata lines (default)
  --encoding         utf8bom(既定) | utf8 | sjis
  --eol crlf|lf      改行(既定 crlf) / line ends (default crlf)
  --numbers shown    数値を表示どおりの桁で(既定) / numbers as the sheet shows them (default)
  --numbers stored   保存されているすべての桁で / every stored digit
  --all-sheets       目次・注意書きなどデータの表でないシートも書く / also write contents and notes sheets
  --json             結果を JSON で標準出力へ(すべての指摘と表の構造。docs/report.schema.json)
                     the report as JSON on stdout (every finding and the structure; docs/report.schema.json)
  --report file      同じ JSON をファイルに書く / writes the same JSON to a file
  --jobs N           並列に処理するファイル数(既定 CPU の数) / files processed at once (default: one per core)
  --lang en          メッセージを英語で / messages in English
  -h, --help         この説明 / this text

  CSV の名前は元のファイル名から: budget.xlsx → budget.csv(表が1つ)、<名前>_<シート>.csv、
  分割した表は <名前>_<シート>_<n>.csv / file names come from the source file, never from the caption.
  終了コード / exit codes: 0 完了 done · 1 レベル1の違反あり (check) · 2 読めないファイル unreadable file
                           64 使い方の誤り usage · 65 レシピが不正 bad recipe · 66 該当ファイルなし no file matched

  例 / examples:
    seiton check 人口.xlsx
    seiton check data/*.xlsx --json > report.json
    seiton clean data/*.xlsx --out out/ --numbers stored
    seiton clean 2025/人口.xlsx --recipe 人口.recipe.json --out 2025-csv/
`;

const ENCODINGS: Record<string, CsvEncoding> = { utf8bom: 'utf-8-bom', 'utf-8-bom': 'utf-8-bom', utf8: 'utf-8', 'utf-8': 'utf-8', sjis: 'shift_jis', shift_jis: 'shift_jis' };

export type Job = { command: 'check'; file: string; options: CheckOptions } | { command: 'clean'; file: string; options: CleanOptions };

export function runJob(job: Job): FileReport {
  return job.command === 'check' ? checkFile(job.file, job.options) : cleanFile(job.file, job.options);
}

async function expand(patterns: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of patterns) {
    if (fs.existsSync(p) && fs.statSync(p).isFile()) files.push(p);
    else files.push(...(await glob(p, { onlyFiles: true, expandDirectories: false })).sort());
  }
  return [...new Set(files)];
}

/** Runs jobs on `jobs` worker threads (in this thread when 1), reporting each as it ends. */
async function runAll(all: Job[], jobs: number, onDone: (r: FileReport, done: number) => void): Promise<FileReport[]> {
  const results: FileReport[] = new Array(all.length);
  let done = 0;
  if (jobs <= 1 || all.length <= 1) {
    all.forEach((job, i) => {
      results[i] = runJob(job);
      onDone(results[i], ++done);
    });
    return results;
  }
  let next = 0;
  const workerUrl = new URL('./worker.mjs', import.meta.url);
  await Promise.all(
    Array.from({ length: Math.min(jobs, all.length) }, async () => {
      const worker = new Worker(workerUrl);
      try {
        while (next < all.length) {
          const i = next++;
          results[i] = await new Promise<FileReport>((resolve) => {
            const fail = (e: unknown) => resolve({ file: all[i].file, ok: false, error: String(e), level1: 0 });
            worker.once('message', resolve);
            worker.once('error', fail);
            worker.postMessage(all[i]);
          });
          onDone(results[i], ++done);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}

function bar(done: number, total: number, file: string): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${path.basename(file)}`.padEnd(80);
}

function printWarnings(r: FileReport, io: CliIo): void {
  for (const w of r.warnings ?? []) io.out(`    ⚠ ${w}\n`);
}

function printCheck(r: FileReport, lang: 'ja' | 'en', io: CliIo): void {
  if (!r.ok) {
    io.out(`✗ ${r.file}: ${translate(lang, 'cli.cannotRead')} — ${r.error}\n`);
    return;
  }
  const total = (r.sheets ?? []).reduce((n, s) => n + s.rules.reduce((m, x) => m + x.count, 0), 0);
  io.out(`${r.level1 > 0 ? '✗' : '✓'} ${r.file}: ${translate(lang, 'cli.checkSummary', { level1: r.level1, total })}\n`);
  printWarnings(r, io);
  for (const s of r.sheets ?? []) {
    for (const rule of s.rules) {
      const title = ruleById(rule.ruleId)?.meta.title[lang] ?? rule.ruleId;
      const advisory = rule.failing < rule.count ? translate(lang, 'cli.advisory', { count: rule.count - rule.failing }) : '';
      io.out(`    [${s.sheet}] L${rule.level} ${title}: ${rule.count}${advisory}\n`);
      for (const ex of rule.examples) io.out(`        ${ex}\n`);
    }
  }
}

function printClean(r: FileReport, lang: 'ja' | 'en', io: CliIo): void {
  if (!r.ok) {
    io.out(`✗ ${r.file}: ${r.error}\n`);
    return;
  }
  io.out(`✓ ${r.file} → ${(r.outputs ?? []).join(', ')}${r.level1 > 0 ? translate(lang, 'cli.level1Remain', { count: r.level1 }) : ''}\n`);
  printWarnings(r, io);
  for (const t of r.tables ?? []) if (t.empty.length) io.out(`    ${path.basename(t.output)}: ${translate(lang, 'report.emptyLines')} ${t.empty.join(', ')}\n`);
  for (const l of r.left ?? []) io.out(`    ${translate(lang, 'cli.sheetLeftOut')}: ${l.sheet} (${sheetKindText(l.kind, lang)})\n`);
  for (const s of r.skipped ?? []) io.out(`    ${translate(lang, 'cli.stepNotApplied')}: ${s.step} (${s.reason})\n`);
}

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        recipe: { type: 'string' },
        out: { type: 'string', short: 'o' },
        level: { type: 'string' },
        encoding: { type: 'string' },
        eol: { type: 'string' },
        numbers: { type: 'string' },
        'all-sheets': { type: 'boolean' },
        report: { type: 'string' },
        json: { type: 'boolean' },
        jobs: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 64;
  }
  const { values, positionals } = parsed;
  const [command, ...patterns] = positionals;
  if (values.help || (command !== 'clean' && command !== 'check') || patterns.length === 0) {
    io.err(USAGE);
    return values.help ? 0 : 64;
  }
  const lang = values.lang === 'en' ? 'en' : 'ja';
  const files = await expand(patterns);
  if (files.length === 0) {
    io.err(`${translate(lang, 'cli.noFiles')}: ${patterns.join(' ')}\n`);
    return 66;
  }
  const jobs = Math.max(1, Number(values.jobs ?? os.availableParallelism?.() ?? os.cpus().length) || 1);

  let recipe: Recipe | undefined;
  if (values.recipe) {
    try {
      recipe = parseRecipe(fs.readFileSync(values.recipe, 'utf8'));
    } catch (e) {
      io.err(`${values.recipe}: ${e instanceof RecipeError ? `${e.path}: ${e.reason}` : String(e)}\n`);
      return 65;
    }
  }
  // The JSON report carries every finding and the structure; a terminal gets counts and examples.
  const detail = Boolean(values.json || values.report);

  let all: Job[];
  if (command === 'check') {
    all = files.map((file) => ({ command: 'check', file, options: { lang, recipe, detail } }));
  } else {
    const exportOptions: ExportOptions = {
      ...DEFAULT_EXPORT,
      ...(recipe?.export?.level ? { level: recipe.export.level } : {}),
      ...(recipe?.export?.encoding ? { encoding: recipe.export.encoding } : {}),
      ...(recipe?.export?.eol ? { eol: recipe.export.eol } : {}),
      ...(recipe?.export?.padAtLines !== undefined ? { padAtLines: recipe.export.padAtLines } : {}),
      ...(recipe?.export?.numbers ? { numbers: recipe.export.numbers } : {}),
      ...(values.numbers === 'shown' || values.numbers === 'stored' ? { numbers: values.numbers } : {}),
      ...(values.level ? { level: values.level === '1' ? 1 : 2 } : {}),
      ...(values.encoding ? { encoding: ENCODINGS[values.encoding] ?? DEFAULT_EXPORT.encoding } : {}),
      ...(values.eol ? { eol: values.eol === 'lf' ? 'lf' : 'crlf' } : {}),
    };
    if (values.encoding && !ENCODINGS[values.encoding]) {
      io.err(`--encoding: utf8bom | utf8 | sjis\n`);
      return 64;
    }
    if (values.numbers && values.numbers !== 'shown' && values.numbers !== 'stored') {
      io.err(`--numbers: shown | stored\n`);
      return 64;
    }
    const options: CleanOptions = { recipe, outDir: values.out ?? 'seiton-out', export: exportOptions, lang, allSheets: values['all-sheets'], detail };
    all = files.map((file) => ({ command: 'clean', file, options }));
  }

  const reports = await runAll(all, jobs, (r, done) => {
    if (io.tty) io.err(bar(done, all.length, r.file));
    if (!values.json) (command === 'check' ? printCheck : printClean)(r, lang, io);
  });
  if (io.tty) io.err('\n');
  if (values.json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  if (values.report) fs.writeFileSync(values.report, `${JSON.stringify(reports, null, 2)}\n`);

  if (reports.some((r) => !r.ok)) return 2;
  if (command === 'check' && reports.some((r) => r.level1 > 0)) return 1;
  return 0;
}
