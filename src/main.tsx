import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { startPwa } from './pwa.ts';
import { prefetchAll } from './loaders.ts';
import { getTrainerClient } from './store/trainer-client.ts';
import { trainingStore } from './store/training-store.ts';
import './styles.css';

createRoot(document.getElementById('root')!, {
  // A page that fails is caught by its RouteBoundary, which tells the learner; a warning is enough here.
  onCaughtError: (error) => console.warn('A page failed to render and was caught:', error),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Precache the shell and the worker chunk on first visit so the next visit works offline;
// later versions are offered, never forced.
startPwa();
prefetchAll();

// Browser tests and bench:ui reach the worker's crash hook and run statistics through this;
// it exists only when the page is opened with ?test-hooks.
if (new URLSearchParams(window.location.search).has('test-hooks')) {
  const runStats = (channel: string) => {
    const run = trainingStore.getState().runs[channel];
    return run && { status: run.status, steps: run.history.length, batches: run.batches, elapsedMs: run.elapsedMs };
  };
  Object.assign(window, {
    perceptronLab: {
      crashWorker: () => getTrainerClient().crashForTesting(),
      closeWorker: () => getTrainerClient().closeForTesting(),
      runStats,
    },
  });
}
