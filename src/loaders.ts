/**
 * The app's lazily loaded parts, each its own chunk: the lessons, the Playground (the chart
 * code registers itself in components/history-chart.tsx). The page fetches them all at idle
 * right after its first paint (prefetchAll), so that a chunk does not arrive in the middle of
 * a run.
 */
import { lazyModule, loadAll } from './components/lazy-module.ts';
import { warmMathFont } from './components/warm-math.ts';
import { whenIdle } from './components/schedule.tsx';

/** Restores the compared runs from IndexedDB and keeps saving them (only the Playground shows them). */
const comparedRuns = lazyModule(() =>
  import('./store/compared-runs-sync.ts').then((m) => {
    void m.startComparedRunsSync();
    return m;
  }),
);

export const loaders = {
  negator: lazyModule(() => import('./lessons/negator/negator-step.tsx')),
  // The Playground shows once its saved runs are being restored: a Train pressed at once then
  // waits for them (playground-store.ts) instead of writing over a list it never read.
  playground: lazyModule(() =>
    Promise.all([import('./playground/playground-page.tsx'), comparedRuns.load()]).then(([m]) => m),
  ),
  reduce: lazyModule(() => import('./lessons/reduce/reduce-step.tsx')),
  layers: lazyModule(() => import('./lessons/layers/layers-step.tsx')),
  network: lazyModule(() => import('./network/network-page.tsx')),
};

/** Fetches every lazy chunk, and warms the math font, once the browser is idle after the first paint. */
export function prefetchAll(): void {
  const go = () => {
    void loadAll().catch(() => undefined);
    void comparedRuns.load();
    warmMathFont();
  };
  whenIdle(go);
}
