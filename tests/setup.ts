import { afterEach } from 'vitest';

// The worker runs for real behind a MessageChannel; on a busy 2-core machine an answer can
// take longer than Testing Library's default 1 s.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5000 });
}

// The app's lazily loaded chunks (lessons, Playground, charts) are loaded before any test
// renders, as the page itself loads them at idle after its first paint.
if (typeof document !== 'undefined') {
  await import('../src/loaders.ts');
  await import('../src/components/history-chart.tsx');
  const { loadAll } = await import('../src/components/lazy-module.ts');
  await loadAll();
}

// The engine's large-tensor accelerations load as their own module (src/engine/accel/boot.ts)
// and a worker run waits for them; tests on fake clocks cannot wait for a module to load.
await (
  await import('../src/engine/index.ts')
).accelerated;

// Testing Library only auto-cleans with vitest globals; we keep globals off. The named queries'
// answers are forgotten too, so no test sees another's (setTrainerClient also clears them).
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
  (await import('../src/store/query-cache.ts')).clearQueryCache();
});

// jsdom has no ResizeObserver, and charts size themselves with one (components/plot/use-width.ts): give
// every observed element a fixed 600×240 box so charts draw in component tests.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class FixedResizeObserver {
    constructor(private readonly cb: ResizeObserverCallback) {}
    observe(target: Element) {
      const entry = {
        target,
        contentRect: { width: 600, height: 240, top: 0, left: 0, bottom: 240, right: 600, x: 0, y: 0 },
      };
      this.cb([entry as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = FixedResizeObserver;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = FixedResizeObserver;
}
