import type { RunView } from '../store/training-store.ts';

const TEXT: Record<RunView['status'], string> = {
  running: 'Training…',
  done: 'Done.',
  stopped: 'Stopped.',
  diverged: 'Diverged.',
  error: 'Something went wrong.',
};

/** One polite live line saying what the run is doing, plus the worker's explanation if any. */
export function RunStatusLine({ run }: { run: RunView | undefined }) {
  const last = run?.history.latest();
  let text = 'Ready. Press Train to run gradient descent.';
  if (run) {
    text = TEXT[run.status];
    if (run.status === 'done' || run.status === 'stopped') text += ` ${last?.step ?? 0} steps run.`;
  }
  const alert = run && (run.status === 'diverged' || run.status === 'error');
  return (
    <div className={alert ? 'status status-alert' : 'status'} role={alert ? 'alert' : 'status'}>
      <strong>{text}</strong>
      {run?.message && <span> {run.message}</span>}
    </div>
  );
}
