// The module worker: exposes one DocumentSession over comlink.
import * as Comlink from 'comlink';
import type { ProgressFn } from '../core/io/progress.ts';
import type { ReadOptions } from '../core/io/read.ts';
import type { Change } from '../core/changes.ts';
import type { CsvWriteOptions } from '../core/io/csv.ts';
import type { StructureOverride } from '../core/structure/types.ts';
import { DocumentSession, type SessionApi } from './session.ts';

const session = new DocumentSession();

const api: SessionApi = {
  async open(name: string, buffer: ArrayBuffer, options: ReadOptions, onProgress?: ProgressFn) {
    return session.open(name, buffer, options, onProgress);
  },
  async reopen(options: ReadOptions, onProgress?: ProgressFn) {
    return session.reopen(options, onProgress);
  },
  async analyse(onProgress?: ProgressFn) {
    return session.analyse(onProgress);
  },
  async setOverrides(sheetId: string, overrides: StructureOverride[]) {
    return session.setOverrides(sheetId, overrides);
  },
  async apply(changes: Change[]) {
    return session.apply(changes);
  },
  async revert(changes: Change[]) {
    return session.revert(changes);
  },
  async exportCsv(sheetId: string, options: CsvWriteOptions) {
    const bytes = session.exportCsv(sheetId, options);
    return Comlink.transfer(bytes, [bytes.buffer]);
  },
};

Comlink.expose(api);
