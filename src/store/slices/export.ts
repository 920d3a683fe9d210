// Downloads: the active table as a file, or every table in one ZIP (「すべての表をダウンロード」),
// with the options the export menu sets.
import { DEFAULT_EXPORT, type ExportOptions } from '../../core/io/export.ts';
import type { TableMeta } from '../../core/model.ts';
import { serializeRecipe } from '../../core/recipe.ts';
import type { ExportAllOptions, ExportAllResult, ExportKind, ExportResult } from '../../worker/session.ts';
import type { StoreContext } from '../context.ts';
import { activeSheet } from '../documentStore.ts';

export interface ExportSlice {
  /** How 「CSVをダウンロード」 writes the file (Level 2, UTF-8 with BOM, CRLF… by default). */
  exportOptions: ExportOptions;
  /** The active table as a file to download (CSV with the current export options by default); null when there is none or it failed. */
  exportActive(what?: ExportKind): Promise<ExportResult | null>;
  /** 「すべての表をダウンロード」: the ZIP of every table, with the recipe and a report; null when there is no document or it failed. */
  exportAll(extra?: ExportAllOptions): Promise<ExportAllResult | null>;
  setExportOptions(options: Partial<ExportOptions>): void;
  /**
   * The metadata the export writes for a table: its own, what its caption, date, source and
   * note rows say, the file's. Null when there is no document or the worker cannot say (the
   * panel then shows the table's own alone; nothing is reported).
   */
  tableMeta(sheetId: string): Promise<TableMeta | null>;
}

export function exportSlice(ctx: StoreContext): ExportSlice {
  const { session, set, get } = ctx;
  return {
    exportOptions: DEFAULT_EXPORT,

    exportActive: async (what = 'csv') => {
      const state = get();
      const sheet = activeSheet(state);
      if (!state.workbook || !sheet || state.loading) return null;
      const result = await ctx.run('export', async () => {
        const recipe = what === 'zip' ? get().recipe() : null;
        const out = await session.export(sheet.id, what, state.exportOptions, recipe ? serializeRecipe(recipe) : undefined);
        // What was downloaded counts as saved: opening another file no longer asks to discard
        // it (a sidecar alone is not the table).
        if (out.ok && what !== 'csvw') set({ savedAt: state.history.past[state.history.past.length - 1] ?? null });
        return out;
      });
      return result ?? null;
    },

    exportAll: async (extra) => {
      const state = get();
      if (!state.workbook || state.loading) return null;
      const result = await ctx.run('exportAll', async () => {
        const recipe = get().recipe();
        const out = await session.exportAll(state.exportOptions, recipe ? serializeRecipe(recipe) : undefined, extra);
        if (out.ok) set({ savedAt: state.history.past[state.history.past.length - 1] ?? null });
        return out;
      });
      return result ?? null;
    },

    setExportOptions: (options) => set({ exportOptions: { ...get().exportOptions, ...options } }),

    tableMeta: async (sheetId) => {
      if (!get().workbook || get().loading) return null;
      try {
        return await session.tableMeta(sheetId);
      } catch {
        return null;
      }
    },
  };
}
