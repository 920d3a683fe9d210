// 西暦 dates written the way people type them — `1955/1/1`, `2019.4.1`, `2019-4-1`,
// `2019年4月1日`, `２０１９／４／１` — read as the calendar date they name, so that a cell
// can be written `YYYY-MM-DD` (デジタル庁's date form, the CSVW datatype xsd:date).
//
// Only a cell that is one date and nothing else is read: the year comes first (four
// digits), then month and day; `1/2/2019` (month or day first?) and `2019.4` (a decimal?)
// are never guessed at. 和暦 dates are the wareki rule's.
import { daysInMonth, isoDate } from '../wareki.ts';
import { toHalfwidthAscii } from './fullwidth.ts';

export interface DateText {
  /** `YYYY-MM-DD`, or undefined when the parts name no day (`2019/2/30`). */
  iso?: string;
  year: number;
  month: number;
  day: number;
}

// Separators as typed: / . - and their full-width forms, or 年 月 日; spaces around the parts.
const DATE = /^\s*([12][0-9]{3})\s*(?:([/.\-／．－])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})|年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日)\s*$/;

function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The date `text` is when it is one 西暦 date in a form other than `YYYY-MM-DD`. */
export function nonIsoDate(text: string): DateText | undefined {
  if (text.length > 24 || !/[0-9０-９]{4}/.test(text)) return undefined;
  const plain = toHalfwidthAscii(text, { digitsOnly: true, space: 'ascii' });
  const m = DATE.exec(plain);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[3] ?? m[5]);
  const day = Number(m[4] ?? m[6]);
  const iso = isRealDate(year, month, day) ? isoDate(year, month, day) : undefined;
  if (iso === text) return undefined;
  return { iso, year, month, day };
}
