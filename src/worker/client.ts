// Main-thread handle on the worker. `createInProcessSession` gives the same API without
// a worker, for unit tests of the store.
import * as Comlink from 'comlink';
import type { ProgressFn } from '../core/io/progress.ts';
import { DocumentSession, type SessionApi } from './session.ts';

export function createWorkerSession(): { api: SessionApi; terminate: () => void } {
  const worker = new Worker(new URL('./seiton.worker.ts', import.meta.url), { type: 'module', name: 'seiton' });
  const remote = Comlink.wrap<SessionApi>(worker);
  const api: SessionApi = {
    open: (name, buffer, options, onProgress) =>
      remote.open(name, Comlink.transfer(buffer, [buffer]), options, onProgress && wrapProgress(onProgress)),
    reopen: (options, onProgress) => remote.reopen(options, onProgress && wrapProgress(onProgress)),
    analyse: (onProgress) => remote.analyse(onProgress && wrapProgress(onProgress)),
    setOverrides: (sheetId, overrides) => remote.setOverrides(sheetId, overrides),
    apply: (changes) => remote.apply(changes),
    revert: (changes) => remote.revert(changes),
    exportCsv: (sheetId, options) => remote.exportCsv(sheetId, options),
  };
  return { api, terminate: () => worker.terminate() };
}

function wrapProgress(fn: ProgressFn): ProgressFn {
  return Comlink.proxy(fn);
}

export function createInProcessSession(): SessionApi {
  const s = new DocumentSession();
  return {
    open: async (name, buffer, options, onProgress) => s.open(name, buffer, options, onProgress),
    reopen: async (options, onProgress) => s.reopen(options, onProgress),
    analyse: async (onProgress) => s.analyse(onProgress),
    setOverrides: async (sheetId, overrides) => s.setOverrides(sheetId, overrides),
    apply: async (changes) => s.apply(changes),
    revert: async (changes) => s.revert(changes),
    exportCsv: async (sheetId, options) => s.exportCsv(sheetId, options),
  };
}
