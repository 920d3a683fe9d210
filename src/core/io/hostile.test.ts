// Broken and hostile inputs: each gets a clear ReadError code, or loads correctly, and a
// failed open leaves the open document exactly as it was. What a hostile file must not
// cost is asserted as work done (bytes inflated, bytes decoded, cells SheetJS built, rows
// read), never as time or memory.
import * as XLSX from 'xlsx';
import { guardCell } from './csv.ts';
import { describe, expect, it, vi } from 'vitest';
import { fixtureBytes } from '../../../test/fixtures.ts';
import * as H from '../../../test/hostile.ts';
import { sheetJs } from '../../../test/probes.ts';
import { decodeAs, detectAndDecode } from './encoding.ts';
import { inflateRaw } from './inflate.ts';
import { estimateCells } from './readCsv.ts';
import { DocumentSession } from '../../worker/session.ts';
import { buildMergeIndex } from '../mergeIndex.ts';
import { buildRangeIndex } from '../rangeIndex.ts';
import { type Sheet, getValue } from '../model.ts';
import { MAX_TEXT_BYTES, ReadError, type ReadErrorCode, readWorkbook } from './read.ts';

function refused(bytes: Uint8Array, name: string): { code: ReadErrorCode; detected?: string; detail?: string } {
  try {
    readWorkbook(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return (e as ReadError).info;
  }
  throw new Error(`${name} was read`);
}

vi.mock('xlsx', async (original) => (await import('../../../test/probes.ts')).probeSheetJs(await original()));
vi.mock('./inflate.ts', async (original) => (await import('../../../test/probes.ts')).spying(await original<typeof import('./inflate.ts')>(), 'inflateRaw'));
vi.mock('./encoding.ts', async (original) => (await import('../../../test/probes.ts')).spying(await original<typeof import('./encoding.ts')>(), 'decodeAs', 'detectAndDecode'));
vi.mock('./readCsv.ts', async (original) => (await import('../../../test/probes.ts')).spying(await original<typeof import('./readCsv.ts')>(), 'estimateCells'));

const values = (sheet: Sheet, r: number) => sheet.columns.map((c) => c.values[r]);

/**
 * Runs `f` and says what the read did: bytes inflated (every inflate fills a buffer of the
 * size it is given, so this is also the memory inflating took), bytes decoded as text and
 * scanned for cells, and what SheetJS built and what was read of it (see probes.ts).
 */
function probe(f: () => void): { inflated: number; decoded: number; scanned: number; parses: number; cells: number; columns: number; reads: number } {
  vi.clearAllMocks();
  sheetJs.reset();
  f();
  const bytes = (calls: unknown[][]) => calls.reduce((n, [b]) => n + (b as Uint8Array).length, 0);
  return {
    inflated: vi.mocked(inflateRaw).mock.calls.reduce((n, [, expected]) => n + expected, 0),
    decoded: bytes(vi.mocked(detectAndDecode).mock.calls) + bytes(vi.mocked(decodeAs).mock.calls),
    scanned: bytes(vi.mocked(estimateCells).mock.calls),
    parses: sheetJs.parses,
    cells: sheetJs.cells,
    columns: sheetJs.columns,
    reads: sheetJs.reads,
  };
}

/** The sample table's 3 × 3 cells, and a little room for the cells SheetJS adds (a merge's stubs). */
const SAMPLE_CELLS = 9;

describe('a failed open keeps the open document', () => {
  const population = fixtureBytes('population.xlsx');
  const cases: [string, () => Uint8Array, ReadErrorCode][] = [
    ['empty.xlsx', () => new Uint8Array(0), 'empty'],
    ['report.xlsx', H.pdf, 'not-spreadsheet'],
    ['bomb.xlsx', () => H.zipBomb(), 'too-large'],
    ['half.xlsx', () => H.truncated(population), 'truncated'],
  ];
  it.each(cases)('%s', (name, make, code) => {
    const session = new DocumentSession();
    const good = session.open('population.xlsx', population);
    expect(good.ok).toBe(true);
    const bad = session.open(name, make());
    expect(bad).toMatchObject({ ok: false, fileName: name, error: { code } });
    // The replica still answers for the first document, and exports it.
    expect(session.column('s1', 0).values[0]).toBe('2-2 都道府県別人口と人口増加率');
    const exported = session.export('s1', 'csv');
    expect(exported.ok && new TextDecoder().decode(exported.file.bytes)).toContain('全 国');
  });
});

describe('unreadable files', () => {
  const population = fixtureBytes('population.xlsx');

  it('empty: a 0-byte .xlsx and a blank .csv', () => {
    expect(refused(new Uint8Array(0), 'empty.xlsx').code).toBe('empty');
    expect(refused(H.utf8('\r\n  \r\n'), 'blank.csv').code).toBe('empty');
  });

  it('PDF, PNG, ZIP and Word documents renamed .xlsx say what they are', () => {
    expect(refused(H.pdf(), 'report.xlsx')).toMatchObject({ code: 'not-spreadsheet', detected: 'PDF' });
    expect(refused(H.png(), 'chart.xlsx')).toMatchObject({ code: 'not-spreadsheet', detected: 'PNG' });
    expect(refused(H.plainZip(), 'archive.xlsx')).toMatchObject({ code: 'not-spreadsheet', detected: 'ZIP' });
    expect(refused(H.docx(), 'letter.xlsx')).toMatchObject({ code: 'not-spreadsheet', detected: 'Word' });
  });

  it('truncated anywhere: a clear "damaged" error, never a partial workbook', () => {
    for (const fraction of [0.05, 0.25, 0.5, 0.75, 0.95, 0.999]) {
      expect(refused(H.truncated(population, fraction), 'cut.xlsx').code, `cut at ${fraction}`).toBe('truncated');
    }
  });

  it('password-protected (an encrypted OOXML package)', () => {
    expect(refused(H.encryptedXlsx(), 'secret.xlsx').code).toBe('encrypted');
  });

  it('a text file too large to decode in one piece is refused before decoding', () => {
    const big = new Uint8Array(MAX_TEXT_BYTES + 1); // untouched pages: no real memory
    big.fill(0x61, 0, 65536);
    const read = probe(() => expect(refused(big, 'huge.csv').code).toBe('text-too-large'));
    expect(read).toMatchObject({ decoded: 0, scanned: 0 });
  });
});

describe('zip bombs are refused before memory runs out', () => {
  it('an xlsx whose sheet XML inflates to 1.1 GB from 1.1 MB', () => {
    const bomb = H.zipBomb();
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const read = probe(() => expect(refused(bomb, 'bomb.xlsx')).toMatchObject({ code: 'too-large', detail: expect.stringMatching(/inflates to 1126 MB/) }));
    // Refused from the ZIP's directory: not one part inflated, SheetJS never called.
    expect(read).toMatchObject({ inflated: 0, parses: 0 });
  });

  it('the same bomb with its size faked small, faked plausible, or deferred to a data descriptor', () => {
    for (const lie of ['small', 'descriptor'] as const) {
      const read = probe(() => expect(refused(H.zipBomb({ lie }), 'bomb.xlsx').code, lie).toBe('too-large'));
      expect(read, lie).toMatchObject({ inflated: 0, parses: 0 });
    }
    // Only inflating tells a plausible lie: it stops at the declared size, twice the 1.1 MB
    // of compressed data, with the rest of the 1.1 GB never written.
    const bomb = H.zipBomb({ lie: 'plausible' });
    const read = probe(() => expect(refused(bomb, 'bomb.xlsx').code).toBe('too-large'));
    expect(read.inflated).toBeGreaterThan(0);
    expect(read.inflated).toBeLessThanOrEqual(2 * bomb.length);
    expect(vi.mocked(inflateRaw).mock.results.at(-1)).toMatchObject({ type: 'throw', value: { kind: 'overflow' } });
    expect(read.cells).toBe(0);
  });

  it('overlapping entries and a directory of 10,001 entries', () => {
    expect(refused(H.overlappingZip(), 'overlap.xlsx').code).toBe('too-large');
    expect(refused(H.manyEntriesZip(), 'many.xlsx').code).toBe('too-large');
  });

  it('an honest streaming-written xlsx (data descriptors) still loads', () => {
    const sheet = readWorkbook(H.zipBomb({ lie: 'descriptor', bytes: 2_000_000 }), 'stream.xlsx').workbook.sheets[0];
    expect(values(sheet, 1)).toEqual(['北区', 1200, 500]);
  });
});

describe('small files that would expand inside the parser', () => {
  it('a hyperlink over the whole sheet: loads with no cell made for the range (links are not kept)', () => {
    const read = probe(() => expect(readWorkbook(H.hyperlinkRangeBomb(), 'link.xlsx').workbook.sheets[0].rowCount).toBe(3));
    expect(read.cells).toBe(SAMPLE_CELLS);
  });

  it('a column range of two billion columns: loads with one column entry per column a sheet can have', () => {
    const read = probe(() => expect(readWorkbook(H.columnRangeBomb(), 'cols.xlsx').workbook.sheets[0].columns).toHaveLength(3));
    expect(read.columns).toBeGreaterThan(0);
    expect(read.columns).toBeLessThanOrEqual(16_384);
  });

  it('a cell at row 2,000,000,000: too many cells, said after reading only the rows that exist', () => {
    const read = probe(() => expect(refused(H.farRow(), 'far.xlsx').code).toBe('too-many-cells'));
    // The row list is two billion long and holds four rows: its holes are never visited.
    expect(read.reads).toBeLessThan(100);
  });

  it('a cell in column FXSHRXW (two billion columns out): too many cells, said after reading only the cells that exist', () => {
    const read = probe(() => expect(refused(H.farColumn(), 'far.xlsx')).toMatchObject({ code: 'too-many-cells', detail: expect.stringContaining('columns > 16,384') }));
    expect(read.reads).toBeLessThan(100);
  });

  it('a 50 MB CSV of 50 million (empty) cells is refused before it is decoded', () => {
    const line = H.utf8(',,,,,,,,,,,,,,,,,,,\n'); // 20 cells
    const big = new Uint8Array(line.length * 2_500_000);
    for (let o = 0; o < big.length; o += line.length) big.set(line, o);
    const read = probe(() => expect(refused(big, 'big.csv')).toMatchObject({ code: 'too-many-cells', detail: expect.stringContaining('about 50,000,000 cells') }));
    // Counted on the bytes (one pass), never decoded into a string.
    expect(read).toMatchObject({ scanned: big.length, decoded: 0 });
  });

  it('a CSV 20,000 columns wide: more columns than a sheet may have', () => {
    expect(refused(H.utf8(`${'a,'.repeat(19999)}a\r\n`), 'wide.csv').code).toBe('too-many-cells');
  });

  it('a merge over the whole sheet: too many cells', () => {
    const ws = XLSX.utils.aoa_to_sheet(H.SAMPLE_ROWS);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 1_048_575, c: 16_383 } }];
    expect(refused(H.xlsxFromSheets([{ name: 'M', ws }]), 'merge.xlsx')).toMatchObject({ code: 'too-many-cells', detail: expect.stringContaining('1,048,576 rows × 16,384 columns') });
  });

  it('an ODS repeating one cell 100,000 × 1,000 times: too many cells, before SheetJS expands it', () => {
    const read = probe(() => expect(refused(H.odsRepeatBomb(), 'repeat.ods').code).toBe('too-many-cells'));
    expect(read).toMatchObject({ parses: 0, cells: 0 });
  });

  it('SpreadsheetML 2003 (.xls) merging one cell over the whole sheet: too many cells, at once', () => {
    const read = probe(() => expect(refused(H.spreadsheetMlMergeBomb(), 'merge.xls').code).toBe('too-many-cells'));
    expect(read).toMatchObject({ parses: 0, cells: 0 });
  });

  it('SpreadsheetML 2003 (.xls) with a column style spanning two billion columns: loads at once', () => {
    const read = probe(() => expect(values(readWorkbook(H.spreadsheetMlSpanBomb(), 'span.xls').workbook.sheets[0], 1)).toEqual(['北区', 1200]));
    expect(read.cells).toBe(4);
    // Span counts the columns after the first: 16,384 of them is one past Excel's last column.
    expect(read.columns).toBeLessThanOrEqual(16_385);
  });

  it('LibreOffice’s padding of a sheet to 1,048,576 rows stays cheap', () => {
    let sheet: Sheet | undefined;
    const read = probe(() => (sheet = readWorkbook(H.odsLibreOfficePadding(), 'padded.ods').workbook.sheets[0]));
    expect(read.cells).toBe(SAMPLE_CELLS);
    if (!sheet) throw new Error('not read');
    expect(sheet.rowCount).toBe(3);
    expect(values(sheet, 2)).toEqual(['南区', 300, 100]);
  });
});

describe('odd but readable', () => {
  it('.xlsb (binary workbook)', () => {
    const { workbook } = readWorkbook(H.xlsb(), 'data.xlsb');
    expect(workbook.source.format).toBe('xlsb');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['人口']);
    expect(values(workbook.sheets[0], 1)).toEqual(['北区', 1200, 500]);
  });

  it('a sheet 16,384 columns wide (A … XFD)', () => {
    const sheet = readWorkbook(H.wideSheet(), 'wide.xlsx').workbook.sheets[0];
    expect(sheet.columns).toHaveLength(16384);
    expect(sheet.rowCount).toBe(3);
    expect(getValue(sheet, 0, 16383)).toBe('列16384');
    expect(getValue(sheet, 2, 16383)).toBe(216383);
  });

  it('a dimension claiming 1,048,576 rows over ten cells: the real size', () => {
    const sheet = readWorkbook(H.hugeDimension(), 'dim.xlsx').workbook.sheets[0];
    expect(sheet.rowCount).toBe(5);
    expect(sheet.columns).toHaveLength(2);
    expect(sheet.columns[0].values).toHaveLength(5);
  });

  it('a cell of 1 MB of text, kept whole', () => {
    const sheet = readWorkbook(H.longTextCell(), 'long.xlsx').workbook.sheets[0];
    const text = getValue(sheet, 1, 1);
    expect(typeof text === 'string' && text.length).toBe(1024 * 1024);
    expect(getValue(sheet, 2, 1)).toBe('普通の文');
  });

  it('10,000 merges: read, and the merge index looks at a block of rows, not every merge', () => {
    const sheet = readWorkbook(H.manyMerges(), 'merges.xlsx').workbook.sheets[0];
    expect(sheet.merges).toHaveLength(10000);
    const index = buildMergeIndex(sheet.merges);
    for (let r = 0; r < 10000; r++) expect(index.at(r, 1)?.s).toEqual({ r, c: 0 });
    expect(index.at(5, 2)).toBeUndefined();
    // The same lookups, counting the merges each one compares.
    let compared = 0;
    const counted = buildRangeIndex(sheet.merges, (m) => (compared++, m));
    compared = 0;
    for (let r = 0; r < 10000; r++) counted.first(r, 1);
    expect(compared / 10000).toBeLessThanOrEqual(64);
  });

  it('sheet names with / \\ : * ? [ ]: kept as they are; the CSV file name is safe', () => {
    const session = new DocumentSession();
    const result = session.open('names.xlsx', H.badSheetNames());
    expect(result.ok && result.workbook.sheets.map((s) => s.name)).toEqual(H.BAD_SHEET_NAMES);
    if (!result.ok) return;
    for (const sheet of result.workbook.sheets) {
      const exported = session.export(sheet.id, 'csv');
      expect(exported.ok).toBe(true);
      if (exported.ok) expect(exported.file.fileName, sheet.name).toMatch(/^names_[^\\/:*?"<>|]+\.csv$/);
    }
  });
});

describe('damaged text files load, with a warning that says where', () => {
  it('bytes Shift_JIS cannot decode: a warning with their count, the rest decoded', () => {
    const { workbook, warnings } = readWorkbook(H.sjisWithInvalidBytes(3), 'broken.csv');
    expect(warnings).toEqual([{ code: 'invalid-characters', count: 3, encoding: 'shift_jis' }]);
    const sheet = workbook.sheets[0];
    expect(sheet.columns[0].values).toEqual(['市町村', '北町', '南町\uFFFD\uFFFD\uFFFD', '東町']);
    expect(sheet.columns[1].values).toEqual(['人口', 1200, 300, 900]);
  });

  it('mixed line endings: every record on its own row, no warning', () => {
    const { workbook, warnings } = readWorkbook(H.mixedLineEndingsCsv(), 'mixed.csv');
    expect(warnings).toEqual([]);
    expect(workbook.sheets[0].columns[0].values).toEqual(['地区', '北区', '南区', '東区', '西区\n(旧)']);
  });

  it('an unbalanced quote: the rows split, and the warning names row 3', () => {
    const { workbook, warnings } = readWorkbook(H.unbalancedQuotesCsv(), 'quotes.csv');
    expect(warnings).toEqual([{ code: 'unclosed-quote', count: 1, rows: [3] }]);
    expect(workbook.sheets[0].rowCount).toBe(5);
    expect(workbook.sheets[0].columns[1].values).toEqual(['人口', 1200, 300, 900, '4"50']);
  });
});

describe('formulas that look like injection export safely', () => {
  function exportLines(name: string, bytes: Uint8Array): string[] {
    const session = new DocumentSession();
    const opened = session.open(name, bytes);
    if (!opened.ok) throw new Error(opened.error.code);
    const exported = session.export('s1', 'csv');
    if (!exported.ok) throw new Error('export failed');
    return new TextDecoder()
      .decode(exported.file.bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((l) => l !== '');
  }

  it('CSV cells holding =HYPERLINK(…) and =cmd|… are prefixed with a quote', () => {
    const lines = exportLines('inj.csv', H.injectionCsv());
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.example/"",""x"")",1`);
    expect(lines).toContain(`'=cmd|' /C calc'!A0,2`);
    expect(lines).toContain(`'@SUM(1+1),3`);
    // Numbers and phone numbers are not touched.
    expect(lines).toContain('ふつう,-5');
    expect(lines).toContain('電話,+81-3-1234-5678');
    // No data line starts a formula or an @ line.
    const data = lines.slice(lines.indexOf('名前,値', 2) + 1).filter((l) => !l.startsWith('@') && !l.startsWith(',') && !l.startsWith('xsd:'));
    for (const line of data) expect(line, line).not.toMatch(/^"?[=@\t\r]/);
  });

  it('xlsx formula cells export their value; text results that look like formulas are guarded', () => {
    const lines = exportLines('inj.xlsx', H.injectionXlsx());
    expect(lines).toContain('リンク,x');
    expect(lines).toContain(`DDE,'=cmd|' /C calc'!A0`);
    expect(lines).toContain(`文字列,'=1+1`);
    expect(lines.join('\n')).not.toContain('HYPERLINK');
  });

  it("`-2+3+cmd|' /C calc'!A0` (OWASP's DDE example) is guarded; numbers and phone numbers are not", () => {
    expect(guardCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(guardCell('+1-2')).toBe("'+1-2");
    for (const safe of ['-5', '-1.2', '+81-3-1234-5678', '-1,234.5', '+5', '-0.0', '-1e3']) expect(guardCell(safe)).toBe(safe);
  });
});
