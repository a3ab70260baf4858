import type { RunView } from '../store/training-store.ts';
import { formatNumber, plural } from './format.ts';

/** What a status line needs to know about a run (any kind of run). */
export interface StatusInfo {
  status: RunView['status'];
  /** The last step taken. */
  step: number;
  /** The steps the run was asked for. */
  steps: number;
  divergedAt?: number;
  message?: string;
  /** What one step is called ('epoch' for network runs, where a step is a pass over the data); 'step' by default. */
  unit?: string;
}

/** A negator run as a status line sees it. */
export const statusOfRun = (run: RunView | undefined): StatusInfo | undefined =>
  run && {
    status: run.status,
    step: run.history.latest()?.step ?? 0,
    steps: run.config.steps,
    divergedAt: run.divergedAt,
    message: run.message,
  };

/** What the run is doing, in one sentence. */
export function statusText(run: StatusInfo | undefined): string {
  if (!run) return 'Ready. Press Train to run gradient descent.';
  const { step } = run;
  const unit = run.unit ?? 'step';
  switch (run.status) {
    // No step number while running: this line is a live region, and would be read out at every step.
    case 'running':
      return 'Training…';
    case 'paused':
      return `Paused at ${unit} ${step}. Resume to go on, or Step to take one ${unit}.`;
    case 'done':
      return `Done: ${plural(step, unit)} run.`;
    case 'stopped':
      return `Stopped at ${unit} ${step}.`;
    case 'stepped':
      return `${plural(step, unit)} taken, one at a time.`;
    case 'diverged':
      return `Diverged at ${unit} ${run.divergedAt}; the run went on to ${unit} ${step} so you can see the blow-up.`;
    case 'overflowed':
      return 'Stopped early.';
    case 'error':
      return 'Something went wrong.';
  }
}

/** One polite live line saying what the run is doing, plus the worker's explanation if any. */
export function StatusLine({ info }: { info: StatusInfo | undefined }) {
  const alert = info && (info.status === 'diverged' || info.status === 'overflowed' || info.status === 'error');
  return (
    <div className={alert ? 'status status-alert' : 'status'} role={alert ? 'alert' : 'status'}>
      <strong>{statusText(info)}</strong>
      {info?.message && <span> {info.message}</span>}
    </div>
  );
}

/** The status line of a negator run. */
export function RunStatusLine({ run }: { run: RunView | undefined }) {
  return <StatusLine info={statusOfRun(run)} />;
}

/** A run's result in a few words, for lists of runs: "done after 40 steps: w = -0.9995, loss 3.84e-6". */
export function runOutcome(run: RunView | undefined): string {
  if (!run) return 'not run yet';
  const last = run.history.latest();
  const step = last?.step ?? 0;
  const where = last
    ? `w = ${formatNumber(last.weight)}${run.config.model === 'w+b' ? `, b = ${formatNumber(last.bias)}` : ''}, loss ${formatNumber(last.loss)}`
    : '';
  switch (run.status) {
    case 'running':
      return `running, step ${step}`;
    case 'paused':
      return `paused at step ${step}`;
    case 'diverged':
      return `diverged at step ${run.divergedAt}; loss ${formatNumber(last?.loss)} by step ${step}`;
    case 'overflowed':
      return `overflowed after step ${step}`;
    case 'error':
      return 'failed';
    case 'done':
      return `done after ${plural(step, 'step')}: ${where}`;
    case 'stopped':
      return `stopped after ${plural(step, 'step')}: ${where}`;
    case 'stepped':
      return `${plural(step, 'step')} taken: ${where}`;
  }
}
