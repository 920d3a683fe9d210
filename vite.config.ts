import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { serviceWorker } from './build/serviceWorker.ts';

/**
 * The Content-Security-Policy of the built app: everything from the page's own origin,
 * workers from self (and blob: for the module worker in some browsers), no eval, no
 * network beyond self. Styles allow inline because AG Grid injects its theme as <style>.
 * Only in the build: the dev server's hot reload needs an inline preamble.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'seiton-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  // Relative asset URLs: dist/ works from any static server path (intranet, file share).
  base: './',
  worker: { format: 'es' },
  // Vite's default warning limit is 500 kB; the page's chunk is about 1,380 kB (AG Grid
  // about half of it, SheetJS's number formats, React) and the worker's about 800 kB. The
  // limit sits just above them so that growth still warns.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
