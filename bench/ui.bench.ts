/**
 * `npm run bench:ui`: the built app in the system Chromium.
 * 1. Opening pages on Lighthouse's mobile profile (150 ms RTT, 1.6 Mbit/s, CPU 4× slower):
 *    first contentful paint, largest contentful paint, layout shift and the longest task, for
 *    a first visit to each page and for opening each page from the navigation; each figure
 *    against its budget.
 * 2. The 1,000,000-step run at Max: the worker's wall time, messages received per second, the
 *    longest main-thread task and the JS heap after the run, next to a 40-step run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, openBrowser, servePreview } from '../tests/e2e/harness.ts';
import { MOBILE, firstVisit, openFromNav, throttle, watchVitals } from './page-load.ts';
import { NEGATOR_STEPS, ROUTE_TITLES } from '../src/router.ts';

interface Stats {
  status: string;
  steps: number;
  batches: number;
  elapsedMs?: number;
}

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await servePreview();

const BUDGET = { fcp: 1200, lcp: 1800, cls: 0.02, task: 50 };
// Every page the router knows, and every link of the navigation: a new step is measured without
// being listed here.
const FIRST_VISITS = Object.keys(ROUTE_TITLES);
const NAV = [...NEGATOR_STEPS.map((st) => st.title), 'Playground', 'Network', 'Reduce', 'Layers'];

async function pageLoads() {
  const dir = mkdtempSync(join(tmpdir(), 'perceptron-lab-load-'));
  // No service worker and no cache: every visit is a first visit.
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    serviceWorkers: 'block',
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
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
  await watchVitals(ctx);
  const visits: Record<string, string | number>[] = [];
  for (const route of FIRST_VISITS) {
    const p = await ctx.newPage();
    const m = await firstVisit(p, `${server.url}#/${route}`);
    visits.push({
      page: `#/${route}`,
      'FCP ms': Math.round(m.fcp),
      'LCP ms': Math.round(m.lcp),
      CLS: Number(m.cls.toFixed(3)),
      'longest task ms': Math.round(m.longestTask),
      ok: m.fcp <= BUDGET.fcp && m.lcp <= BUDGET.lcp && m.cls <= BUDGET.cls ? 'PASS' : 'FAIL',
    });
    await p.close();
  }
  const nav = await ctx.newPage();
  await nav.goto(`${server.url}#/`);
  await nav.waitForTimeout(3000); // the lazy chunks arrive at idle, as they would for a learner reading the page
  await throttle(nav);
  const opens: Record<string, string | number>[] = [];
  for (const name of NAV) {
    const longest = await openFromNav(nav, name);
    opens.push({
      'opened from the navigation': name,
      'longest task ms': Math.round(longest),
      ok: longest <= BUDGET.task ? 'PASS' : 'FAIL',
    });
  }
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  return { visits, opens };
}

const loads = await pageLoads();
console.log(
  `First visits on the mobile profile (${MOBILE.latency} ms RTT, 1.6 Mbit/s, CPU ${MOBILE.cpu}× slower); budgets FCP ≤ ${BUDGET.fcp} ms, LCP ≤ ${BUDGET.lcp} ms, CLS ≤ ${BUDGET.cls}:`,
);
console.table(loads.visits);
console.log(`Opening each page from the navigation on the same profile; budget: no task over ${BUDGET.task} ms:`);
console.table(loads.opens);

const browser = await openBrowser(server.url);
const { page } = browser;

async function run(steps: number) {
  await page.goto(`${server.url}?test-hooks#/descent`);
  await page.waitForFunction(() => 'perceptronLab' in window);
  await page.getByLabel('Steps', { exact: true }).fill(String(steps));
  await page.getByLabel('Speed').selectOption('max');
  await page.waitForTimeout(1500); // let the lazy chart code load and the page settle
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(
    () => {
      const s = (
        window as unknown as { perceptronLab: { runStats(c: string): Stats | undefined } }
      ).perceptronLab.runStats('descent');
      return s && s.status !== 'running';
    },
    undefined,
    { timeout: 300_000, polling: 250 },
  );
  const wallMs = Date.now() - t0;
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; perceptronLab: { runStats(c: string): Stats } };
    const perf = performance as unknown as { memory?: { usedJSHeapSize: number } };
    return {
      stats: w.perceptronLab.runStats('descent'),
      longest: Math.max(0, ...w.longTasks),
      over50: w.longTasks.filter((d) => d > 50).length,
      heap: perf.memory?.usedJSHeapSize ?? NaN,
    };
  });
  return { wallMs, ...result };
}

const rows: Record<string, string | number>[] = [];
for (const steps of [40, 1_000_000]) {
  const r = await run(steps);
  const workerMs = r.stats.elapsedMs ?? NaN;
  rows.push({
    steps: steps.toLocaleString('en-US'),
    status: r.stats.status,
    'worker ms': Math.round(workerMs),
    'µs/step': Number(((workerMs * 1000) / steps).toFixed(2)),
    'page ms': r.wallMs,
    batches: r.stats.batches,
    'msgs/s': Math.round(r.stats.batches / (Math.max(workerMs, 1) / 1000)),
    'longest task ms': Math.round(r.longest),
    'tasks > 50 ms': r.over50,
    'heap MB': Number((r.heap / 2 ** 20).toFixed(1)),
  });
}
console.table(rows);
const big = rows[1];
console.log(
  `1M-step run: ${big['worker ms']} ms in the worker, ${big['msgs/s']} messages/s, longest main-thread task ${big['longest task ms']} ms, heap ${big['heap MB']} MB (40-step baseline heap ${rows[0]['heap MB']} MB).`,
);
await browser.close();

// The Network page at Max: three hidden layers of 8 on the spiral, 1,000 epochs. The Decision
// map (a 360 px canvas) is drawn with one drawImage per update: counting those counts the maps
// the page received and drew.
const NET = { epochs: 1000, epochsPerSecond: 100, mapsPerSecond: 20 };
const net = await openBrowser(server.url);
await net.page.goto(`${server.url}#/network`);
await net.page.getByLabel('Dataset').selectOption('spiral');
await net.page.getByLabel('Hidden layers').fill('8, 8, 8');
await net.page.getByLabel('Epochs').fill(String(NET.epochs));
await net.page.getByLabel('Speed').selectOption('max');
await net.page.waitForTimeout(1500);
await net.page.evaluate(() => {
  const w = window as unknown as { longTasks: number[]; mapPaints: number };
  w.longTasks = [];
  w.mapPaints = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  const draw = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
    if (this.canvas.width === 360) w.mapPaints++;
    return (draw as (...b: unknown[]) => void).apply(this, a);
  } as typeof draw;
});
const n0 = Date.now();
await net.page.getByRole('button', { name: 'Train', exact: true }).click();
await net.page.getByText(`Done: ${NET.epochs.toLocaleString('en-US')} epochs run.`).waitFor({ timeout: 300_000 });
const netMs = Date.now() - n0;
const netStats = await net.page.evaluate(() => {
  const w = window as unknown as { longTasks: number[]; mapPaints: number };
  return { longest: Math.max(0, ...w.longTasks), paints: w.mapPaints };
});
const eps = (NET.epochs / netMs) * 1000;
const fps = (netStats.paints / netMs) * 1000;
console.log('The Network page at Max, spiral, hidden layers 8, 8, 8 (time from Train to Done, in the page):');
console.table([
  {
    'epochs/s': Math.round(eps),
    'need ≥': NET.epochsPerSecond,
    'maps drawn/s': Number(fps.toFixed(1)),
    'maps need ≥': NET.mapsPerSecond,
    'longest task ms': Math.round(netStats.longest),
    'task need ≤': BUDGET.task,
    ok: eps >= NET.epochsPerSecond && fps >= NET.mapsPerSecond && netStats.longest <= BUDGET.task ? 'PASS' : 'FAIL',
  },
]);
await net.close();
await server.stop();
