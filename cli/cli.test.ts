import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../src/core/changes.ts';
import { planFixAll } from '../src/core/fix/runFixes.ts';
import { exportCsvFile } from '../src/core/io/export.ts';
import { readWorkbook } from '../src/core/io/read.ts';
import Ajv from 'ajv';
import * as XLSX from 'xlsx';
import { readWarningText } from '../src/core/io/readMessages.ts';
import { sjisWithInvalidBytes, unbalancedQuotesCsv } from '../test/hostile.ts';
import { corpusPath, missingCorpus } from '../test/corpus.ts';
import { type CliIo, runCli } from './main.ts';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'test', 'fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seiton-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', tty: false, out: (t: string) => (io.stdout += t), err: (t: string) => (io.stderr += t) };
  return io;
}

const fixture = (name: string) => path.join(FIXTURES, name);
const reportSchema = () => JSON.parse(fs.readFileSync(path.join(FIXTURES, '..', '..', 'docs', 'report.schema.json'), 'utf8'));

const CONTROLS = ['open-data-linter/perfect.csv', 'open-data-linter/all_num.csv', 'open-data-linter/date.xlsx'];

describe('seiton clean', () => {
  it('cleans every guide fixture with 「すべて修正」 defaults, one CSV per table, in parallel', async () => {
    const out = path.join(tmp, 'all');
    const io = capture();
    const files = ['population.xlsx', 'crushed-stone.xlsx', 'ci-index.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'].map(fixture);
    const code = await runCli(['clean', ...files, '--out', out, '--jobs', '2', '--report', path.join(tmp, 'report.json')], io);
    expect(io.stdout).not.toContain('✗');
    expect(code).toBe(0);
    const written = fs.readdirSync(out).sort();
    // Named after the source file, never the caption; crushed-stone's one sheet gives two tables.
    expect(written).toEqual(['ci-index.csv', 'county-income.csv', 'crushed-stone_推移_1.csv', 'crushed-stone_推移_2.csv', 'industry.csv', 'population.csv', 'shelters-sjis.csv']);
    const report = JSON.parse(fs.readFileSync(path.join(tmp, 'report.json'), 'utf8'));
    expect(report).toHaveLength(6);
    const validate = new Ajv({ allErrors: true }).compile(reportSchema());
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });

  it('writes exactly what the app\'s export writes for the same document', async () => {
    const out = path.join(tmp, 'same');
    await runCli(['clean', fixture('population.xlsx'), '--out', out, '--jobs', '1'], capture());
    const { workbook } = readWorkbook(new Uint8Array(fs.readFileSync(fixture('population.xlsx'))), 'population.xlsx');
    applyChanges(workbook, planFixAll(workbook));
    const expected = exportCsvFile(workbook, workbook.sheets[0].id);
    expect(fs.readFileSync(path.join(out, expected.fileName))).toEqual(Buffer.from(expected.bytes));
  });

  it('one bad file is reported and the others still go through', async () => {
    const bad = path.join(tmp, 'report.xlsx');
    fs.writeFileSync(bad, '%PDF-1.4\n');
    const io = capture();
    const code = await runCli(['clean', bad, fixture('ci-index.xlsx'), '--out', path.join(tmp, 'mixed'), '--jobs', '1'], io);
    expect(code).toBe(2);
    expect(io.stdout).toMatch(/✗ .*report\.xlsx: /);
    expect(io.stdout).toContain('表計算ファイルではありません(中身は PDF ファイルです)。');
    expect(io.stdout).toContain('[not-spreadsheet (PDF)]');
    expect(io.stdout).toMatch(/✓ .*ci-index\.xlsx →/);
  });

  it('a broken recipe stops before any file is touched, saying where', async () => {
    const recipe = path.join(tmp, 'bad.recipe.json');
    fs.writeFileSync(recipe, '{"version":1,"source":{"name":"x"},"steps":[{"kind":"fix","sheet":"S","rule":"nope"}]}');
    const io = capture();
    expect(await runCli(['clean', fixture('ci-index.xlsx'), '--recipe', recipe], io)).toBe(65);
    expect(io.stderr).toContain('steps[0].rule');
  });

  it('options: Level 1, UTF-8 without BOM, LF', async () => {
    const out = path.join(tmp, 'l1');
    await runCli(['clean', fixture('county-income.csv'), '--out', out, '--level', '1', '--encoding', 'utf8', '--eol', 'lf', '--jobs', '1'], capture());
    const text = fs.readFileSync(path.join(out, 'county-income.csv'), 'utf8');
    expect(text.startsWith('State Code,County Code,')).toBe(true);
    expect(text).toContain('\n1,0,AL,ALABAMA,2069212,4309834,92162773\n');
  });
});

/** An .xlsx made here: `sheets` of rows (cells as SheetJS cell objects or plain values). */
function xlsx(file: string, sheets: Record<string, unknown[][]>): string {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet([]);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === undefined || v === null) return;
        ws[XLSX.utils.encode_cell({ r, c })] = typeof v === 'object' ? v : typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
      }),
    );
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: Math.max(...rows.map((r) => r.length)) - 1 } });
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  const target = path.join(tmp, file);
  fs.writeFileSync(target, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  return target;
}

const csvLines = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n');

describe('seiton clean: file names and numbers', () => {
  it('budget.xlsx → budget.csv, never the caption; every @ line of the guide\'s header, empty ones said', async () => {
    const budget = xlsx('budget.xlsx', {
      予算: [['令和6年度 一般会計予算'], [], ['款', '予算額'], ['議会費', 1200], ['総務費', 35000], ['民生費', 98000]],
    });
    const out = path.join(tmp, 'budget');
    const io = capture();
    expect(await runCli(['clean', budget, '--out', out, '--jobs', '1'], io)).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['budget.csv']);
    const lines = csvLines(path.join(out, 'budget.csv'));
    expect(lines.slice(0, 5).map((l) => l.split(',')[0])).toEqual(['@Caption', '@Creator', '@Date', '@Language', '@Title']);
    expect(lines[1]).toBe('@Creator,,ja');
    expect(io.stdout).toContain('budget.csv: 値が空の@行 @Creator, @Date');
  });

  it('a sheet with two tables → <stem>_<sheet>_1.csv and _2.csv; a 目次 sheet is left out unless --all-sheets', async () => {
    const two = xlsx('two.xlsx', {
      目次: [['目次'], ['第1表', '人口'], ['第2表', '世帯']],
      人口: [['第1表 人口'], ['区', '人口'], ['北区', 100], ['南区', 200], ['西区', 300], [], [], ['第2表 世帯'], ['区', '世帯数'], ['北区', 40], ['南区', 90], ['西区', 120]],
    });
    const out = path.join(tmp, 'two');
    const io = capture();
    await runCli(['clean', two, '--out', out, '--jobs', '1', '--json'], io);
    expect(fs.readdirSync(out).sort()).toEqual(['two_人口_1.csv', 'two_人口_2.csv']);
    expect(csvLines(path.join(out, 'two_人口_2.csv'))).toContain('北区,40');
    const [report] = JSON.parse(io.stdout) as { left: { sheet: string; kind: string }[] }[];
    expect(report.left).toEqual([{ sheet: '目次', kind: 'contents' }]);
    const all = path.join(tmp, 'two-all');
    await runCli(['clean', two, '--out', all, '--jobs', '1', '--all-sheets'], capture());
    expect(fs.readdirSync(all).sort()).toEqual(['two_人口_1.csv', 'two_人口_2.csv', 'two_目次.csv']);
  });

  it('--numbers shown|stored on a percentage and a rounded rate', async () => {
    const rates = xlsx('rates.xlsx', {
      率: [
        ['区', '構成比', '増加率'],
        ['北区', { t: 'n', v: 0.272727272727, z: '0.0%' }, { t: 'n', v: 27.2727272727273, z: '0.0' }],
        ['南区', { t: 'n', v: 0.05, z: '0.0%' }, { t: 'n', v: -0.04, z: '0.0' }],
      ],
    });
    const data = async (numbers: string) => {
      const out = path.join(tmp, `rates-${numbers}`);
      expect(await runCli(['clean', rates, '--out', out, '--jobs', '1', '--numbers', numbers], capture())).toBe(0);
      const lines = csvLines(path.join(out, 'rates.csv'));
      return { unit: lines[lines.indexOf('@Unit,ja,') + 1], rows: lines.slice(lines.indexOf('@Datatype,,') + 2, -1) };
    };
    expect(await data('shown')).toEqual({ unit: ',%,', rows: ['北区,27.3,27.3', '南区,5.0,-0.0'] });
    expect(await data('stored')).toEqual({ unit: ',,', rows: ['北区,0.272727272727,27.2727272727273', '南区,0.05,-0.04'] });
    expect(await runCli(['clean', rates, '--numbers', 'rounded'], capture())).toBe(64);
  });
});

describe('seiton check', () => {
  it('exits 0 on the clean controls of a peer linter: advice is shown, never failing', async (ctx) => {
    const missing = missingCorpus(CONTROLS);
    if (missing) ctx.skip(missing);
    const io = capture();
    const code = await runCli(['check', ...CONTROLS.map(corpusPath), '--jobs', '1', '--lang', 'en'], io);
    expect(io.stdout).not.toContain('✗');
    expect(code).toBe(0);
    expect(io.stdout).toContain('advisory');
  });

  it('exit 1 while a Level 1 violation remains, 0 when none, 2 for an unreadable file', async () => {
    const io = capture();
    expect(await runCli(['check', fixture('population.xlsx')], io)).toBe(1);
    expect(io.stdout).toContain('レベル1 違反');
    const clean = path.join(tmp, 'clean.csv');
    fs.writeFileSync(clean, '地区,世帯数\n北区,100\n南区,200\n'); // a count: no unit needed (guide item 8)
    expect(await runCli(['check', clean], capture())).toBe(0);
    const empty = path.join(tmp, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    expect(await runCli(['check', empty, clean], capture())).toBe(2);
  });

  it('a Level 2 CSV written by clean checks clean when opened again (the @ lines are its metadata)', async () => {
    const out = path.join(tmp, 'recheck');
    const files = ['population.xlsx', 'crushed-stone.xlsx', 'ci-index.xlsx', 'industry.xlsx', 'county-income.csv', 'shelters-sjis.csv'].map(fixture);
    expect(await runCli(['clean', ...files, '--out', out, '--jobs', '2'], capture())).toBe(0);
    const cleaned = fs.readdirSync(out).map((name) => path.join(out, name));
    expect(cleaned).toHaveLength(7);
    const io = capture();
    expect(await runCli(['check', ...cleaned, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as { file: string; sheets: { rules: { ruleId: string; failing: number; level: number }[] }[] }[];
    for (const file of report) {
      // Hints (a column without a unit that may need none) do not fail a file; anything else would.
      const level1 = file.sheets.flatMap((s) => s.rules).filter((r) => r.level === 1 && r.failing > 0);
      expect({ file: path.basename(file.file), level1 }).toEqual({ file: path.basename(file.file), level1: [] });
    }
  });

  it('says what reading noticed: undecodable bytes, unbalanced quotes (text and JSON)', async () => {
    const broken = path.join(tmp, 'broken-sjis.csv');
    fs.writeFileSync(broken, sjisWithInvalidBytes(3));
    const quotes = path.join(tmp, 'quotes.csv');
    fs.writeFileSync(quotes, unbalancedQuotesCsv());
    const io = capture();
    await runCli(['check', broken, quotes, '--jobs', '1'], io);
    expect(io.stdout).toContain('⚠ shift_jis として読めない文字が 3 個あり、「�」に置き換わっています');
    expect(io.stdout).toContain('⚠ 引用符(")が閉じていない箇所が 1 か所あります(3 行目)');
    const cleaned = capture();
    await runCli(['clean', broken, '--out', path.join(tmp, 'warned'), '--jobs', '1', '--lang', 'en', '--json'], cleaned);
    const [report] = JSON.parse(cleaned.stdout) as { warnings: string[] }[];
    expect(report.warnings).toEqual([readWarningText({ code: 'invalid-characters', count: 3, encoding: 'shift_jis' }, 'en', 'cli')]);
    expect(report.warnings[0]).toBe('3 characters could not be decoded as shift_jis and became "�"; the file may use another encoding. (Set it in the recipe\'s source.encoding.)');
    const plain = capture();
    await runCli(['check', fixture('population.xlsx')], plain);
    expect(plain.stdout).not.toContain('⚠');
  });

  it('--json prints the report as data', async () => {
    const io = capture();
    await runCli(['check', fixture('ci-index.xlsx'), '--json'], io);
    const report = JSON.parse(io.stdout);
    expect(report[0].sheets[0].rules.find((r: { ruleId: string }) => r.ruleId === 'omitted-cells').count).toBe(8); // 44 blank year cells in 8 runs
  });

  it('--json lists every finding with its rule, 総務省 item, A1 cell and messages, and the structure; valid by docs/report.schema.json', async () => {
    const io = capture();
    expect(await runCli(['check', fixture('population.xlsx'), fixture('crushed-stone.xlsx'), '--json', '--jobs', '1'], io)).toBe(1);
    const report = JSON.parse(io.stdout);
    const validate = new Ajv({ allErrors: true }).compile(reportSchema());
    expect(validate(report) ? [] : validate.errors).toEqual([]);

    const [population] = report as { sheets: { findings: Record<string, unknown>[]; structure: Record<string, unknown>; rules: { ruleId: string; count: number }[] }[] }[];
    const sheet = population.sheets[0];
    // 「全 国」 in A6: a layout space, on the sheet's only table.
    expect(sheet.findings).toContainEqual(
      expect.objectContaining({ rule: 'layout-spaces', soumu: '1-5', guide: expect.stringMatching(/^手順2/), level: 1, sheet: '2-2', table: 't1', range: 'A6', row: 5, col: 0, failing: true }),
    );
    const spaced = sheet.findings.find((f) => f.range === 'A6' && f.rule === 'layout-spaces') as { message: { ja: string; en: string } };
    expect(spaced.message.ja).toContain('「全国」にします');
    expect(spaced.message.en).toContain('全国');
    // Every finding counted is listed.
    for (const r of sheet.rules) expect({ rule: r.ruleId, listed: sheet.findings.filter((f) => f.rule === r.ruleId).length }).toEqual({ rule: r.ruleId, listed: r.count });
    expect(sheet.structure).toMatchObject({ kind: 'data', overridden: false, tables: [{ id: 't1', range: 'A1:I58' }] });
    expect((sheet.structure.rows as { row: number; role: string }[]).find((x) => x.row === 0)).toEqual({ row: 0, role: 'caption', table: 't1' });
  });

  it('check --recipe judges the file with the recipe\'s structure corrections', async () => {
    const recipe = path.join(tmp, 'structure.recipe.json');
    const plain = capture();
    await runCli(['check', fixture('population.xlsx'), '--json'], plain);
    const detected = JSON.parse(plain.stdout)[0].sheets[0].structure.tables[0];
    const headerRows = { start: detected.headerRows[0], end: detected.headerRows[0] };
    fs.writeFileSync(
      recipe,
      JSON.stringify({ version: 1, source: { name: 'population.xlsx', sheet: '2-2' }, steps: [{ kind: 'structure', sheet: '2-2', table: 0, headerRows }] }),
    );
    const io = capture();
    await runCli(['check', fixture('population.xlsx'), '--recipe', recipe, '--json'], io);
    const structure = JSON.parse(io.stdout)[0].sheets[0].structure;
    expect(structure.overridden).toBe(true);
    expect(structure.tables[0].headerRows).toEqual([headerRows.start]);
  });

  it('usage errors', async () => {
    expect(await runCli([], capture())).toBe(64);
    expect(await runCli(['check', path.join(tmp, 'nothing-*.xlsx')], capture())).toBe(66);
  });
});
