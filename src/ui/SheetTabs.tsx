// One tab per sheet, like Excel's sheet bar.
import { useDoc, useT } from './context.ts';

export function SheetTabs() {
  const t = useT();
  const sheets = useDoc((s) => s.workbook?.sheets);
  const activeId = useDoc((s) => s.activeSheetId);
  const setActive = useDoc((s) => s.setActiveSheet);
  // While a file is read only its first sheet has rows: the others wait.
  const reading = useDoc((s) => s.loading !== null);
  if (!sheets || sheets.length === 0) return null;
  return (
    <div className="sheet-tabs" role="tablist" aria-label={t('sheets.label')}>
      {sheets.map((sheet) => (
        <button
          key={sheet.id}
          type="button"
          role="tab"
          aria-selected={sheet.id === activeId}
          className={sheet.hidden ? 'tab hidden-sheet' : 'tab'}
          title={sheet.hidden ? t('sheets.hidden') : undefined}
          disabled={reading && sheet.id !== activeId}
          onClick={() => setActive(sheet.id)}
        >
          {sheet.name}
        </button>
      ))}
    </div>
  );
}
