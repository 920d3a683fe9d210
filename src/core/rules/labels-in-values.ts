// Rule `labels-in-values` (guide 手順4 「ラベル・脚注除去」, 総務省 1-2): footnote marks and
// labels written in the same cell as a value or a title — `a)343.4`, `1,234 1)`,
// `1,234※`, `343.4 r`, `約300人`, titles `人口集中\n地区　1)`, `a)市内他区\nから転入`, row
// labels `1300東京都①`. The guide's point (4): 「このセルの数値やタイトルを機械が取得するに
// は、セル値からラベルを除かなければならない」, and its Level 1 requirement 4: 「データセルの
// 末尾にも注釈などを入れない」. The fix keeps the value or title and moves the mark (or the
// 約) into a note attached to the cell and to the metadata.
//
// Which cells and how they are read (the parsers are `footnoteMarks.ts` and
// `numberText.ts`; the fix uses the same results through `labelsAt`):
// - data cells: first as a value (`a)343.4` → 343.4, `x 1)` → the symbol x); then an
//   approximate number (`約300人`: 約 is a label on the value; number-as-text also
//   reports the cell, and either fix leaves the other's part intact); otherwise, for text
//   such as a remark `2階のみ使用可 ※1`, as a title;
// - header, unit and key cells: as a title.
// Caption and note rows are left alone: they move to the metadata whole.
//
// The fix (`fixLabelsInValues`) reads the same findings: numbers become typed numbers the
// way number-as-text writes them (`shared/numberCells.ts`, so either fix can run first), titles and
// symbols lose the mark and the white space joining it, the mark goes to the cell note,
// and each mark is listed once in the metadata notes with the footnote text it refers to
// (from the metadata notes, else the table's note rows; `r`/`p` default to 訂正値/速報値,
// an undefined mark is listed with an empty text for the user to fill in).
import type { Change, CellChange } from '../changes.ts';
import { getCell, getFormat, getValue } from '../model.ts';
import type { TableStructure } from '../structure/types.ts';
import { type FootnoteMark, type MarkedText, type NoteDefinition, findFootnoteMarks, footnoteId, noteDefinitions } from '../text/footnoteMarks.ts';
import { type NumberText, formatUsesParenNegatives, parseNumberText } from '../text/numberText.ts';
import { joinNotes } from './shared/cellNote.ts';
import { type MetaDraft, draftChanges, metaDraft } from './shared/metaDraft.ts';
import { type NumberCell, numberCellChanges } from './shared/numberCells.ts';
import { forEachText } from './shared/textCells.ts';
import { type SheetView, cellRule, ruleMeta } from './types.ts';

const meta = ruleMeta({
  id: 'labels-in-values',
  level: 1,
  severity: 'error',
  family: 'value',
  guideRef: { guide: '手順4 ラベル・脚注除去', soumu: '1-2' },
  fixAll: { phase: 'values', order: 10 },
  title: { ja: '値に付いたラベル・脚注番号', en: 'Labels and footnote marks in values' },
  description: {
    ja: 'セルには値やタイトルだけを入れ、脚注番号（a)、1)、※ など）や「約」などのラベルは入れません。値やタイトルはそのまま残し、ラベルはセルの注記とメタデータに移します。',
    en: 'A cell should hold only its value or title, without footnote marks (a), 1), ※…) or labels such as 約 (about). The value or title stays; the label moves to a note on the cell and to the metadata.',
  },
  messages: {
    valueMark: {
      ja: '「{text}」には値 {value} に脚注番号「{mark}」が付いています。値だけを残し、「{mark}」は注記に移します。',
      en: '"{text}" has the footnote mark "{mark}" on the value {value}. The value stays; "{mark}" moves to a note.',
    },
    valueRevised: {
      ja: '「{text}」には値 {value} に訂正値を示す「{mark}」が付いています。値だけを残し、「訂正値」であることを注記に移します。',
      en: '"{text}" has the mark "{mark}" (revised) on the value {value}. The value stays; "revised" moves to a note.',
    },
    valuePreliminary: {
      ja: '「{text}」には値 {value} に速報値を示す「{mark}」が付いています。値だけを残し、「速報値」であることを注記に移します。',
      en: '"{text}" has the mark "{mark}" (preliminary) on the value {value}. The value stays; "preliminary" moves to a note.',
    },
    approx: {
      ja: '「{text}」には値 {value} にラベル「{mark}」が付いています。値だけを残し、「{mark}」（概数であること）は注記に移します。',
      en: '"{text}" has the label "{mark}" (approximate) on the value {value}. The value stays; "{mark}" moves to a note.',
    },
    titleMark: {
      ja: 'タイトル「{text}」に脚注番号「{mark}」が付いています。タイトルは「{rest}」とし、「{mark}」は注記に移します。',
      en: 'The title "{text}" carries the footnote mark "{mark}". The title becomes "{rest}"; "{mark}" moves to a note.',
    },
    textMark: {
      ja: '「{text}」に脚注番号「{mark}」が付いています。値は「{rest}」とし、「{mark}」は注記に移します。',
      en: '"{text}" carries the footnote mark "{mark}". The value becomes "{rest}"; "{mark}" moves to a note.',
    },
    moveToNote: {
      ja: '値やタイトルだけを残し、脚注番号・ラベルはセルの注記とメタデータに移します。',
      en: 'Keep the value or title; move the mark or label to a note on the cell and to the metadata.',
    },
  },
});

// Cheap pre-test: a mark character, a trailing r/p, or an approximation word.
const CANDIDATE = /[)）※*＊†‡注\u2460-\u2473]|[0-9０-９][\s\u3000]*[rpｒｐ][\s\u3000]*$|約|およそ|概ね/;
const APPROX_WORD = /約|およそ|概ね/;

export type LabelsFinding =
  | { kind: 'value'; marked: MarkedText }
  | { kind: 'approx'; number: NumberText }
  | { kind: 'title'; marked: MarkedText; inData: boolean };

/** What this rule (and its fix) finds in a cell, or undefined. */
export function labelsAt(view: SheetView, r: number, c: number): LabelsFinding | undefined {
  const v = getValue(view.sheet, r, c);
  if (typeof v !== 'string' || !CANDIDATE.test(v)) return undefined;
  const region = view.regionOf(r, c);
  if (region === 'data') {
    const opts = { parenNegative: formatUsesParenNegatives(getFormat(view.sheet, r, c)) };
    const value = findFootnoteMarks(v, 'value', opts);
    if (value) return { kind: 'value', marked: value };
    if (APPROX_WORD.test(v)) {
      const number = parseNumberText(v, opts);
      if (number?.approx !== undefined) return { kind: 'approx', number };
    }
    const text = findFootnoteMarks(v, 'title');
    return text ? { kind: 'title', marked: text, inData: true } : undefined;
  }
  if (region === 'header' || region === 'unit' || region === 'key') {
    const title = findFootnoteMarks(v, 'title');
    return title ? { kind: 'title', marked: title, inData: false } : undefined;
  }
  return undefined;
}

function shorten(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

// --- fix ---------------------------------------------------------------------------------

/** What a mark means when no note of the table defines it. */
const DEFAULT_MEANING: Partial<Record<FootnoteMark['kind'], string>> = { revised: '訂正値', preliminary: '速報値' };

const SENTENCE_END = /[。．.]$/;

/**
 * The footnotes the note rows of a table define, by id. Each note cell is read on its own
 * (tables put notes side by side: 26jinugoki's a)… in column A, d)… in column K); a cell
 * without a mark of its own continues the note above it in the same column while that
 * note's sentence is unfinished (a note wrapped over rows), and is a note of its own
 * otherwise (`資料　…` under `a) …を除き算出。`).
 */
function tableFootnotes(view: SheetView, t: TableStructure): Map<string, NoteDefinition> {
  const defs = new Map<string, NoteDefinition>();
  const rows = [...t.noteRows].sort((a, b) => a - b);
  for (let c = t.range.s.c; c <= t.range.e.c; c++) {
    let open: NoteDefinition | undefined;
    let last = -2;
    for (const r of rows) {
      const v = getValue(view.sheet, r, c);
      if (typeof v !== 'string' || v.trim() === '') continue;
      const found = noteDefinitions(v);
      const continues = open !== undefined && r === last + 1 && !SENTENCE_END.test(open.text);
      last = r;
      for (const d of found) {
        if (d.id === undefined) {
          if (continues && open) open.text += /[A-Za-z0-9]$/.test(open.text) && /^[A-Za-z0-9]/.test(d.text) ? ` ${d.text}` : d.text;
          else open = undefined;
          continue;
        }
        open = { ...d };
        if (!defs.has(d.id)) defs.set(d.id, open);
      }
    }
  }
  return defs;
}

/**
 * Where the fix finds what a mark means: the metadata notes (once the caption-notes fix
 * has moved the notes there), then the note rows under the mark's table.
 */
class Footnotes {
  /** Ids the metadata already lists: no second note for them. */
  private readonly listed = new Set<string>();
  private readonly byTable = new Map<TableStructure, Map<string, NoteDefinition>>();

  constructor(
    private readonly view: SheetView,
    private readonly draft: MetaDraft,
  ) {
    for (const n of draft.meta.notes) {
      if (n.mark !== undefined) this.listed.add(footnoteId(n.mark));
      else for (const d of noteDefinitions(n.text)) if (d.id !== undefined) this.listed.add(d.id);
    }
  }

  private tableNotes(t: TableStructure | undefined): Map<string, NoteDefinition> {
    if (!t) return new Map();
    let defs = this.byTable.get(t);
    if (!defs) this.byTable.set(t, (defs = tableFootnotes(this.view, t)));
    return defs;
  }

  /** Lists the marks of cell (r, c) in the metadata with the text they refer to, once per mark. */
  list(marks: readonly FootnoteMark[], r: number, c: number): void {
    for (const m of marks) {
      if (this.listed.has(m.id)) continue;
      this.listed.add(m.id);
      const def = this.tableNotes(this.view.tableAt(r, c)).get(m.id);
      this.draft.meta.notes.push({ mark: def?.mark ?? m.mark, text: def?.text ?? DEFAULT_MEANING[m.kind] ?? '' });
      this.draft.changed = true;
    }
  }
}

/**
 * Keeps each value or title and moves its marks to the cell note: a number (`a)343.4`,
 * `1,234 1)`, `約300人`) becomes a typed number as number-as-text writes it (unit to the
 * column, 約 to the note); a symbol (`x 2)`) or a title (`人口集中\n地区　1)`) loses the
 * mark and the white space that joined it. Each mark is listed once in the metadata notes
 * with the footnote text it refers to; one metadata change, last.
 */
export function fixLabelsInValues(view: SheetView): Change[] {
  const ruleId = 'labels-in-values';
  const numbers: NumberCell[] = [];
  const texts: CellChange[] = [];
  const draft = metaDraft(view.sheet);
  const footnotes = new Footnotes(view, draft);
  forEachText(view, (r, c) => {
    const found = labelsAt(view, r, c);
    if (!found) return;
    if (found.kind === 'approx') {
      numbers.push({ r, c, number: found.number, marks: [] });
      return;
    }
    const m = found.marked;
    footnotes.list(m.marks, r, c);
    const marks = m.marks.map((k) => k.mark);
    if (found.kind === 'value' && m.number) {
      numbers.push({ r, c, number: m.number, marks });
      return;
    }
    const before = getCell(view.sheet, r, c);
    const after = { ...before, value: m.rest };
    const note = joinNotes(before.note, marks);
    if (note !== undefined) after.note = note;
    texts.push({ kind: 'cell', sheetId: view.sheet.id, r, c, before, after, ruleId });
  });
  if (numbers.length === 0 && texts.length === 0) return [];
  const changes: Change[] = numberCellChanges(view, numbers, draft, ruleId);
  for (const ch of texts) changes.push(ch);
  for (const ch of draftChanges(view.sheet, draft, ruleId)) changes.push(ch);
  return changes;
}

export const labelsInValuesRule = cellRule({
  meta,
  scope: 'cell',
  textOnly: true,
  detectCell(view, r, c, report) {
    const found = labelsAt(view, r, c);
    if (!found) return;
    const fix = { fixId: 'moveToNote' } as const;
    if (found.kind === 'approx') {
      report('approx', { r, c }, { text: found.number.original, mark: found.number.approx!, value: found.number.text }, fix);
    } else if (found.kind === 'value') {
      const m = found.marked;
      const kinds = m.marks.map((k) => k.kind);
      const messageId = kinds.includes('revised') ? 'valueRevised' : kinds.includes('preliminary') ? 'valuePreliminary' : 'valueMark';
      report(messageId, { r, c }, { text: m.original, mark: m.mark, value: m.number ? m.number.text : m.symbol!.symbol }, fix);
    } else {
      const m = found.marked;
      report(found.inData ? 'textMark' : 'titleMark', { r, c }, { text: shorten(m.original), mark: m.mark, rest: shorten(m.rest.trim()) }, fix);
    }
  },
  fix: (view) => fixLabelsInValues(view),
  fixCompleteInOnePass: true,
});

export { labelsInValuesRule as rule };
