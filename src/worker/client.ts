// The main thread's sessions. `createWorkerSession` runs the document in a Web Worker and
// replaces the worker when a read is cancelled or the worker dies; `createInProcessSession`
// runs it in this thread, for tests, over the same transport with the worker's copying.
import * as Comlink from 'comlink';
import { DocumentSession, type SessionPersistence } from './session.ts';
import { type Call, type Endpoint, type Marshal, type SessionApi, cloningChannel, connectSession, serveSession } from './transport.ts';
import { WorkerStopped } from './workerStopped.ts';

const COMLINK: Marshal = { transfer: Comlink.transfer, proxy: Comlink.proxy };

export function createWorkerSession(): { api: SessionApi; terminate: () => void } {
  let worker!: Worker;
  let remote!: Comlink.Remote<Endpoint>;
  // Every call races this: stopping the worker rejects it, so no caller waits forever.
  let stopped!: Promise<never>;
  let stop!: (e: WorkerStopped) => void;
  const crashListeners = new Set<() => void>();

  const start = () => {
    worker = new Worker(new URL('./seiton.worker.ts', import.meta.url), { type: 'module', name: 'seiton' });
    remote = Comlink.wrap<Endpoint>(worker);
    stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => {}); // rejected for whoever is waiting; nobody may be
    const current = worker;
    const died = (why: string) => {
      if (current !== worker) return;
      console.error('worker stopped', why);
      restart('crashed');
    };
    // An uncaught error in the worker, or a reply that cannot be read (its call would wait
    // for ever): either way the worker's state is not to be trusted any more.
    worker.addEventListener('error', (e) => died(e.message));
    worker.addEventListener('messageerror', () => died('a message from the worker could not be read'));
  };
  const restart = (reason: WorkerStopped['reason']) => {
    worker.terminate();
    const fail = stop;
    start();
    // Told before the pending calls reject, so the document is adopted by the new worker
    // ahead of anything their callers do next.
    if (reason === 'crashed') for (const listener of crashListeners) listener();
    fail(new WorkerStopped(reason));
  };
  start();

  const call = ((method: keyof Endpoint, ...args: unknown[]) => {
    // The worker this call goes to: if it stops, even while the request is being sent, the call rejects.
    const gone = stopped;
    return Promise.race([(remote[method] as unknown as (...a: unknown[]) => Promise<unknown>)(...args), gone]);
  }) as Call;

  const api: SessionApi = {
    ...connectSession(call, COMLINK),
    cancel: async () => restart('cancelled'),
    onCrash: (listener) => {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
  };
  return { api, terminate: () => worker.terminate() };
}

export function createInProcessSession(persistence?: SessionPersistence): SessionApi {
  const { call, marshal } = cloningChannel((m) => serveSession(new DocumentSession(persistence), m));
  return {
    ...connectSession(call, marshal),
    // A read in the same thread cannot be interrupted: by the time Cancel is possible it is over.
    cancel: async () => {},
    // Nothing here can die apart from the page.
    onCrash: () => () => {},
  };
}
