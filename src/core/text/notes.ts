// Notes under statistics tables, split into what the Level 2 metadata keeps: footnotes
// keyed by their mark (`1) …`, `a) …`, `※ …`, `注1 …`), plain remarks (`10月1日現在。`),
// and the source line (`資料　総務省統計局…「国勢調査報告」`) with the organisation that made it.
import type { TableNote } from '../model.ts';

const SOURCE = /^[\s\u3000]*(資料|出典|出所)[\s\u3000:：]*/;
// A mark opens a note at the start of the text or after white space or a full stop.
const MARK = /(?:^|(?<=[\s\u3000。．.]))((?:[a-zA-Z]|[0-9０-９]{1,2})[)）]|[(（](?:[a-zA-Z]|[0-9０-９]{1,2})[)）]|[①-⑳]|※[0-9０-９]*|注[0-9０-９]*[)）:：.．]?|\*{1,3})/g;

export interface ParsedNoteLine {
  notes: TableNote[];
  /** The source text (`総務省統計局…「国勢調査報告」…`), when the line is a source line. */
  source?: string;
}

export function parseNoteLine(line: string): ParsedNoteLine {
  const text = line.trim();
  const source = SOURCE.exec(text);
  if (source) return { notes: [], source: text.slice(source[0].length).trim() };
  const notes: TableNote[] = [];
  const marks = [...text.matchAll(MARK)];
  let at = 0;
  let mark: string | undefined;
  const flush = (end: number) => {
    const body = text.slice(at, end).trim();
    if (body || mark) notes.push(mark ? { mark, text: body } : { text: body });
  };
  for (const m of marks) {
    const start = m.index ?? 0;
    flush(start);
    mark = m[1];
    at = start + m[0].length;
  }
  flush(text.length);
  return { notes: notes.filter((n) => n.text !== '' || n.mark) };
}

/** The organisation in a source line: the text before its first 「 (the publication). */
export function creatorOf(source: string): string | undefined {
  const name = source.split(/[「『(（]/)[0].trim();
  return name === '' ? undefined : name;
}

// An organisation's name as a line or cell states it: kanji and kana only, ending in the
// unit that made the table (課, 局, 部, 室, 係) or a ministry or agency (省, 庁).
const ORGANISATION = /^[\u3005\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff・]{2,39}(?:課|局|部|室|係|省|庁)$/;
// In a header band only a name with its jurisdiction first counts (`神戸市企画調整局…`):
// column titles such as `東京都区部` or `総務部` are not who made the table.
const JURISDICTION_FIRST = /^.+?(?:省|庁|府|県|都|道|市|区|町|村).{2,}(?:課|局|部|室|係)$/;

/**
 * The organisation a line names as the table's maker: the creator of a 資料 / 出典 line,
 * or a line that is an organisation's name (`神戸市企画調整局政策企画部総合計画課`, maybe
 * with its English name after it). `strict` (for cells of a header band) asks for the
 * jurisdiction first and takes the name at the start of a longer title. Undefined when the
 * line names none.
 */
export function organisationOf(line: string, options: { strict?: boolean } = {}): string | undefined {
  const text = line.trim();
  const source = parseNoteLine(text).source;
  if (source !== undefined) return options.strict ? undefined : creatorOf(source);
  const [first, ...rest] = text.split(/[\s\u3000]+/);
  // After the name only its English form (`General Planning … Division`); in a header band a
  // flattened title may go on with the column's own words after a name with its jurisdiction.
  if (!options.strict && rest.some((w) => /[^\x20-\x7e]/.test(w))) return undefined;
  if (!ORGANISATION.test(first) || first.startsWith('第')) return undefined;
  if (options.strict && !JURISDICTION_FIRST.test(first)) return undefined;
  return first;
}
