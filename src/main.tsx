import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDocumentStore } from './store/documentStore.ts';
import { App } from './ui/App.tsx';
import { DocumentStoreContext } from './ui/context.ts';
import { createWorkerSession } from './worker/client.ts';
import './ui/app.css';

const store = createDocumentStore(createWorkerSession().api);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DocumentStoreContext.Provider value={store}>
      <App />
    </DocumentStoreContext.Provider>
  </StrictMode>,
);

// Offline after the first visit: the service worker caches this build's files.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('service worker not registered', e));
  });
}
