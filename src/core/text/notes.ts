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
