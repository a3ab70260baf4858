import type { RunView } from '../store/training-store.ts';
import { formatNumber, plural } from './format.ts';

/** What the run is doing, in one sentence. */
export function statusText(run: RunView | undefined): string {
  if (!run) return 'Ready. Press Train to run gradient descent.';
  const step = run.history.latest()?.step ?? 0;
  switch (run.status) {
    // No step number while running: this line is a live region, and would be read out at every step.
    case 'running': return 'Training…';
    case 'paused': return `Paused at step ${step}. Resume to go on, or Step to take one step.`;
    case 'done': return `Done: ${plural(step, 'step')} run.`;
    case 'stopped': return `Stopped at step ${step}.`;
    case 'stepped': return `${plural(step, 'step')} taken, one at a time.`;
    case 'diverged': return `Diverged at step ${run.divergedAt}; the run went on to step ${step} so you can see the blow-up.`;
    case 'overflowed': return 'Stopped early.';
    case 'error': return 'Something went wrong.';
  }
}

/** One polite live line saying what the run is doing, plus the worker's explanation if any. */
export function RunStatusLine({ run }: { run: RunView | undefined }) {
  const alert = run && (run.status === 'diverged' || run.status === 'overflowed' || run.status === 'error');
  return (
    <div className={alert ? 'status status-alert' : 'status'} role={alert ? 'alert' : 'status'}>
      <strong>{statusText(run)}</strong>
      {run?.message && <span> {run.message}</span>}
    </div>
  );
}

/** A run's result in a few words, for lists of runs: "done after 40 steps: w = -0.9995, loss 3.84e-6". */
export function runOutcome(run: RunView | undefined): string {
  if (!run) return 'not run yet';
  const last = run.history.latest();
  const step = last?.step ?? 0;
  const where = last ? `w = ${formatNumber(last.weight)}${run.config.model === 'w+b' ? `, b = ${formatNumber(last.bias)}` : ''}, loss ${formatNumber(last.loss)}` : '';
  switch (run.status) {
    case 'running': return `running, step ${step}`;
    case 'paused': return `paused at step ${step}`;
    case 'diverged': return `diverged at step ${run.divergedAt}; loss ${formatNumber(last?.loss)} by step ${step}`;
    case 'overflowed': return `overflowed after step ${step}`;
    case 'error': return 'failed';
    case 'done': return `done after ${plural(step, 'step')}: ${where}`;
    case 'stopped': return `stopped after ${plural(step, 'step')}: ${where}`;
    case 'stepped': return `${plural(step, 'step')} taken: ${where}`;
  }
}
