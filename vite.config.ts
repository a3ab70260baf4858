import { createServer, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// The engine needs no eval, so the built app ships a strict CSP: in a meta tag (for hosts that
// cannot set headers) and, from `npm start` / vite preview, as a response header, which also
// covers the worker (a meta tag does not). Only in the build: the dev server injects inline
// scripts for hot reload. 'wasm-unsafe-eval' lets the engine compile its
// own WebAssembly kernel (bytes bundled with the app); it does not allow eval or new Function.
// Without it the engine runs the same sums in JavaScript.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');
// What every response carries (`npm start`; a static host should send the same, see README).
// No site may frame the app: a framed page's buttons ("Clear all") could be clicked through a
// decoy. frame-ancestors only works as a header (a meta tag's is ignored), so the meta carries
// the CSP without it; the referrer policy has a meta of its own; the rest are header-only.
const PERMISSIONS_OFF = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
];
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': PERMISSIONS_OFF.map((f) => `${f}=()`).join(', '),
};
const contentSecurityPolicy = (): Plugin => ({
  name: 'perceptron-lab-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' }, injectTo: 'head-prepend' },
  ],
});

// vite preview answers any unknown path with index.html, a missing script included: an old tab
// asking for a chunk the new build removed would then get HTML and fail with a confusing
// "Failed to fetch dynamically imported module". A missing file under /assets/ is a 404.
const missingAssetsAre404 = (): Plugin => ({
  name: 'perceptron-lab-missing-assets',
  configurePreviewServer(server) {
    const outDir = resolve(server.config.root, server.config.build.outDir);
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '').split(/[?#]/)[0];
      if (!path.startsWith('/assets/') || existsSync(resolve(outDir, `.${decodeURIComponent(path)}`))) return next();
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain');
      res.end('Not found');
    });
  },
});

// The header, navigation and a first line of text are rendered into index.html at build time,
// so a phone paints them from the HTML alone while the JavaScript is still on its way.
const prerenderShell = (): Plugin => ({
  name: 'perceptron-lab-shell',
  apply: 'build',
  async transformIndexHtml(html) {
    const vite = await createServer({
      configFile: false,
      logLevel: 'error',
      server: { middlewareMode: true, hmr: false },
      appType: 'custom',
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [react()],
    });
    try {
      const { renderShell } = (await vite.ssrLoadModule('/src/shell.tsx')) as { renderShell(): string };
      return html.replace('<div id="root"></div>', `<div id="root">${renderShell()}</div>`);
    } finally {
      await vite.close();
    }
  },
});

export default defineConfig({
  // Absolute asset URLs: a page opened at any path (e.g. /some/path#/loss, online or from the
  // offline cache's fallback) still finds its scripts.
  base: '/',
  preview: { headers: SECURITY_HEADERS },
  plugins: [
    react(),
    contentSecurityPolicy(),
    missingAssetsAre404(),
    prerenderShell(),
    VitePWA({
      // injectRegister stays at its default: with `false` the plugin drops clientsClaim and
      // the service worker never controls the first page, so offline reloads fail.
      // 'prompt': a new version waits until the learner presses Reload (src/pwa.ts).
      registerType: 'prompt',
      includeAssets: ['icons/icon.svg'],
      manifest: {
        id: '/',
        name: 'Perceptron Lab',
        short_name: 'Perceptron',
        description:
          'Learn gradient descent by watching it: train a one-weight perceptron with a gradient tape, then reduce 150 iris flowers to two dimensions. Works offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d4ed8',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        screenshots: [
          {
            src: 'screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'The Descent step: the loss curve with the slope and each step drawn on it',
          },
          {
            src: 'screenshots/narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'The Tape step on a phone',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Store screenshots are for install dialogs, not for the app offline.
        globIgnores: ['screenshots/**'],
        clientsClaim: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 800, manifest: true },
});
