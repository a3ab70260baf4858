import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app.tsx';
import { getTrainerClient } from './store/trainer-client.ts';
import { trainingStore } from './store/training-store.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Precache the shell and the worker chunk on first visit so the next visit works offline.
registerSW({ immediate: true });

// Browser tests and bench:ui reach the worker's crash hook and run statistics through this;
// it exists only when the page is opened with ?test-hooks.
if (new URLSearchParams(window.location.search).has('test-hooks')) {
  const runStats = (channel: string) => {
    const run = trainingStore.getState().runs[channel];
    return run && { status: run.status, steps: run.history.length, batches: run.batches, elapsedMs: run.elapsedMs };
  };
  Object.assign(window, { perceptronLab: { crashWorker: () => getTrainerClient().crashForTesting(), runStats } });
}
