// Test helpers: what a read did, counted instead of timed or weighed (a busy machine makes
// time and memory limits fail with correct code). Installed with vi.mock, in the test file:
//
//   vi.mock('xlsx', async (original) => (await import('../../../test/probes.ts')).probeSheetJs(await original()));
//   vi.mock('./inflate.ts', async (original) => (await import('../../../test/probes.ts')).spying(await original<typeof import('./inflate.ts')>(), 'inflateRaw'));
//
// (vi.mock runs before the file's imports, hence the dynamic import.)
import { vi } from 'vitest';

/** The module with the named functions replaced by spies that call the real ones. */
export function spying<M extends object>(module: M, ...names: (keyof M & string)[]): M {
  const out = { ...module } as Record<string, unknown>;
  for (const name of names) out[name] = vi.fn(module[name] as (...args: unknown[]) => unknown);
  return out as M;
}

/** What SheetJS built and what Seiton then read of it, since the last reset. */
export const sheetJs = {
  /** Workbooks SheetJS parsed (`read` or `parse_zip`). */
  parses: 0,
  /** Cells in the parsed sheets (stubs included). */
  cells: 0,
  /** The longest column list (`!cols`) of a parsed sheet. */
  columns: 0,
  /** Rows and cells of the parsed sheets that were read afterwards (holes included). */
  reads: 0,
  /** What SheetJS was given to parse: bytes for `read`, a container for `parse_zip`. */
  inputs: [] as unknown[],
  reset(): void {
    this.parses = this.cells = this.columns = this.reads = 0;
    this.inputs = [];
  },
};

const isIndex = (key: string | symbol): boolean => typeof key === 'string' && key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57;

function countingRows(data: unknown[][]): unknown[][] {
  const rows = new Map<unknown, unknown>();
  const countingRow = (row: unknown[]) =>
    new Proxy(row, {
      get(target, key, receiver) {
        if (isIndex(key)) sheetJs.reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  return new Proxy(data, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (!isIndex(key)) return value;
      sheetJs.reads++;
      if (!Array.isArray(value)) return value;
      if (!rows.has(value)) rows.set(value, countingRow(value));
      return rows.get(value);
    },
  });
}

type Sheets = Record<string, Record<string, unknown>>;

function record(wb: { Sheets?: Sheets }): void {
  sheetJs.parses++;
  for (const ws of Object.values(wb.Sheets ?? {})) {
    const data = ws['!data'] as unknown[][] | undefined;
    // Keys, not indexes: a crafted row or column two billion out leaves a sparse array.
    if (data) for (const r of Object.keys(data)) sheetJs.cells += Object.keys(data[Number(r)] ?? []).length;
    else sheetJs.cells += Object.keys(ws).filter((k) => !k.startsWith('!')).length;
    sheetJs.columns = Math.max(sheetJs.columns, (ws['!cols'] as unknown[] | undefined)?.length ?? 0);
    if (data) ws['!data'] = countingRows(data);
  }
}

/** SheetJS with its two parsing entry points counted (see `sheetJs`). */
export function probeSheetJs<M extends object>(xlsx: M): M {
  const api = xlsx as unknown as Record<string, (...args: unknown[]) => { Sheets?: Sheets }>;
  const counted = (name: string) => (...args: unknown[]) => {
    sheetJs.inputs.push(args[0]);
    const wb = api[name](...args);
    record(wb);
    return wb;
  };
  return { ...xlsx, read: counted('read'), parse_zip: counted('parse_zip') } as M;
}
