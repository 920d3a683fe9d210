import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_ROWS, utf8, xlsxFromSheets, zipOf, zipParts } from '../../../test/hostile.ts';
import { sheetJs } from '../../../test/probes.ts';
import { ReadError } from './errors.ts';
import { checkOdsContent, guardBiffStream, guardSpreadsheetMl, guardXlsbPart, guardXmlPart } from './partGuard.ts';
import { readWorkbook } from './read.ts';

// Counts the cells SheetJS builds: a range guarded too late shows as cells, not as time.
vi.mock('xlsx', async (original) => (await import('../../../test/probes.ts')).probeSheetJs(await original()));

const guarded = (xml: string) => {
  const bytes = utf8(xml);
  guardXmlPart(bytes);
  return new TextDecoder().decode(bytes);
};

describe('guardXmlPart', () => {
  it('blanks hyperlink elements (any prefix), keeps everything else byte for byte', () => {
    const xml = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId1"/><x:hyperlink\nref="B2"/></hyperlinks>';
    const out = guarded(xml);
    expect(out.length).toBe(xml.length);
    expect(out).not.toMatch(/<(\w+:)?hyperlink\s/);
    expect(out).toContain('<hyperlinks>');
    expect(out.startsWith('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>')).toBe(true);
    // Relationship types name hyperlinks in attribute values: untouched.
    const rels = '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x"/>';
    expect(guarded(rels)).toBe(rels);
  });

  it('brings <col min max> into 1…16384 without moving a byte', () => {
    expect(guarded('<cols><col min="1" max="2000000000" width="9"/></cols>')).toBe('<cols><col min="1" max="0000016384" width="9"/></cols>');
    expect(guarded('<cols><x:col min="-5" max="99999"/></cols>')).toBe('<cols><x:col min="01" max="16384"/></cols>');
    const ok = '<cols><col min="2" max="3" width="12" customWidth="1"/><col min="16384" max="16384"/></cols>';
    expect(guarded(ok)).toBe(ok);
    expect(guarded('<colBreaks count="1"/><c r="A1"><v>1</v></c>')).toBe('<colBreaks count="1"/><c r="A1"><v>1</v></c>');
  });
});

describe('guardXmlPart: the four-bytes-at-a-time scan', () => {
  it('finds the same tags at every alignment, next to any bytes (multi-byte UTF-8 too)', () => {
    const piece = fc.constantFrom('<hyperlink ref="A1:C3"/>', '<x:hyperlink ref="A1"/>', '<col min="1" max="99999"/>', '<hyperlinks>', 'kl', 'lk', '長い', '<c r="K1"><v>1</v></c>', ' ', 'hyperlink ', '<col');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 7 }), (pieces, offset) => {
        const text = pieces.join('');
        const aligned = utf8(text);
        guardXmlPart(aligned);
        const host = new Uint8Array(offset + aligned.length);
        host.set(utf8(text), offset);
        const shifted = host.subarray(offset);
        guardXmlPart(shifted);
        expect(Buffer.from(shifted).equals(Buffer.from(aligned))).toBe(true);
        expect(new TextDecoder().decode(aligned)).not.toMatch(/<(\w+:)?hyperlink[\s/>]/);
      }),
      { numRuns: 500 },
    );
  });
});

/** The records of an xlsb part: [type, offset of data, length]. */
function records(bin: Uint8Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let p = 0; p < bin.length; ) {
    let type = bin[p++];
    if (type & 0x80) type = (type & 0x7f) + ((bin[p++] & 0x7f) << 7);
    let b = bin[p++];
    let len = b & 0x7f;
    for (let i = 1; i < 4 && b & 0x80; i++) {
      b = bin[p++];
      len += (b & 0x7f) << (7 * i);
    }
    out.push([type, p, len]);
    p += len;
  }
  return out;
}

const u32 = (b: Uint8Array, o: number) => new DataView(b.buffer, b.byteOffset).getUint32(o, true);
const setU32 = (b: Uint8Array, o: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(o, v, true);

describe('guardXlsbPart', () => {
  function xlsbWithLinkAndCols(): { parts: Map<string, Uint8Array>; sheet: Uint8Array } {
    const ws = XLSX.utils.aoa_to_sheet(SAMPLE_ROWS);
    ws['A1'].l = { Target: 'http://example.com/' };
    ws['!cols'] = [{ wch: 10 }];
    const parts = zipParts(xlsxFromSheets([{ name: 'S', ws }], 'xlsb'));
    return { parts, sheet: parts.get('xl/worksheets/sheet1.bin')! };
  }

  it('reduces a BrtHLink range to its first cell and keeps BrtColInfo within 16,384 columns', () => {
    const { sheet } = xlsbWithLinkAndCols();
    const link = records(sheet).find(([t]) => t === 0x01ee)!;
    const cols = records(sheet).find(([t]) => t === 0x003c)!;
    expect(link && cols).toBeTruthy();
    setU32(sheet, link[1] + 4, 1_048_575);
    setU32(sheet, link[1] + 12, 16_383);
    setU32(sheet, cols[1] + 4, 0xfffffff0);
    guardXlsbPart(sheet);
    expect([u32(sheet, link[1]), u32(sheet, link[1] + 4), u32(sheet, link[1] + 8), u32(sheet, link[1] + 12)]).toEqual([0, 0, 0, 0]);
    expect(u32(sheet, cols[1] + 4)).toBe(16_383);
  });

  it('an xlsb whose hyperlink covers the whole sheet reads with no cell made for the range', () => {
    const { parts, sheet } = xlsbWithLinkAndCols();
    const link = records(sheet).find(([t]) => t === 0x01ee)!;
    setU32(sheet, link[1] + 4, 1_048_575);
    setU32(sheet, link[1] + 12, 16_383);
    sheetJs.reset();
    const { workbook } = readWorkbook(zipOf(parts), 'link.xlsb');
    expect(sheetJs.cells).toBe(9);
    expect(workbook.sheets[0].rowCount).toBe(3);
  });
});

/** rwFirst, rwLast, colFirst, colLast of every HLink record of a BIFF8 Workbook stream. */
function hyperlinkRanges(stream: Uint8Array): number[][] {
  const out: number[][] = [];
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream[p] | (stream[p + 1] << 8);
    const length = stream[p + 2] | (stream[p + 3] << 8);
    if (type === 0x01b8) out.push([0, 2, 4, 6].map((o) => stream[p + 4 + o] | (stream[p + 5 + o] << 8)));
    p += 4 + length;
  }
  return out;
}

describe('guardBiffStream', () => {
  it('reduces ColInfo to 256 columns and HLink / HLinkTooltip ranges to their first cell; stops at FilePass', () => {
    const rec = (type: number, body: number[]) => [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body];
    const stream = new Uint8Array([
      ...rec(0x007d, [0x01, 0x00, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]),
      ...rec(0x01b8, [0x02, 0x00, 0xff, 0xff, 0x03, 0x00, 0xff, 0x00, ...new Array(16).fill(0)]),
      ...rec(0x0800, [0x00, 0x08, 0x04, 0x00, 0xff, 0xff, 0x05, 0x00, 0xff, 0x00, 0x41, 0x00]),
      ...rec(0x002f, [0, 0]),
      ...rec(0x007d, [0x00, 0x00, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]),
    ]);
    guardBiffStream(stream);
    expect([...stream.subarray(4, 8)]).toEqual([0x01, 0x00, 0xff, 0x00]);
    expect([...stream.subarray(20, 28)]).toEqual([0x02, 0x00, 0x02, 0x00, 0x03, 0x00, 0x03, 0x00]);
    expect([...stream.subarray(50, 58)]).toEqual([0x04, 0x00, 0x04, 0x00, 0x05, 0x00, 0x05, 0x00]);
    // After FilePass the data is encrypted: left alone.
    expect([...stream.subarray(stream.length - 12, stream.length - 8)]).toEqual([0x00, 0x00, 0xff, 0xff]);
  });

  it('an .xls whose hyperlinks and column widths cover the whole sheet reads at once, and correctly', () => {
    const ws = XLSX.utils.aoa_to_sheet(SAMPLE_ROWS);
    ws['A1'].l = { Target: 'http://example.com/' };
    ws['!cols'] = [{ wch: 10 }, { wch: 12 }];
    const xls = new Uint8Array(XLSX.write({ SheetNames: ['S'], Sheets: { S: ws } }, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    const cfb = XLSX.CFB.read(xls, { type: 'array' }) as { FileIndex: { name: string; content: Uint8Array }[] };
    const stream = cfb.FileIndex.find((f) => f.name === 'Workbook')!.content;
    let links = 0;
    for (let p = 0; p + 4 <= stream.length; ) {
      const type = stream[p] | (stream[p + 1] << 8);
      const length = stream[p + 2] | (stream[p + 3] << 8);
      if (type === 0x01b8) {
        stream.set([0xff, 0xff], p + 4 + 2); // rwLast
        stream.set([0xff, 0x00], p + 4 + 6); // colLast
        links++;
      }
      p += 4 + length;
    }
    expect(links).toBe(1);
    const hostile = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    sheetJs.reset();
    const sheet = readWorkbook(hostile, 'old.xls').workbook.sheets[0];
    // SheetJS walks every cell of an HLink's range: it is handed the link on its first cell only.
    expect(sheetJs.inputs).toHaveLength(1);
    const given = XLSX.CFB.read(sheetJs.inputs[0] as Uint8Array, { type: 'array' }) as typeof cfb;
    expect(hyperlinkRanges(given.FileIndex.find((f) => f.name === 'Workbook')!.content)).toEqual([[0, 0, 0, 0]]);
    expect(sheetJs.cells).toBe(9);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.columns.map((c) => c.values[1])).toEqual(['北区', 1200, 500]);
  });
});

describe('checkOdsContent', () => {
  const row = (attrs: string, cells: string) => `<table:table-row${attrs}>${cells}</table:table-row>`;
  const table = (rows: string) => `<table:table table:name="表">${rows}</table:table>`;

  it('counts repeated cells with content, and covered cells', () => {
    const cell = '<table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>';
    expect(() => checkOdsContent(table(row(' table:number-rows-repeated="10"', cell)), 10_000)).not.toThrow();
    expect(() => checkOdsContent(table(row(' table:number-rows-repeated="11"', cell)), 10_000)).toThrow(ReadError);
    expect(() => checkOdsContent(table(row('', '<table:covered-table-cell table:number-columns-repeated="20000"/>')), 10_000)).toThrow(/表/);
  });

  it('lets LibreOffice’s padding of empty repeated rows and cells through', () => {
    const padding = row(' table:number-rows-repeated="1048553"', '<table:table-cell table:number-columns-repeated="1024"/>');
    expect(() => checkOdsContent(table(padding))).not.toThrow();
  });

  it('reads `1e9` as SheetJS does (unary plus)', () => {
    const cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>';
    expect(() => checkOdsContent(table(row(' table:number-rows-repeated="1e9"', cell)))).toThrow(ReadError);
  });
});

describe('guardSpreadsheetMl', () => {
  const cell = (attrs: string) => `<Row><Cell${attrs}><Data ss:Type="String">x</Data></Cell></Row>`;

  it('counts the cells merges cover, per cell tag', () => {
    expect(() => guardSpreadsheetMl(utf8(cell(' ss:MergeAcross="99" ss:MergeDown="99"')), 10_000)).not.toThrow();
    expect(() => guardSpreadsheetMl(utf8(cell(' ss:MergeAcross="100" ss:MergeDown="99"')), 10_000)).toThrow(ReadError);
    expect(() => guardSpreadsheetMl(utf8(cell(' ss:MergeAcross="5000"') + cell(' ss:MergeAcross="5001"')), 10_000)).toThrow(/too-many-cells/);
  });

  it('brings column spans within 16,384 columns, in place', () => {
    const bytes = utf8('<Column ss:Span="2000000000" ss:Width="60"/><Column ss:Span="3"/>');
    guardSpreadsheetMl(bytes);
    expect(new TextDecoder().decode(bytes)).toBe('<Column ss:Span="0000016384" ss:Width="60"/><Column ss:Span="3"/>');
  });
});
