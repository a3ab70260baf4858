/**
 * The app's lazily loaded parts, each its own chunk: the lessons, the Playground (the chart
 * code registers itself in components/history-chart.tsx). The page fetches them all at idle
 * right after its first paint (prefetchAll), so that a chunk does not arrive in the middle of
 * a run.
 */
import { lazyModule, loadAll } from './components/lazy-module.ts';
import { warmMathFont } from './components/warm-math.ts';
import { whenIdle } from './components/schedule.tsx';

export const loaders = {
  negator: lazyModule(() => import('./lessons/negator/negator-step.tsx')),
  playground: lazyModule(() => import('./playground/playground-page.tsx')),
  reduce: lazyModule(() => import('./lessons/reduce/reduce-step.tsx')),
};

/** Restores the compared runs from IndexedDB and keeps saving them (only the Playground shows them). */
const comparedRuns = lazyModule(() =>
  import('./store/compared-runs-sync.ts').then((m) => {
    void m.startComparedRunsSync();
    return m;
  }),
);

/** Fetches every lazy chunk, and warms the math font, once the browser is idle after the first paint. */
export function prefetchAll(): void {
  const go = () => {
    void loadAll().catch(() => undefined);
    void comparedRuns.load();
    warmMathFont();
  };
  whenIdle(go);
}
