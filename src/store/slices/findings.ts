// What the analysis found per sheet, and the user's structure corrections it honours.
import type { AnalysisDelta } from '../../core/analysis/analyse.ts';
import { joinNext, markRows, splitAt, tableForRow } from '../../core/structure/overrides.ts';
import type { Band, RowRole, StructureOverride, TableStructure } from '../../core/structure/types.ts';
import { type StoreContext, errorText } from '../context.ts';
import { type SheetFindings, findingsFrom, mergeDeltas } from '../findings.ts';

export interface FindingsSlice {
  /** Analysis results per sheet id; absent while the worker is still analysing. */
  findings: Record<string, SheetFindings>;
  /** Why the last analysis failed (the document stays usable; the panel says so). */
  analysisFailed: string | null;
  /** Structure corrections the user made, per sheet id. */
  overrides: Record<string, StructureOverride[]>;
  /** Replaces the user's structure corrections for a sheet (empty list = back to detection). */
  setOverrides(sheetId: string, overrides: StructureOverride[]): Promise<void>;
  /** 「行の役割」 on the active sheet: gives the rows a role in the correction of the table they belong to. */
  markRows(rows: Band, role: RowRole): Promise<void>;
  /** 「ここで表を分ける」 on the active sheet: the table holding `row` becomes two, the second starting there. */
  splitTableAt(row: number): Promise<void>;
  /** 「表をつなげる」 on the active sheet: the table holding `row` and the one after it become one. */
  joinTableAt(row: number): Promise<void>;
}

export interface FindingsInternals {
  /** Analyses the whole document. `keep`: the current findings stay on screen until the new ones arrive (they will match). */
  analyse(keep?: boolean): Promise<void>;
  /** Patches the findings with the deltas of an edit. */
  merge(deltas: readonly AnalysisDelta[]): void;
  /** `setOverrides` without reporting: a failure goes to the caller (the sheet keeps its corrections). */
  applyOverrides(sheetId: string, overrides: StructureOverride[]): Promise<void>;
}

export function findingsSlice(ctx: StoreContext): { slice: FindingsSlice; internals: FindingsInternals } {
  const { session, set, get } = ctx;

  // Analyses of one document: only the latest lands. A new analysis does not make the
  // document another one, so an action in flight on it (fix-all) still applies its result.
  let analysisRun = 0;
  const analyse = async (keep = false) => {
    const mine = ctx.generation();
    const run = ++analysisRun;
    const current = () => mine === ctx.generation() && run === analysisRun;
    set(keep ? { analysisFailed: null } : { analysisFailed: null, findings: {} });
    try {
      const results = await ctx.busy(['analysing'], () => session.analyse());
      if (!current()) return;
      const findings: Record<string, SheetFindings> = {};
      for (const a of results) findings[a.sheetId] = findingsFrom(a);
      set({ findings });
    } catch (e) {
      if (current()) set({ analysisFailed: errorText(e) });
      console.error('analysis failed', e);
    }
  };

  const merge = (deltas: readonly AnalysisDelta[]) => set({ findings: mergeDeltas(get().findings, deltas) });

  const applyOverrides = async (sheetId: string, overrides: StructureOverride[]) => {
    if (get().loading) return;
    const mine = ctx.generation();
    const before = get().overrides[sheetId];
    set({ overrides: { ...get().overrides, [sheetId]: overrides } });
    try {
      const analysis = await ctx.busy(['analysing'], () => session.setOverrides(sheetId, overrides));
      if (mine !== ctx.generation()) return;
      set({ findings: { ...get().findings, [sheetId]: findingsFrom(analysis) } });
    } catch (e) {
      // The worker kept the sheet's earlier corrections: so does the panel.
      if (mine === ctx.generation()) {
        const { [sheetId]: _failed, ...rest } = get().overrides;
        set({ overrides: before ? { ...rest, [sheetId]: before } : rest });
      }
      throw e;
    }
  };

  /** The active sheet's corrections as `next` makes them from its current ones and tables (undefined: no change). */
  const correct = async (next: (overrides: StructureOverride[], sheetId: string, tables: readonly TableStructure[]) => StructureOverride[] | undefined) => {
    const sheetId = get().activeSheetId;
    if (!sheetId) return;
    const overrides = next(get().overrides[sheetId] ?? [], sheetId, get().findings[sheetId]?.structure.tables ?? []);
    if (overrides) await ctx.run('setOverrides', () => applyOverrides(sheetId, overrides));
  };

  return {
    slice: {
      findings: {},
      analysisFailed: null,
      overrides: {},
      setOverrides: async (sheetId, overrides) => {
        await ctx.run('setOverrides', () => applyOverrides(sheetId, overrides));
      },
      markRows: (rows, role) => correct((overrides, id, tables) => markRows(overrides, id, tableForRow(tables, rows.start), rows, role)),
      splitTableAt: (row) =>
        correct((overrides, id, tables) => {
          const table = tables.findIndex((t) => row > t.range.s.r && row <= t.range.e.r);
          return table < 0 ? undefined : splitAt(overrides, id, table, row);
        }),
      joinTableAt: (row) =>
        correct((overrides, id, tables) => {
          const table = tableForRow(tables, row);
          return table + 1 >= tables.length ? undefined : joinNext(overrides, id, table);
        }),
    },
    internals: { analyse, merge, applyOverrides },
  };
}
