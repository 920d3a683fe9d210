// One tab per sheet, like Excel's sheet bar. A WAI-ARIA tab list: one tab in the Tab
// order (the selected one), arrow keys, Home and End move to another sheet and show it.
import { useRef } from 'react';
import { useDoc, useT } from './context.ts';

/** The id of the element the tabs control (the sheet's grid and panels, App.tsx). */
export const SHEET_PANEL_ID = 'sheet-panel';

export const sheetTabId = (sheetId: string) => `sheet-tab-${sheetId}`;

export function SheetTabs() {
  const t = useT();
  const sheets = useDoc((s) => s.workbook?.sheets);
  const activeId = useDoc((s) => s.activeSheetId);
  const setActive = useDoc((s) => s.setActiveSheet);
  // While a file is read only its first sheet has rows: the others wait.
  const reading = useDoc((s) => s.loading !== null);
  const list = useRef<HTMLDivElement>(null);
  if (!sheets || sheets.length === 0) return null;

  const onKeyDown = (e: React.KeyboardEvent) => {
    const usable = sheets.filter((s) => !(reading && s.id !== activeId));
    const at = usable.findIndex((s) => s.id === activeId);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (at + 1) % usable.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + usable.length) % usable.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = usable.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const target = usable[next];
    setActive(target.id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(sheetTabId(target.id))}`)?.focus();
  };

  return (
    <div className="sheet-tabs" role="tablist" aria-label={t('sheets.label')} ref={list}>
      {sheets.map((sheet) => (
        <button
          key={sheet.id}
          id={sheetTabId(sheet.id)}
          type="button"
          role="tab"
          aria-selected={sheet.id === activeId}
          aria-controls={SHEET_PANEL_ID}
          tabIndex={sheet.id === activeId ? 0 : -1}
          className={sheet.hidden ? 'tab hidden-sheet' : 'tab'}
          title={sheet.hidden ? t('sheets.hidden') : undefined}
          disabled={reading && sheet.id !== activeId}
          onClick={() => setActive(sheet.id)}
          onKeyDown={onKeyDown}
        >
          {sheet.name}
        </button>
      ))}
    </div>
  );
}
