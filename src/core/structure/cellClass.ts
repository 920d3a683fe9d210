// A coarse, fast classification of one cell for structure detection: is it a number (or
// text standing for one), a period label, a date, a unit note, a note marker, or plain
// text? Exact parsing belongs to the rules (text/numberText.ts, wareki.ts); here only
// the shape matters, for every cell of sheets with millions of cells.
import type { CellValue } from '../model.ts';
import { GENERAL, isCellError } from '../model.ts';
import { isDateFormat } from '../numberFormat.ts';
import { memoText } from '../text/memoText.ts';

export const enum CellClass {
  Empty = 0,
  Number = 1, // typed number, or text that is one (`1,894.2`, `１，２００人`, `△5`, `a)343.4`)
  Symbol = 2, // statistical placeholder standing in for a number (`...`, `x`, `－`, `***`)
  Period = 3, // `平成 22 年`, `2010年度`, `7-9月`, `１月中`, `23 年`
  Date = 4, // a date serial with a date format, or date or time text (`H30.3.31`, `2019/4/1`, `01:21:32`)
  Unit = 5, // `(1,000人)`, `(%)`, `（単位：千円）`
  Text = 6,
}

// Number text, as one anchored shape (run on trimmed text, so that no two whitespace runs
// meet and backtracking stays linear): a footnote mark or 約 in front; a sign (- − － ＋ △ ▲)
// and a currency mark; digits, ASCII or full-width, either grouped in threes with , or ，
// or not grouped at all (`1234`, `１２３４`); decimals; then a unit or a mark behind
// (`人`, `千円`, `%`, `1)`, `※2`).
const NUMBER_TEXT =
  /^(?:(?:[a-zA-Z][)）]|[(（]?[0-9０-９]{1,2}[)）]|※|約)[\s\u3000]*)?(?:[-−－△▲+＋][\s\u3000]*)?(?:[$¥￥][\s\u3000]*)?(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?(?:[\s\u3000]*(?:[%％]|[a-zA-Z][)）]|[0-9０-９]{1,2}[)）]|※[0-9０-９]?|[rpＲＰ]|[^\s\u3000\d０-９]{1,3}))?$/;
const BARE_DIGITS = /^[0-9]{4,}$/;
const SYMBOL = /^[\s\u3000]*(?:x|X|ｘ|Ｘ|\*{1,3}|＊{1,3}|-|－|‐|―|−|–|—|…|\.{2,3}|・{2,3}|…+|ー|─|\/|\((?:NA|X|Z|D|S|B|NS|N|L|\*)\)|NA|N\/A|n\/a|na|[Nn]ot [Aa]vailable|NOT AVAILABLE|[Nn]\.[Aa]\.|[○×△◎●◯✓✔])[\s\u3000]*$/;
const PERIOD =
  /^[\s\u3000]*(?:(?:明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR]|[㍾㍽㍼㍻㋿])[\s\u3000]*)?(?:[0-9０-９]{1,4}|元)[\s\u3000]*年(?:度)?(?:[\s\u3000]*[0-9０-９]{1,2}(?:[-－~～〜][0-9０-９]{1,2})?[\s\u3000]*月)?(?:[\s\u3000]*[0-9０-９]{1,2}[\s\u3000]*日)?[\s\u3000]*(?:[（(].*[)）])?[\s\u3000]*$|^[\s\u3000]*[0-9０-９]{1,2}(?:[-－~～〜][0-9０-９]{1,2})?[\s\u3000]*月(?:中|分|末)?[\s\u3000]*$|^[\s\u3000]*(?:第?[0-9０-９１-４][\s\u3000]*四半期|[1-4１-４]Q)[\s\u3000]*$/;
const DATE_TEXT =
  /^[\s\u3000]*(?:[0-9]{1,2}:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?|(?:[MTSHR]|明治|大正|昭和|平成|令和)[\s\u3000]*[0-9０-９元]{1,2}[.．/／年][\s\u3000]*[0-9０-９]{1,2}[.．/／月][\s\u3000]*[0-9０-９]{1,2}日?|[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?(?:[ T][0-9]{1,2}:[0-5][0-9](?::[0-5][0-9])?)?)[\s\u3000]*$/;
const UNIT = /^[\s\u3000]*[（(][^()（）]{0,24}[)）][\s\u3000]*$/;
const UNIT_WORDS = /単位|^[（(][\s\u3000]*[0-9０-９,，.]*[\s\u3000]*(?:千|百万|万|億|十億)?[\s\u3000]*(?:人|円|%|％|‰|世帯|戸|件|台|t|ト|トン|kg|ｋｇ|g|平方km|平方ｋｍ|平方キロメートル|平方m|平方メートル|km|ｋｍ|m|ha|a|歳|日|時間|分|箇所|か所|ヵ所|校|店|社|本|頭|羽|隻|機|床|床数|点|回|冊|枚|部|個|ha|㎡|m2|m²|km2|km²|kℓ|ℓ|l|L|kWh|MWh|GWh|百万kWh|千kWh)(?:[/／][^)）]+)?[\s\u3000]*[)）]/;
const NOTE_START =
  /^[\s\u3000]*(?:注|※|\*|＊|資料|出典|出所|備考|\(注\)|（注）|〔注〕|［注］|\[注\]|注[0-9０-９]|[a-zA-Z][)）]|[0-9０-９]{1,2}[)）]|[（(][0-9０-９a-zA-Z]{1,2}[)）]|[①-⑳])/;

/** A number shown as a year, month or day of a date: `"平""成"0"年"` (28 → 平成28年), `0"月1日"`. */
const PERIOD_FORMAT = /"[^"]*[年月日][^"]*"|\\[年月日]/;

export function classifyValue(value: CellValue, format: string): CellClass {
  if (value === null) return CellClass.Empty;
  if (typeof value === 'number') return format === GENERAL ? CellClass.Number : numberClassOf(format);
  if (typeof value === 'boolean' || isCellError(value)) return CellClass.Text;
  return classifyText(value);
}

/** The class of a typed number by its format; a sheet has a handful of formats, each worked out once. */
const numberClassOf: (format: string) => CellClass = memoText((format) => (isDateFormat(format) ? CellClass.Date : PERIOD_FORMAT.test(format) ? CellClass.Period : CellClass.Number), 1_000, 200);

/** The class of a text cell; each distinct short text is classified once (`memoText`). */
export const classifyText: (text: string) => CellClass = memoText(classifyTextUncached);

function classifyTextUncached(text: string): CellClass {
  if (text.trim() === '') return CellClass.Empty;
  if (SYMBOL.test(text)) return CellClass.Symbol;
  if (PERIOD.test(text)) return CellClass.Period;
  if (DATE_TEXT.test(text)) return CellClass.Date;
  const trimmed = text.trim();
  // Four or more bare ASCII digits kept as text (`102016`, `2020100000`, `0911`) are
  // identifiers in practice — a spreadsheet stores a number typed as such as a number —
  // and the column judgement (detect.ts) counts digit-only text as codes: left as text.
  if (BARE_DIGITS.test(trimmed)) return CellClass.Text;
  if (NUMBER_TEXT.test(trimmed)) return CellClass.Number;
  if (UNIT.test(text) && UNIT_WORDS.test(text)) return CellClass.Unit;
  return CellClass.Text;
}

/** Text that opens a note row: 注, ※, 資料, 出典, a), 1), (1)… */
export function isNoteStart(text: string): boolean {
  return NOTE_START.test(text);
}

/** A caption-row unit note at the right edge: `(単位:千ト)`, `（単位：人，‰）`. */
export function isUnitNote(text: string): boolean {
  return UNIT.test(text) && UNIT_WORDS.test(text);
}
