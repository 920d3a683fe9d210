// 和暦 (Japanese era) calendar: the era table and Gregorian → era conversion.
// Exact era start dates; no lenient parsing. The strict parser (和暦 text → 西暦)
// joins this module with the wareki rule.

export interface Era {
  /** 明治, 大正, 昭和, 平成, 令和 */
  name: string;
  /** First kanji: 明 大 昭 平 令 */
  short: string;
  /** Latin initial: M T S H R */
  initial: string;
  /** First day of the era (inclusive). */
  start: { y: number; m: number; d: number };
}

export const ERAS: readonly Era[] = [
  { name: '明治', short: '明', initial: 'M', start: { y: 1868, m: 10, d: 23 } },
  { name: '大正', short: '大', initial: 'T', start: { y: 1912, m: 7, d: 30 } },
  { name: '昭和', short: '昭', initial: 'S', start: { y: 1926, m: 12, d: 25 } },
  { name: '平成', short: '平', initial: 'H', start: { y: 1989, m: 1, d: 8 } },
  { name: '令和', short: '令', initial: 'R', start: { y: 2019, m: 5, d: 1 } },
];

function dayKey(y: number, m: number, d: number): number {
  return y * 10000 + m * 100 + d;
}

/** The era a Gregorian date falls in and its era year (1 = 元年), or undefined before 明治. */
export function toEra(y: number, m: number, d: number): { era: Era; year: number } | undefined {
  const key = dayKey(y, m, d);
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i];
    if (key >= dayKey(era.start.y, era.start.m, era.start.d)) return { era, year: y - era.start.y + 1 };
  }
  return undefined;
}
