// Page layout: toolbar, messages, progress, sheet tabs, details bar, grid.
import { useCallback, useEffect, useMemo } from 'react';
import { buildMergeIndex } from '../core/mergeIndex.ts';
import { type CellRange, newSheet } from '../core/model.ts';
import { pasteCommand } from './clipboard.ts';
import { activeSheet, isDirty } from '../store/documentStore.ts';
import { CellDetails } from './CellDetails.tsx';
import { useDoc, useDocumentStore, useLang, useT } from './context.ts';
import { DropOverlay } from './FileDrop.tsx';
import { LoadProgress } from './LoadProgress.tsx';
import { ErrorAlert, FailureAlert, ReadWarnings } from './Messages.tsx';
import { SheetGrid } from './SheetGrid.tsx';
import { StructurePanel } from './StructurePanel.tsx';
import { FixPreview } from './FixPreview.tsx';
import { FixAllPreview } from './FixAllPreview.tsx';
import { MetadataPanel } from './MetadataPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { FindReplace } from './FindReplace.tsx';
import { RestoreBanner } from './RestoreBanner.tsx';
import { RecipeReport, useRecipeReport } from './RecipeControls.tsx';
import { ViolationsPanel } from './ViolationsPanel.tsx';
import { SHEET_PANEL_ID, SheetTabs, sheetTabId } from './SheetTabs.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useUndoShortcuts } from './useUndoShortcuts.ts';
import { formatCount } from './i18n.ts';

const NO_SHEET = newSheet('none', '', 0, 0);

export function App() {
  const t = useT();
  const lang = useLang();
  const store = useDocumentStore();
  const sheet = useDoc(activeSheet);
  const date1904 = useDoc((s) => s.workbook?.date1904 ?? false);
  const version = useDoc((s) => s.version);
  // The file and the sheet: a big file's preview and its whole sheet share it.
  const viewKey = useDoc((s) => (s.workbook ? `${s.workbook.source.fileName}|${s.workbook.source.byteLength}|${s.activeSheetId}` : ''));
  const loading = useDoc((s) => s.loading !== null);
  const fixing = useDoc((s) => s.fixing);
  const previewRows = useDoc((s) => s.loading?.preview);
  const undo = useDoc((s) => s.undo);
  const redo = useDoc((s) => s.redo);
  const editCell = useDoc((s) => s.editCell);
  const editShape = useDoc((s) => s.editShape);
  const markRows = useDoc((s) => s.markRows);
  const splitAt = useDoc((s) => s.splitTableAt);
  const joinAt = useDoc((s) => s.joinTableAt);
  const select = useDoc((s) => s.select);
  const findings = useDoc((s) => (s.activeSheetId ? s.findings[s.activeSheetId] : undefined));
  const activeRuleId = useDoc((s) => s.activeRuleId);
  const focus = useDoc((s) => s.focus);
  const preview = useDoc((s) => s.preview);
  const [recipeReport, setRecipeReport] = useRecipeReport();
  useUndoShortcuts(undo, redo);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const openFile = useCallback(
    (file: File) => {
      if (store.getState().loading) return;
      if (isDirty(store.getState()) && !window.confirm(t('confirm.discard'))) return;
      void store.getState().openFile(file);
    },
    [store, t],
  );

  const merges = useMemo(() => buildMergeIndex(sheet?.merges ?? []), [sheet?.merges]);

  const paste = useCallback(
    (range: CellRange, rows: string[][]) => {
      const state = store.getState();
      const shown = activeSheet(state);
      if (!state.workbook || !shown) return;
      const command = pasteCommand({ workbook: state.workbook, sheet: shown, range, merges, tables: state.findings[shown.id]?.structure.tables }, rows);
      if (command) state.execute(command);
    },
    [store, merges],
  );

  return (
    <div className="app">
      <Toolbar onFile={openFile} onRecipeReport={setRecipeReport} />
      {recipeReport && <RecipeReport report={recipeReport} onClose={() => setRecipeReport(null)} />}
      <DropOverlay onFile={openFile} />
      <RestoreBanner />
      <ErrorAlert />
      <FailureAlert />
      <ReadWarnings />
      <LoadProgress />
      {!sheet && !loading && (
        <main className="welcome">
          <h1>{t('app.tagline')}</h1>
          <p>{t('file.dropHere')}</p>
          <p className="muted">{t('file.accepted')}</p>
          <p className="privacy">{t('app.privacy')}</p>
        </main>
      )}
      {/* The grid exists from the start (hidden until a file is open): creating AG Grid is
          the heaviest single step of showing a file, and it need not happen then. */}
      <main className="workspace" hidden={!sheet}>
        {sheet && (
          <>
            <SheetTabs />
            <CellDetails merges={merges} />
            <div className="sheet-summary" data-testid="sheet-summary">
              {previewRows
                ? previewRows.declaredRows
                  ? t('load.previewSummary', { rows: formatCount(sheet.rowCount), total: formatCount(previewRows.declaredRows) })
                  : t('load.previewSummaryUnknown', { rows: formatCount(sheet.rowCount) })
                : t('grid.summary', { rows: sheet.rowCount, cols: sheet.columns.length })}
              {sheet.merges.length > 0 && <> · {t('grid.mergeCount', { count: sheet.merges.length })}</>}
              {(sheet.hiddenRows.length > 0 || sheet.hiddenCols.length > 0) && (
                <> · {t('grid.hiddenCount', { rows: sheet.hiddenRows.length, cols: sheet.hiddenCols.length })}</>
              )}
            </div>
          </>
        )}
        <div className="work-area" id={SHEET_PANEL_ID} role="tabpanel" aria-labelledby={sheet ? sheetTabId(sheet.id) : undefined}>
          <SheetGrid
            sheet={sheet ?? NO_SHEET}
            viewKey={viewKey}
            date1904={date1904}
            version={version}
            merges={merges}
            findings={findings}
            activeRuleId={activeRuleId}
            focus={focus}
            preview={preview}
            readOnly={loading || fixing}
            onEdit={editCell}
            onSelect={select}
            onPaste={paste}
            onMarkRows={markRows}
            onSplitAt={splitAt}
            onShape={editShape}
            onJoinAt={joinAt}
          />
          {sheet && (
            <aside className="side-panel">
              <PanelNav />
              {/* A disabled fieldset disables every control inside: nothing is typed into a
                  document that is still being read and then silently dropped. */}
              <fieldset className="panel-lock" disabled={loading || fixing}>
                <FixAllPreview />
                <FixPreview />
                <ViolationsPanel />
                <MetadataPanel />
                <StructurePanel />
                <FindReplace />
                <HistoryPanel />
              </fieldset>
            </aside>
          )}
        </div>
      </main>
    </div>
  );
}

/** The side panel's parts, one click away: it is taller than the screen once a sheet has findings. */
const PANEL_PARTS = [
  ['violations-panel', 'panel.label'],
  ['metadata-panel', 'meta.title'],
  ['structure-panel', 'structure.title'],
  ['find-replace-panel', 'replace.title'],
  ['history-panel', 'history.title'],
] as const;

function PanelNav() {
  const t = useT();
  return (
    <nav className="panel-nav" aria-label={t('panelNav.label')}>
      {PANEL_PARTS.map(([part, key]) => (
        <button key={part} type="button" className="small" onClick={() => document.querySelector(`.side-panel .${part}`)?.scrollIntoView({ block: 'start' })}>
          {t(key)}
        </button>
      ))}
    </nav>
  );
}
