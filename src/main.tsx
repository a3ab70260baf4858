import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app.tsx';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Precache the shell and the worker chunk on first visit so the next visit works offline.
registerSW({ immediate: true });

// Fetch and evaluate the chart code while the learner reads, not in the middle of a run.
const warmCharts = () => { void import('./components/line-plot.tsx'); void import('./components/parabola-plot.tsx'); };
if ('requestIdleCallback' in window) requestIdleCallback(warmCharts, { timeout: 3000 });
else setTimeout(warmCharts, 1500);

// Browser tests reach the worker's crash hook through this; learners never load it.
if (new URLSearchParams(window.location.search).has('test-hooks')) {
  void Promise.all([import('./store/trainer-client.ts'), import('./store/training-store.ts')]).then(([{ getTrainerClient }, { trainingStore }]) => {
    const runStats = (channel: string) => {
      const run = trainingStore.getState().runs[channel];
      return run && { status: run.status, steps: run.history.length, batches: run.batches, elapsedMs: run.elapsedMs };
    };
    Object.assign(window, { perceptronLab: { crashWorker: () => getTrainerClient().crashForTesting(), runStats } });
  });
}
