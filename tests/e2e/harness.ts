/**
 * Browser-test harness: the built app under `vite preview` on 127.0.0.1 and Debian's
 * Chromium through playwright-core. No browser is ever downloaded; if none is found the
 * tests fail with the command that installs one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export function findChromium(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install it with `sudo apt-get install -y chromium` (Debian) or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves ./dist (run `vite build` first), or a copy of it in `dir`, with vite preview — as
 * `npm start` does, Content-Security-Policy header included. node is called directly so kill works.
 */
export async function servePreview(dir = 'dist'): Promise<Served> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npx vite build` before the browser tests (npm test does).');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`vite preview did not answer on ${url} within 20 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and Content-Security-Policy violations seen so far. */
  errors: string[];
  /** Requests to any origin other than the app's. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** A fresh persistent profile (service workers need one) with the flags this machine needs. */
export async function openBrowser(appUrl: string, viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'perceptron-lab-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const origin = new URL(appUrl).origin;
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
  });
  // Every test listens for CSP violations: a blocked script, style or connection is an error.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = (p: Page) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    p.on('pageerror', (err) => errors.push(String(err)));
  };
  watch(page);
  context.on('page', watch);
  return {
    context,
    page,
    errors,
    foreignRequests,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once a service worker controls the page (after `ready` and, if needed, `controllerchange`). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
  });
}

/**
 * Registers a suite's before/after hooks: serve the built app, open a fresh browser, and close
 * both at the end. Read `app.server` and `app.browser` inside the tests.
 */
export function appInBrowser(viewport?: { width: number; height: number }): { server: Served; browser: Browser } {
  const app = {} as { server: Served; browser: Browser };
  before(async () => {
    app.server = await servePreview();
    app.browser = await openBrowser(app.server.url, viewport);
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/** Where the browser tests leave their screenshots. */
export const SHOTS = 'test-results/screenshots';

type Scheme = 'light' | 'dark';

/**
 * Calls `visit` at a phone's and a desktop's size (390×844, 1280×800) in each colour scheme
 * given, then emulates light again.
 */
export async function atEachSize(
  page: Page,
  schemes: readonly Scheme[],
  visit: (width: number, scheme: Scheme) => Promise<void>,
): Promise<void> {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      await visit(width, scheme);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Fails, naming `what`, when the page scrolls sideways; then saves a full-page `SHOTS/name.png` with every chart drawn. */
export async function shootFitting(page: Page, name: string, what: string): Promise<void> {
  // Charts mount as they come near the viewport: scroll through once so the picture has them all.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${what} scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Asks `check` until it is true, for up to 5 s (a map is painted in the frame after it arrives). */
export async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Whether the canvas has been painted with some colour (not blank, not all white). */
export const painted = (canvas: Locator) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4 * 53) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 2] < 240)) return true;
    return false;
  });

/**
 * Waits until a page is open: its title is shown and its chunk has arrived. The loading
 * placeholder carries the page's title too (data-loading), so the heading alone is not enough.
 */
export async function pageOpen(page: Page, name?: string): Promise<void> {
  await page
    .getByRole('heading', { level: 1, ...(name ? { name } : {}) })
    .first()
    .waitFor();
  await page.locator('main [data-loading]').waitFor({ state: 'detached' });
}
