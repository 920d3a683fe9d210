// What the first text of a line says it is, by its wording alone: a table caption
// (`表2-5`, `第1表`, `Table 12.`), a date line (`…現在`, `As of …`), a unit line
// (`（単位：千円）`, `[In thousands]`), a source (`資料：…`, `Source:`, `…課`) or a note
// (`注`, `※`, `a)`, `1)`, `Note:`, `X Not applicable`). One signal among others: the
// detector weighs it with the line's position and the cells around it.
import { memoText } from '../text/memoText.ts';

export type LineKind = 'caption' | 'date' | 'unit' | 'source' | 'note' | 'none';

const S = '[\\s\\u3000]*';
const CAPTION = new RegExp(
  `^${S}(?:[0-9０-９]{1,2}[-－][0-9０-９]{1,2}${S}$|See (?:notes|footnotes?|headnote)|第${S}[0-9０-９一二三四五六七八九十百ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+${S}[表図]|表${S}[0-9０-９]+(?:[-－‐ー―の.．][0-9０-９]+)*(?![0-9０-９])|(?:Table|TABLE)${S}[0-9A-Z]+(?:[-.][0-9A-Z]+)*[.:]?(?:\\s|$)|[0-9０-９]+(?:[-－‐][0-9０-９]+)+(?:[(（][0-9０-９]+[)）])?${S}[\\u3000 ][^\\s0-9０-９])`,
);
const DATE = new RegExp(
  `(?:現在${S}[)）]?${S}$|末${S}現在|月末${S}[)）]?${S}$|調査日|時点${S}[)）]?${S}$|^${S}[(（]?${S}(?:As of|as of|AS OF)\\b)`,
);
const UNIT = new RegExp(
  `^${S}(?:[(（［\\[【〔]${S})?(?:単位|[Uu]nit[s]?${S}[:：]|In (?:thousands|millions|billions|hundreds|percent|dollars|units)|in (?:thousands|millions|billions)|(?:Dollars|Percent)${S}(?:[.)）\\]]|$))`,
);
const SOURCE = new RegExp(
  `(?:^${S}[(（]?${S}(?:(?:資料|出典|出所|データ出典)${S}[:：)）]?|(?:Source|SOURCE)[sS]?${S}[:：)）])|(?:調べ|調|作成)${S}[)）]?${S}$|^${S}[(（]?[^\\s]{2,30}(?:課|局|部|室)${S}[)）]?${S}$)`,
);
const NOTE = new RegExp(
  `^${S}(?:注|※|\\*|＊|備考|\\(注|（注|〔注|［注|\\[注|[a-zA-Z][)）]|[0-9０-９]{1,2}[)）]|[（(][0-9０-９a-zA-Z]{1,2}[)）]|[①-⑳]|(?:Note|NOTE|Notes|NOTES|Footnotes?|FOOTNOTES?|Symbols?|SYMBOLS?|Explanation of symbols)\\b|X Not applicable|NA Not available|Z (?:Less|Fewer)|- Represents|r Revised|p Preliminary|[A-Z]{1,2} [A-Z][a-z]+ (?:than|applicable|available|zero|revised)|\\\\?[0-9]{1,2} (?:[A-Z][a-z]|For |Includes|Excludes|Data |Based |Estimate|Beginning|As of|See |Represents|Covers|Not |Total|Less))`,
);

/** What a line's first text says it is; each distinct short text is read once (`memoText`). */
export const lineKindOf: (text: string) => LineKind = memoText(lineKindUncached);

function lineKindUncached(text: string): LineKind {
  const t = text.length > 200 ? text.slice(0, 200) : text;
  if (NOTE.test(t)) return SOURCE.test(t) ? 'source' : 'note';
  if (SOURCE.test(t)) return 'source';
  if (UNIT.test(t)) return 'unit';
  if (DATE.test(t)) return 'date';
  if (CAPTION.test(t)) return 'caption';
  return 'none';
}

/** A sentence, over 30 characters ending in 。 or ，: a remark on the table, never a title or its caption. */
export function isSentence(text: string): boolean {
  const t = text.trim();
  return t.length > 30 && /[。．，、]$/.test(t);
}
