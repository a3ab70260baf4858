/**
 * `npm run bench:ui`: the 1,000,000-step run in the built app, in the system Chromium.
 * Prints the worker's wall time, messages received per second, the longest main-thread task
 * and the JS heap after the run, next to a 40-step run measured in the same session.
 */
import { execFileSync } from 'node:child_process';
import { openBrowser, servePreview } from '../tests/e2e/harness.ts';

interface Stats { status: string; steps: number; batches: number; elapsedMs?: number }

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = await servePreview();
const browser = await openBrowser(server.url);
const { page } = browser;

async function run(steps: number) {
  await page.goto(`${server.url}?test-hooks#/descent`);
  await page.waitForFunction(() => 'perceptronLab' in window);
  await page.getByLabel('Steps', { exact: true }).fill(String(steps));
  await page.waitForTimeout(1500); // let the lazy chart code load and the page settle
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(() => {
    const s = (window as unknown as { perceptronLab: { runStats(c: string): Stats | undefined } }).perceptronLab.runStats('descent');
    return s && s.status !== 'running';
  }, undefined, { timeout: 300_000, polling: 250 });
  const wallMs = Date.now() - t0;
  await page.waitForTimeout(500);
  const result = await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; perceptronLab: { runStats(c: string): Stats } };
    const perf = performance as unknown as { memory?: { usedJSHeapSize: number } };
    return { stats: w.perceptronLab.runStats('descent'), longest: Math.max(0, ...w.longTasks), over50: w.longTasks.filter((d) => d > 50).length, heap: perf.memory?.usedJSHeapSize ?? NaN };
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
console.log(`1M-step run: ${big['worker ms']} ms in the worker, ${big['msgs/s']} messages/s, longest main-thread task ${big['longest task ms']} ms, heap ${big['heap MB']} MB (40-step baseline heap ${rows[0]['heap MB']} MB).`);
await browser.close();
await server.stop();
