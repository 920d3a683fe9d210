// The spreadsheet view of the active sheet: AG Grid Community with column letters, row
// numbers, merged cells drawn as merged, hidden rows and columns marked, values
// formatted as Excel shows them. The grid never owns data: rows are just row indexes,
// values are read from the store's sheet, and edits go back as store commands
// (readOnlyEdit), so undo/redo and the worker replica see every change.
import {
  type CellClassParams,
  CellStyleModule,
  type BodyScrollEvent,
  type CellContextMenuEvent,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  InfiniteRowModelModule,
  type ITooltipParams,
  type NavigateToNextCellParams,
  ModuleRegistry,
  RowApiModule,
  PinnedRowModule,
  RenderApiModule,
  type RowClassParams,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TooltipModule,
  themeQuartz,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { editableText } from '../core/cellInput.ts';
import type { MergeIndex } from '../core/mergeIndex.ts';
import { type CellRange, type Sheet, cellKey, columnLetter, getCell, getFormat, getValue, rangeAddress } from '../core/model.ts';
import { formatValue } from '../core/numberFormat.ts';
import { clipText, storedValueText, typeKey } from './cellDescription.ts';
import { guideReference, violationMessage } from '../core/rules/messages.ts';
import { ruleById } from '../core/rules/registry.ts';
import type { RuleId, Violation } from '../core/rules/types.ts';
import type { Band, CellRegion, RowRole, SheetStructure } from '../core/structure/types.ts';
import type { FixPreview } from '../store/documentStore.ts';
import { type SheetFindings, violationsAt } from '../store/findings.ts';
import { estimateColumnWidths } from './columnWidths.ts';
import { normalRange, parseTsv, toTsv } from './clipboard.ts';
import type { MessageKey } from './i18n.ts';
import { useLang, useT } from './context.ts';
import { RowRoleMenu, type RowRoleMenuState, type ShapeEdit } from './RowRoleMenu.tsx';

// Only the features the grid uses (AllCommunityModule would add filters, sorting, the
// client-side row model, CSV export… to the bundle). A missing one makes AG Grid log
// "error #200" when its option or API call is used: the e2e tests fail on that.
ModuleRegistry.registerModules([
  InfiniteRowModelModule, // rowModelType="infinite", refreshInfiniteCache, setRowCount
  TextEditorModule, // editable cells
  TooltipModule, // tooltipValueGetter, headerTooltip
  CellStyleModule, // cellClass, cellClassRules
  RowStyleModule, // rowClassRules, getRowStyle
  RenderApiModule, // refreshCells
  RowApiModule, // getDisplayedRowAtIndex
  PinnedRowModule, // pinnedTopRowData (the title rows kept in view), getPinnedTopRow
  ScrollApiModule, // ensureIndexVisible, ensureColumnVisible
]);

interface RowRef {
  r: number;
  /** A copy of a title row kept at the top while the sheet scrolls. */
  pinned?: true;
}

/** The table holding `row` (or the first one below it) has a table after it on the sheet. */
function hasTableAfter(structure: SheetStructure | undefined, row: number): boolean {
  const tables = structure?.tables ?? [];
  const i = tables.findIndex((t) => row <= t.range.e.r);
  return i >= 0 && i + 1 < tables.length;
}

/** At most this many title rows are kept at the top: more would hide the data. */
const MAX_FROZEN = 4;
/** A sheet shorter than about a screen never scrolls its titles away: nothing is kept at the top. */
const FREEZE_FROM_ROWS = 30;

/** The title rows of the sheet's first table (not its caption or unit rows), kept in view while scrolling. */
function frozenRows(structure: SheetStructure | undefined, rowCount: number): RowRef[] {
  const t = structure?.tables[0];
  if (!t || rowCount < FREEZE_FROM_ROWS || t.dataRows.end < t.dataRows.start) return [];
  const rows: RowRef[] = [];
  for (let r = t.headerRows.start; r <= t.headerRows.end; r++) if (!t.unitRows.includes(r) && !t.captionRows.includes(r)) rows.push({ r, pinned: true });
  return rows.length <= MAX_FROZEN ? rows : [];
}

const ROW_HEADER = '__row';
const ROW_HEIGHT = 28;
// A stable empty list: AG Grid compares its options by identity.
const NO_ROWS: RowRef[] = [];
// A tooltip is for a glance: a few lines, not the details bar's thousand characters.
const TOOLTIP_TEXT_LIMIT = 200;
type Translate = ReturnType<typeof useT>;

// Module constants: AG Grid compares its options by identity, and a new defaultColDef on a
// render rebuilds every column (120 ms at 20 columns when the preview's findings arrive).
const DEFAULT_COL_DEF: ColDef<RowRef> = { sortable: false, suppressMovable: true, resizable: true, suppressHeaderMenuButton: true };
const rowId = (p: { data: RowRef }) => (p.data.pinned ? `top-${p.data.r}` : String(p.data.r));

const theme = themeQuartz.withParams({
  // The page's font (app.css). AG Grid quotes each name of a list itself: names written
  // with their quotes became '"Noto Sans CJK JP"' with the quotes, matched no font, and the
  // grid fell back to DejaVu Sans.
  fontFamily: 'inherit',
  fontSize: 13,
  rowHeight: ROW_HEIGHT,
  headerHeight: 30,
  spacing: 5,
  wrapperBorderRadius: 0,
  columnBorder: true,
  headerColumnBorder: true,
});

export interface SheetGridProps {
  sheet: Sheet;
  /**
   * What the grid shows: the document and the sheet. While it stays the same (a big
   * file's preview replaced by the whole sheet, rows added or removed by a fix) the rows
   * are reloaded in place and the view does not move; a new key starts at the top.
   */
  viewKey: string;
  date1904: boolean;
  version: number;
  merges: MergeIndex;
  findings?: SheetFindings;
  activeRuleId?: RuleId | null;
  focus?: { r: number; c: number; seq: number } | null;
  /** A fix being previewed: the cells it changes are marked. */
  preview?: FixPreview | null;
  readOnly?: boolean;
  onEdit(r: number, c: number, text: string): void;
  onSelect(r: number, c: number): void;
  /** Ctrl+V: the clipboard's rows for the selected range (one undoable command). */
  onPaste(range: CellRange, rows: string[][]): void;
  /** 「行の役割」 chosen in the context menu for these rows. */
  onMarkRows?(rows: Band, role: RowRole): void;
  /** 「ここで表を分ける」 chosen in the context menu: a table starts at this row. */
  onSplitAt?(row: number): void;
  /** Rows or columns inserted or deleted from the context menu. */
  onShape?: ShapeEdit;
  /** 「表をつなげる」: the table holding this row and the next one become one. */
  onJoinAt?(row: number): void;
}

/** Line breaks inside a cell show as ↵ so they are visible in a one-line grid row. */
function displayText(sheet: Sheet, r: number, c: number, date1904: boolean, t: Translate): string {
  const text = clipText(formatValue(getValue(sheet, r, c), getFormat(sheet, r, c), date1904), (count) => t('details.clipped', { count }));
  return text.replace(/\r?\n/g, ' ↵ ');
}

/** Caption, header, unit, data or note: what a row is, for the row-number column. */
function rowRegion(structure: SheetStructure | undefined, r: number): CellRegion | undefined {
  for (const t of structure?.tables ?? []) {
    if (r < t.range.s.r || r > t.range.e.r) continue;
    if (t.captionRows.includes(r)) return 'caption';
    if (t.noteRows.includes(r)) return 'note';
    if (t.unitRows.includes(r)) return 'unit';
    if (r >= t.headerRows.start && r <= t.headerRows.end) return 'header';
    if (r >= t.dataRows.start && r <= t.dataRows.end) return 'data';
  }
  return undefined;
}

const REGION_LABEL: Record<CellRegion, MessageKey | undefined> = {
  caption: 'region.caption',
  header: 'region.header',
  unit: 'region.unit',
  note: 'region.note',
  data: 'region.data',
  key: undefined,
  outside: undefined,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const area = (v: Violation) => (v.range.e.r - v.range.s.r + 1) * (v.range.e.c - v.range.s.c + 1);

/**
 * Findings about a whole block (a table among several) are marked lightly, not tinted. A
 * run down one column (blank years under a year) is about each of its cells: tinted.
 */
const WIDE = 40;
const isWide = (v: Violation) => area(v) > WIDE && v.range.e.c > v.range.s.c;

/**
 * The violation that decides a cell's colour: the most specific one first (a problem with
 * this cell beats a problem with the whole table it sits in), then the most severe.
 */
function leading(list: Violation[]): Violation | undefined {
  let best: Violation | undefined;
  let bestRank = Infinity;
  for (const v of list) {
    const meta = ruleById(v.ruleId)?.meta;
    const rank = (isWide(v) ? 10 : 0) + (meta ? SEVERITY_ORDER[v.severity ?? meta.severity] : 3);
    if (rank < bestRank) {
      best = v;
      bestRank = rank;
    }
  }
  return best;
}

/** After the frame that is being prepared has been painted. */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

const inRange = (range: CellRange | null, r: number, c: number) => !!range && r >= range.s.r && r <= range.e.r && c >= range.s.c && c <= range.e.c;

/** The range as the sheet shows it, one text per cell (cells a merge covers are empty, as in Excel). */
function rangeTexts(sheet: Sheet, range: CellRange, merges: MergeIndex, date1904: boolean): string[][] {
  const rows: string[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const m = merges.at(r, c);
      row.push(m && (m.s.r !== r || m.s.c !== c) ? '' : formatValue(getValue(sheet, r, c), getFormat(sheet, r, c), date1904));
    }
    rows.push(row);
  }
  return rows;
}

export function SheetGrid({ sheet, viewKey, date1904, version, merges, findings: found, activeRuleId, focus, preview, readOnly, onEdit, onSelect, onPaste, onMarkRows, onSplitAt, onShape, onJoinAt }: SheetGridProps) {
  const t = useT();
  const lang = useLang();
  const api = useRef<GridApi<RowRef> | null>(null);
  // Cells are tinted once a view's first rows are on screen: a big file's findings arrive
  // while its first rows are being drawn, and redrawing them then held the rows up ~40 ms.
  const [paintedView, setPaintedView] = useState<string | null>(null);
  const findings = paintedView === viewKey ? found : undefined;
  const painting = useRef<string | null>(null);
  // The infinite row model asks for rows block by block as the user scrolls: no row
  // objects are built up front, so a 1,000,000-row sheet opens as fast as a 100-row one.
  // The datasource reads the sheet through a ref so that it only changes with the view:
  // replacing it sends AG Grid back to the first row.
  const shownSheet = useRef(sheet);
  // eslint-disable-next-line react-hooks/refs -- AG Grid asks for rows outside React, at any time: the ref must hold this render's sheet before the grid next asks.
  shownSheet.current = sheet;
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        const rowCount = shownSheet.current.rowCount;
        const end = Math.min(params.endRow, rowCount);
        const rows: RowRef[] = [];
        for (let r = params.startRow; r < end; r++) rows.push({ r });
        params.successCallback(rows, rowCount);
        if (painting.current !== viewKey) {
          painting.current = viewKey;
          afterPaint(() => setPaintedView(viewKey));
        }
      },
    }),
    [viewKey],
  );
  const hiddenRows = useMemo(() => new Set(sheet.hiddenRows), [sheet.hiddenRows]);
  const pinnedTop = useMemo(() => frozenRows(findings?.structure, sheet.rowCount), [findings?.structure, sheet.rowCount]);
  // The copies of the title rows appear once the rows themselves have scrolled out of view
  // (at the top the sheet shows its own rows once, as Excel's frozen panes do).
  const [scrolledPast, setScrolledPast] = useState(false);
  const lastTitle = pinnedTop.length ? pinnedTop[pinnedTop.length - 1].r : -1;
  const onBodyScroll = useCallback((e: BodyScrollEvent<RowRef>) => setScrolledPast(lastTitle >= 0 && Math.floor(e.top / ROW_HEIGHT) > lastTitle), [lastTitle]);
  const hiddenCols = useMemo(() => new Set(sheet.hiddenCols), [sheet.hiddenCols]);
  // Measured again after every change of shape (a fix that adds, removes or unmerges rows
  // and columns), never on a plain edit: widths must not jump while the user types.
  const shape = `${sheet.rowCount}×${sheet.columns.length}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `shape`: fixes reshape the sheet object in place.
  const widths = useMemo(() => estimateColumnWidths(sheet, date1904, merges), [sheet, date1904, merges, shape]);

  // What changes often (analysis results, the picked rule, the language) is read through
  // a ref by the cell callbacks, so the column definitions stay the same object and AG
  // Grid only repaints the visible cells instead of rebuilding every column.
  const previewCells = useMemo(() => {
    const keys = new Set<number>();
    if (preview && preview.sheetId === sheet.id) for (const ch of preview.changes) if (ch.kind === 'cell') keys.add(cellKey(ch.r, ch.c));
    return keys;
  }, [preview, sheet.id]);
  // The selected range (our own: AG Grid's cell selection is Enterprise): the anchor stays
  // where the selection started, the focused cell is its other corner.
  const selection = useRef<{ anchor: { r: number; c: number }; at: { r: number; c: number }; range: CellRange } | null>(null);
  // Whether focus moves stretch the range: set by each navigation key (through the grid's
  // navigateToNextCell, which sees the key before the focus moves) and each click, with
  // Shift held.
  const extending = useRef(false);
  const host = useRef<HTMLDivElement>(null);
  const live = useRef({ findings, activeRuleId, t, lang, previewCells });
  // eslint-disable-next-line react-hooks/refs -- AG Grid calls the cell callbacks outside React, also while it applies this render's props, before any effect of ours runs: the ref must already hold this render's values.
  live.current = { findings, activeRuleId, t, lang, previewCells };

  // Fixes add and remove columns on the same sheet object.
  const columnCount = sheet.columns.length;
  const columnDefs = useMemo<ColDef<RowRef>[]>(() => {
    const rowHeader: ColDef<RowRef> = {
      colId: ROW_HEADER,
      headerName: '',
      pinned: 'left',
      width: 64,
      editable: false,
      resizable: false,
      valueGetter: (p) => (p.data ? p.data.r + 1 : ''),
      cellClass: (p) => {
        if (!p.data) return 'row-header';
        const classes = ['row-header'];
        if (hiddenRows.has(p.data.r)) classes.push('row-header-hidden');
        const region = rowRegion(live.current.findings?.structure, p.data.r);
        if (region) classes.push(`region-${region}`);
        return classes;
      },
      tooltipValueGetter: (p) => {
        if (!p.data) return undefined;
        const lines: string[] = [];
        const { t, findings } = live.current;
        const key = REGION_LABEL[rowRegion(findings?.structure, p.data.r) ?? 'outside'];
        if (key) lines.push(t(key));
        if (hiddenRows.has(p.data.r)) lines.push(t('grid.hiddenRow'));
        return lines.length ? lines.join('\n') : undefined;
      },
    };
    const cols: ColDef<RowRef>[] = Array.from({ length: columnCount }, (_, c) => {
      const topLeft = (r: number) => {
        const m = merges.at(r, c);
        return m && m.s.r === r && m.s.c === c ? m : undefined;
      };
      return {
        colId: String(c),
        headerName: columnLetter(c),
        headerClass: hiddenCols.has(c) ? 'col-hidden' : undefined,
        headerTooltip: hiddenCols.has(c) ? t('grid.hiddenCol') : undefined,
        width: widths[c],
        cellDataType: false,
        // The editor starts from what the user would type, never from the formatted text.
        valueGetter: (p) => (p.data ? editableText(getCell(sheet, p.data.r, c)) : ''),
        valueFormatter: (p) => (p.data ? displayText(sheet, p.data.r, c, date1904, live.current.t) : ''),
        editable: (p) => {
          if (readOnly || !p.data) return false;
          const m = merges.at(p.data.r, c);
          return !m || (m.s.r === p.data.r && m.s.c === c);
        },
        // Every row of a merge spans its width at the merge's first column; only the first
        // row spans its height, and its background hides the rows it covers.
        colSpan: (p) => {
          if (!p.data) return 1;
          const m = merges.at(p.data.r, c);
          return m && m.s.c === c ? m.e.c - m.s.c + 1 : 1;
        },
        rowSpan: (p) => {
          const m = p.data && !p.data.pinned ? topLeft(p.data.r) : undefined;
          return m ? m.e.r - m.s.r + 1 : 1;
        },
        cellClassRules: {
          'cell-merged': (p: CellClassParams<RowRef>) => !!p.data && !!topLeft(p.data.r),
          'cell-merge-covered': (p: CellClassParams<RowRef>) => {
            if (!p.data) return false;
            const m = merges.at(p.data.r, c);
            return !!m && !(m.s.r === p.data.r && m.s.c === c);
          },
          'cell-number': (p: CellClassParams<RowRef>) => !!p.data && typeof getValue(sheet, p.data.r, c) === 'number',
          'cell-hidden-col': () => hiddenCols.has(c),
          'cell-in-range': (p: CellClassParams<RowRef>) => {
            const range = selection.current?.range ?? null;
            return !!p.data && !!range && (range.s.r !== range.e.r || range.s.c !== range.e.c) && inRange(range, p.data.r, c);
          },
        },
        cellClass: (p) => {
          if (!p.data) return undefined;
          const { findings, activeRuleId, previewCells } = live.current;
          if (previewCells.has(cellKey(p.data.r, c))) return ['preview-changed'];
          const found = violationsAt(findings, p.data.r, c);
          if (found.length === 0) return undefined;
          const lead = leading(found);
          const family = lead ? ruleById(lead.ruleId)?.meta.family : undefined;
          const classes = lead && isWide(lead) ? ['v', 'v-wide', `v-wide-${family ?? 'structure'}`] : ['v', `v-${family ?? 'structure'}`];
          if (activeRuleId && found.some((v) => v.ruleId === activeRuleId)) classes.push('v-active');
          return classes;
        },
        tooltipValueGetter: (p: ITooltipParams<RowRef>) => {
          const data = p.data as RowRef | undefined;
          if (!data) return undefined;
          const { t, lang, findings } = live.current;
          const r = data.r;
          const value = getValue(sheet, r, c);
          const format = getFormat(sheet, r, c);
          const lines: string[] = [];
          const m = merges.at(r, c);
          if (m) lines.push(t('grid.merged', { range: rangeAddress(m) }));
          if (hiddenRows.has(r)) lines.push(t('grid.hiddenRow'));
          if (hiddenCols.has(c)) lines.push(t('grid.hiddenCol'));
          if (value !== null) {
            lines.push(`${t('details.value')}: ${clipText(storedValueText(value), (count) => t('details.clipped', { count }), TOOLTIP_TEXT_LIMIT)} (${t(typeKey(value, format))})`);
            if (format !== 'General') lines.push(`${t('details.format')}: ${format}`);
          }
          for (const v of violationsAt(findings, r, c)) {
            const meta = ruleById(v.ruleId)?.meta;
            if (!meta) continue;
            // A finding about a whole block (a table, a header band) is told once, on its
            // first cell, not on each of its thousands of cells (the colour marks the rest).
            if (isWide(v) && (r !== v.range.s.r || c !== v.range.s.c)) continue;
            lines.push(`【${meta.title[lang]}】${violationMessage(v, lang)}(${guideReference(meta, lang)})`);
          }
          return lines.length > 0 ? lines.join('\n') : undefined;
        },
      };
    });
    return [rowHeader, ...cols];
  }, [sheet, columnCount, merges, hiddenRows, hiddenCols, date1904, readOnly, widths, t]);

  // Same view, other rows (the whole sheet after its preview, rows a fix removed): reload
  // the row blocks where they are, keeping the rows on screen and the focused cell.
  const loaded = useRef({ viewKey, sheet, rowCount: sheet.rowCount });
  useEffect(() => {
    const before = loaded.current;
    loaded.current = { viewKey, sheet, rowCount: sheet.rowCount };
    const grid = api.current;
    if (!grid || before.viewKey !== viewKey || (before.sheet === sheet && before.rowCount === sheet.rowCount)) return;
    grid.setRowCount(sheet.rowCount, true);
    grid.refreshInfiniteCache();
  }, [viewKey, sheet, sheet.rowCount]);

  // Content or findings changed in the store (edit, undo, redo, analysis): redraw the rendered cells.
  useEffect(() => {
    api.current?.refreshCells({ force: true });
  }, [version, findings, activeRuleId, lang, previewCells]);

  // The panel asked to show a cell: scroll it into view and focus it.
  useEffect(() => {
    const grid = api.current;
    if (!grid || !focus) return;
    grid.ensureIndexVisible(focus.r, 'middle');
    grid.ensureColumnVisible(String(focus.c), 'auto');
    extending.current = false;
    grid.setFocusedCell(focus.r, String(focus.c));
  }, [focus]);

  const onGridReady = useCallback((e: GridReadyEvent<RowRef>) => {
    api.current = e.api;
  }, []);

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<RowRef>) => {
      const c = Number(e.column.getColId());
      if (!e.data || Number.isNaN(c)) return;
      onEdit(e.data.r, c, e.newValue == null ? '' : String(e.newValue));
    },
    [onEdit],
  );

  const onCellFocused = useCallback(
    (e: CellFocusedEvent<RowRef>) => {
      const colId = typeof e.column === 'string' ? e.column : e.column?.getColId();
      const extend = extending.current;
      if (e.rowIndex == null || !colId || colId === ROW_HEADER) return;
      const node = e.rowPinned === 'top' ? e.api.getPinnedTopRow(e.rowIndex) : e.api.getDisplayedRowAtIndex(e.rowIndex);
      if (!node?.data) return;
      const at = { r: node.data.r, c: Number(colId) };
      const before = selection.current;
      // The grid tells again of the cell it already has (after a redraw): the range stays.
      if (before && before.at.r === at.r && before.at.c === at.c) return;
      const anchor = extend && before ? before.anchor : at;
      selection.current = { anchor, at, range: normalRange(anchor, at) };
      const wasRange = !!before && (before.range.s.r !== before.range.e.r || before.range.s.c !== before.range.e.c);
      if (wasRange || anchor !== at) e.api.refreshCells({ force: true });
      onSelect(at.r, at.c);
    },
    [onSelect],
  );

  // Copy and paste through the browser's own clipboard events: they carry the clipboard's
  // text both ways without asking for a permission, and do nothing while a cell editor
  // (an input) has the focus, so text copied inside a cell stays the editor's business.
  const clip = useRef({ sheet, merges, date1904, readOnly, onPaste });
  // eslint-disable-next-line react-hooks/refs -- the document's clipboard listeners run outside React and must see this render's sheet.
  clip.current = { sheet, merges, date1904, readOnly, onPaste };
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const gridHasFocus = () => {
      const active = document.activeElement;
      return !!active && el.contains(active) && !(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement);
    };
    const onMouseDown = (e: MouseEvent) => {
      extending.current = e.shiftKey;
    };
    const onCopy = (e: ClipboardEvent) => {
      const range = selection.current?.range;
      if (!range || !gridHasFocus() || !e.clipboardData) return;
      const { sheet, merges, date1904 } = clip.current;
      e.clipboardData.setData('text/plain', toTsv(rangeTexts(sheet, range, merges, date1904)));
      e.preventDefault();
    };
    const onPasteEvent = (e: ClipboardEvent) => {
      const range = selection.current?.range;
      if (!range || !gridHasFocus() || !e.clipboardData) return;
      e.preventDefault();
      if (clip.current.readOnly) return;
      const rows = parseTsv(e.clipboardData.getData('text/plain'));
      if (rows.length) clip.current.onPaste(range, rows);
    };
    el.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPasteEvent);
    return () => {
      el.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPasteEvent);
    };
  }, []);

  // 「行の役割」: for the selected rows when the click is inside the selection, else for the row clicked.
  const [menu, setMenu] = useState<RowRoleMenuState | null>(null);
  const menuRows = (r: number): Band => {
    const range = selection.current?.range;
    return range && r >= range.s.r && r <= range.e.r ? { start: range.s.r, end: range.e.r } : { start: r, end: r };
  };
  const onCellContextMenu = useCallback(
    (e: CellContextMenuEvent<RowRef>) => {
      if (readOnly || !onMarkRows || !e.data) return;
      const mouse = e.event instanceof MouseEvent ? e.event : undefined;
      const box = host.current?.getBoundingClientRect();
      const col = Number(e.column.getColId());
      setMenu({ rows: menuRows(e.data.r), col: Number.isNaN(col) ? 0 : col, x: mouse?.clientX ?? box?.left ?? 0, y: mouse?.clientY ?? box?.top ?? 0 });
    },
    [readOnly, onMarkRows],
  );
  const onGridKeyDown = (e: React.KeyboardEvent) => {
    if (readOnly || !onMarkRows || !(e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) return;
    const at = selection.current?.at;
    if (!at) return;
    const cell = (document.activeElement as HTMLElement | null)?.getBoundingClientRect();
    e.preventDefault();
    setMenu({ rows: menuRows(at.r), col: at.c, x: cell?.left ?? 0, y: cell?.bottom ?? 0 });
  };
  const closeMenu = useCallback(() => setMenu(null), []);

  const navigateToNextCell = useCallback((p: NavigateToNextCellParams<RowRef>) => {
    extending.current = p.event?.shiftKey === true;
    return p.nextCellPosition;
  }, []);

  // Another sheet or file: the range selected on the old one means nothing here.
  useEffect(() => {
    selection.current = null;
  }, [viewKey]);

  // Rows where a row-spanning merge starts must paint above the rows it covers; when
  // merges start on consecutive rows, the upper row must win, hence a falling z-index.
  const spanStarts = useMemo(() => new Set(sheet.merges.filter((m) => m.e.r > m.s.r).map((m) => m.s.r)), [sheet.merges]);
  const getRowStyle = useCallback(
    (p: RowClassParams<RowRef>) => (p.data && spanStarts.has(p.data.r) ? { zIndex: String(2_000_000 - p.data.r) } : undefined),
    [spanStarts],
  );
  const rowClassRules = useMemo(
    () => ({
      'row-hidden': (p: RowClassParams<RowRef>) => !!p.data && hiddenRows.has(p.data.r),
      'row-span-start': (p: RowClassParams<RowRef>) => !!p.data && spanStarts.has(p.data.r),
    }),
    [hiddenRows, spanStarts],
  );

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- the keys reach the grid's own cells; this only opens their context menu.
    <div className="grid-host" data-testid="sheet-grid" ref={host} onKeyDown={onGridKeyDown}>
      <AgGridReact<RowRef>
        theme={theme}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={200}
        infiniteInitialRowCount={Math.min(1, sheet.rowCount)}
        blockLoadDebounceMillis={0}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        getRowId={rowId}
        pinnedTopRowData={scrolledPast ? pinnedTop : NO_ROWS}
        onBodyScroll={onBodyScroll}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        onCellFocused={onCellFocused}
        onCellContextMenu={onCellContextMenu}
        preventDefaultOnContextMenu={!!onMarkRows && !readOnly}
        navigateToNextCell={navigateToNextCell}
        suppressRowTransform
        rowClassRules={rowClassRules}
        getRowStyle={getRowStyle}
        tooltipShowDelay={400}
        rowBuffer={4}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        onGridReady={onGridReady}
      />
      {menu && (
        <RowRoleMenu
          menu={menu}
          onClose={closeMenu}
          onPick={(role) => onMarkRows?.(menu.rows, role)}
          onSplit={onSplitAt && (() => onSplitAt(menu.rows.start))}
          onJoin={onJoinAt && hasTableAfter(found?.structure, menu.rows.start) ? () => onJoinAt(menu.rows.start) : undefined}
          onShape={onShape}
        />
      )}
    </div>
  );
}
