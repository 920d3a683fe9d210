// Test helper: next year's edition of population.xlsx, for recipe replay (unit and e2e).
import * as XLSX from 'xlsx';
import { fixtureBytes } from './fixtures.ts';

/** population.xlsx with every 2000 population +1 and the rows 北海道 and 青森 swapped. */
export function nextPopulationEdition(): Uint8Array {
  const wb = XLSX.read(fixtureBytes('population.xlsx'), { cellStyles: true, cellNF: true });
  const ws = wb.Sheets['2-2'];
  for (let r = 6; r <= 53; r++) {
    const cell = ws[`B${r}`];
    if (cell && cell.t === 'n') cell.v = (cell.v as number) + 1;
  }
  for (const col of 'ABCDEFGHI') {
    const a = ws[`${col}7`];
    ws[`${col}7`] = ws[`${col}8`];
    ws[`${col}8`] = a;
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }) as ArrayBuffer);
}
