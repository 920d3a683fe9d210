// The module worker: the user's one document session, autosaved to IndexedDB, served over
// Comlink in the wire format of transport.ts.
import * as Comlink from 'comlink';
import { idbPersistence } from './idbPersistence.ts';
import { DocumentSession } from './session.ts';
import { serveSession } from './transport.ts';

Comlink.expose(serveSession(new DocumentSession(idbPersistence), { transfer: Comlink.transfer, proxy: Comlink.proxy }));
