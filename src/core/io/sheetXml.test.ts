import { describe, expect, it } from 'vitest';
import { afterRows, rowBoundaryAfter, sheetXmlLayout, sliceXml } from './sheetXml.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

const rows = (n: number, p = '') =>
  Array.from({ length: n }, (_, i) => `<${p}row r="${i + 1}"><${p}c r="A${i + 1}"><${p}v>${i}</${p}v></${p}c></${p}row>`).join('');

function part(body: string, p = '', tail = `<${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells>`) {
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : '';
  return enc(`<?xml version="1.0"?><${p}worksheet${ns}><${p}dimension ref="A1:A9"/><${p}sheetData>${body}</${p}sheetData>${tail}</${p}worksheet>`);
}

describe('sheetXmlLayout and slices', () => {
  for (const p of ['', 'x:']) {
    it(`cuts at row ends; the first slice keeps the tail, later ones close the part (prefix "${p}")`, () => {
      const xml = part(rows(9, p), p);
      const layout = sheetXmlLayout(xml)!;
      expect(layout).toBeDefined();
      const three = afterRows(xml, layout, layout.rowsStart, 3);
      const first = dec(sliceXml(xml, layout, layout.rowsStart, three, true));
      expect(first).toContain(`<${p}row r="3">`);
      expect(first).not.toContain(`<${p}row r="4">`);
      expect(first).toMatch(new RegExp(`</${p}sheetData><${p}mergeCells.*</${p}worksheet>$`));
      const end = rowBoundaryAfter(xml, layout, three + 1);
      const second = dec(sliceXml(xml, layout, three, end, false));
      expect(second).toMatch(new RegExp(`<${p}sheetData><${p}row r="4">.*</${p}row></${p}sheetData></${p}worksheet>$`));
      expect(second).not.toContain('mergeCell');
      expect(afterRows(xml, layout, layout.rowsStart, 100)).toBe(layout.rowsEnd);
      expect(rowBoundaryAfter(xml, layout, layout.rowsEnd + 5)).toBe(layout.rowsEnd);
    });
  }

  it('refuses parts it cannot cut safely', () => {
    expect(sheetXmlLayout(enc('<worksheet><sheetData/></worksheet>'))).toBeUndefined();
    expect(sheetXmlLayout(part('<row><c><v>1</v></c></row>'))).toBeUndefined(); // no r: SheetJS would renumber each slice
    const shared = '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c></row>';
    expect(sheetXmlLayout(part(shared))).toBeUndefined();
    // "shared" as text or another attribute is no shared formula.
    expect(sheetXmlLayout(part('<row r="1"><c r="A1" t="inlineStr"><is><t>t="shared"</t></is></c><c r="B1"><f>SUM(A1)</f><v>1</v></c></row>'))).toBeDefined();
  });
});
