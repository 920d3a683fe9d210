// Build step: writes dist/sw.js, a service worker that keeps every file of this build in
// the browser's cache, so the app opens and works with the network off after the first
// visit (LGWAN desks, trains). The list of files and the cache name come from the build,
// so a new build replaces the old cache as a whole.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

function serviceWorkerSource(files: string[], version: string): string {
  return `// Generated at build time by build/serviceWorker.ts. Cache-first for this build's files.
const CACHE = 'seiton-${version}';
const FILES = ${JSON.stringify(files)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('seiton-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    // ignoreVary: servers answer with "Vary: Origin", and the page's crossorigin requests
    // carry an Origin header the cached install-time requests did not.
    caches.match(event.request, { ignoreSearch: true, ignoreVary: true }).then((hit) => {
      if (hit) return hit;
      // Pages not in the list (a reload of a deep URL) get the app shell.
      if (event.request.mode === 'navigate') return caches.match('./index.html').then((shell) => shell || fetch(event.request));
      return fetch(event.request);
    }),
  );
});
`;
}

export function serviceWorker(): Plugin {
  return {
    name: 'seiton-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = ['./', './index.html', './manifest.webmanifest', './icon.svg', ...Object.keys(bundle).filter((f) => f !== 'sw.js').map((f) => `./${f}`)];
      const unique = [...new Set(files)].sort();
      const version = createHash('sha256').update(unique.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(unique, version) });
    },
  };
}
