// 「行の役割」: the grid's context menu (right click, the context-menu key or Shift+F10 on
// a cell) that says what the selected rows are — 表題, 日付, 単位, 出典, 見出し, データ, 注記 —
// or that the table is two, the second starting at the row (「ここで表を分ける」).
// The choice is a structure correction: it wins over the detection in every fix,
// 「すべて修正」, the export and the recipe.
import { useEffect, useRef } from 'react';
import type { Band, RowRole } from '../core/structure/types.ts';
import { ROW_ROLES } from '../core/structure/types.ts';
import { columnLetter } from '../core/model.ts';
import { useT } from './context.ts';

export interface RowRoleMenuState {
  rows: Band;
  /** The column of the cell the menu was opened on. */
  col: number;
  x: number;
  y: number;
}

export type ShapeEdit = (what: 'rows' | 'columns', op: 'insert' | 'delete', at: number, count: number) => void;

export function RowRoleMenu({
  menu,
  onPick,
  onSplit,
  onJoin,
  onShape,
  onClose,
}: {
  menu: RowRoleMenuState;
  onPick(role: RowRole): void;
  onSplit?(): void;
  /** Present when the row's table has a table after it. */
  onJoin?(): void;
  onShape?: ShapeEdit;
  onClose(): void;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  // The first item takes the focus, so the menu works from the keyboard at once.
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [menu]);
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away, true);
    return () => document.removeEventListener('mousedown', away, true);
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const count = menu.rows.end - menu.rows.start + 1;
  // Every item closes the menu, then does what it says.
  const act = (fn: () => void) => () => {
    onClose();
    fn();
  };
  const rows = menu.rows.start === menu.rows.end ? `${menu.rows.start + 1}` : t('structure.rows', { start: menu.rows.start + 1, end: menu.rows.end + 1 });
  return (
    <div
      ref={box}
      className="context-menu"
      tabIndex={-1}
      role="menu"
      aria-label={t('rowRole.rows', { rows })}
      data-testid="row-role-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      <div className="context-menu-title" aria-hidden="true">
        {t('rowRole.menu')} · {rows}
      </div>
      {ROW_ROLES.map((role) => (
        <button key={role} type="button" role="menuitem" data-testid={`row-role-${role}`} onClick={act(() => onPick(role))}>
          {t(`rowRole.${role}`)}
        </button>
      ))}
      {onSplit && (
        <>
          <div className="context-menu-separator" role="separator" />
          <button type="button" role="menuitem" data-testid="row-split" onClick={act(onSplit)}>
            {t('rowRole.split', { row: menu.rows.start + 1 })}
          </button>
          {onJoin && (
            <button type="button" role="menuitem" data-testid="row-join" onClick={act(onJoin)}>
              {t('rowRole.join')}
            </button>
          )}
        </>
      )}
      {onShape && (
        <>
          <div className="context-menu-separator" role="separator" />
          <button type="button" role="menuitem" data-testid="rows-insert" onClick={act(() => onShape('rows', 'insert', menu.rows.start, count))}>
            {t('sheetEdit.insertRows', { count })}
          </button>
          <button type="button" role="menuitem" data-testid="rows-delete" onClick={act(() => onShape('rows', 'delete', menu.rows.start, count))}>
            {t('sheetEdit.deleteRows', { count })}
          </button>
          <button type="button" role="menuitem" data-testid="column-insert" onClick={act(() => onShape('columns', 'insert', menu.col, 1))}>
            {t('sheetEdit.insertColumn')}
          </button>
          <button type="button" role="menuitem" data-testid="column-delete" onClick={act(() => onShape('columns', 'delete', menu.col, 1))}>
            {t('sheetEdit.deleteColumn', { column: columnLetter(menu.col) })}
          </button>
        </>
      )}
    </div>
  );
}
