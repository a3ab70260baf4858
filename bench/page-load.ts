/**
 * Opening pages on a slow phone, as Lighthouse's mobile profile emulates one over CDP: 150 ms
 * round trips, 1.6 Mbit/s down, 750 kbit/s up, the CPU 4× slower. First contentful paint,
 * largest contentful paint, layout shift and the longest main-thread task, for a first visit
 * to each page (no cache, no service worker) and for opening each page from the navigation.
 */
import type { BrowserContext, Page } from 'playwright-core';

export const MOBILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpu: 4,
};

export interface LoadMetrics {
  fcp: number;
  lcp: number;
  cls: number;
  longestTask: number;
  /** Each layout shift: its score and what moved. */
  shifts: string[];
}

// Plain JavaScript, as a string: tsx would wrap named functions in a helper the page lacks.
const VITALS_SCRIPT = `
  const v = { fcp: NaN, lcp: NaN, cls: 0, tasks: [], shifts: [] };
  window.vitals = v;
  const what = (n) => n instanceof Element ? n.tagName.toLowerCase() + (n.className ? '.' + String(n.className).split(' ')[0] : '') : (n ? n.nodeName : '?');
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') v.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) v.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      v.cls += e.value;
      v.shifts.push(e.value.toFixed(4) + ' at ' + Math.round(e.startTime) + ' ms: ' + (e.sources || []).map((s) => what(s.node) + ' ' + Math.round(s.previousRect.y) + '→' + Math.round(s.currentRect.y)).join(', '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) v.tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
`;

/** Records paints, layout shifts and long tasks from the first byte on (an init script). */
export async function watchVitals(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: VITALS_SCRIPT });
}

/** Puts the page on the slow phone (network and CPU). */
export async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: MOBILE.latency,
    downloadThroughput: MOBILE.downloadThroughput,
    uploadThroughput: MOBILE.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
}

type Vitals = { fcp: number; lcp: number; cls: number; tasks: { start: number; duration: number }[]; shifts: string[] };
const read = (page: Page) => page.evaluate(() => (window as unknown as { vitals: Vitals }).vitals);

/** A first visit to `url` on the slow phone; waits until the page has been quiet for a while. */
export async function firstVisit(page: Page, url: string, settleMs = 4000): Promise<LoadMetrics> {
  await throttle(page);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(settleMs);
  const v = await read(page);
  return {
    fcp: v.fcp,
    lcp: v.lcp,
    cls: v.cls,
    longestTask: Math.max(0, ...v.tasks.map((t) => t.duration)),
    shifts: v.shifts,
  };
}

/** Opens the page linked as `linkName` from the navigation; the longest task from the click until things settle. */
export async function openFromNav(page: Page, linkName: string, settleMs = 2500): Promise<number> {
  // Found first: finding a link by its accessible name runs Playwright's own script in the
  // page (up to ~90 ms on this profile), which is the test's work, not the app's.
  const link = await page
    .getByRole('navigation', { name: 'Lesson' })
    .getByRole('link', { name: linkName, exact: true })
    .elementHandle();
  await page.waitForTimeout(200);
  const t0 = await page.evaluate(() => performance.now());
  await link.click();
  await page.waitForTimeout(settleMs);
  const v = await read(page);
  return Math.max(0, ...v.tasks.filter((t) => t.start + t.duration > t0).map((t) => t.duration));
}
