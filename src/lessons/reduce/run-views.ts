/** Reading a Reduce run for the page: chart points, the status line, a run's outcome in words. */
import { formatNumber } from '../../components/format.ts';
import type { StatusInfo } from '../../components/run-status.tsx';
import type { ReduceColumn, ReduceRunView } from '../../store/reduce-store.ts';

/** At most ~`max` points of one column, evenly spread, the last always included. */
export function historyPoints(
  run: ReduceRunView | undefined,
  column: ReduceColumn,
  max = 500,
  keep: (v: number) => boolean = () => true,
): { step: number; value: number }[] {
  if (!run) return [];
  const h = run.history;
  const steps = h.column('steps');
  const ys = h.column(column);
  const stride = Math.max(1, Math.ceil(h.length / max));
  const out: { step: number; value: number }[] = [];
  for (let i = 0; i < h.length; i += stride) if (keep(ys[i])) out.push({ step: steps[i], value: ys[i] });
  const last = h.length - 1;
  if (last >= 0 && last % stride !== 0 && keep(ys[last])) out.push({ step: steps[last], value: ys[last] });
  return out;
}

/** Where a Reduce run that blew up was caught, on its `column` line; undefined otherwise. */
export function reduceBlowUpMark(
  run: ReduceRunView | undefined,
  column: ReduceColumn,
): { step: number; value: number; label: string } | undefined {
  if (!run || (run.status !== 'diverged' && run.status !== 'overflowed')) return;
  const h = run.history;
  if (!h.length) return;
  const steps = h.column('steps');
  const i = run.divergedAt === undefined ? -1 : run.divergedAt - steps[0];
  if (i >= 0 && i < h.length)
    return { step: steps[i], value: h.column(column)[i], label: `blew up: caught at step ${steps[i]}` };
  // An overflow's step has no row (its numbers could not be kept): mark the last one kept.
  const last = h.length - 1;
  return { step: steps[last], value: h.column(column)[last], label: `overflowed after step ${steps[last]}` };
}

export const reduceStatusRun = (run: ReduceRunView | undefined): StatusInfo | undefined =>
  run && {
    status: run.status,
    step: run.history.length ? run.history.column('steps')[run.history.length - 1] : 0,
    steps: run.config.steps,
    divergedAt: run.divergedAt,
    message: run.message,
  };

/** Closer than this to PCA's plane counts as there (a settled run at lr 0.1 ends ~1e-4° away). */
const PLANE_THERE_DEGREES = 1e-3;

/** "settled: loss 0.04187, 0.0001° from PCA" — what a learning-rate run did. */
export function reduceOutcome(run: ReduceRunView | undefined, floor: number | undefined): string {
  if (!run) return 'not run yet';
  const n = run.history.length;
  if (run.status === 'running') return 'running…';
  if (run.status === 'diverged' || run.status === 'overflowed') return `blew up (caught at step ${run.divergedAt})`;
  if (!n) return run.status;
  const loss = run.history.column('loss');
  const last = loss[n - 1];
  const tail = Array.from(loss.subarray(Math.max(0, n - 20), n));
  const swing = Math.max(...tail) - Math.min(...tail);
  const settled = floor !== undefined && Math.abs(last - floor) < 1e-4 && swing < 1e-4;
  const degrees = run.config.kind === 'autoencoder' ? run.history.column('angle')[n - 1] : undefined;
  const angle = degrees === undefined ? '' : `, ${formatNumber(degrees)}° from PCA`;
  // A loss that swings while the plane sits on PCA's: the columns of W keep changing length,
  // which the loss feels and the plane (their span) does not.
  const planeThere = !settled && degrees !== undefined && degrees < PLANE_THERE_DEGREES;
  const why = planeThere ? ': the plane has reached PCA’s, but the lengths of W’s columns keep swinging' : '';
  return `${settled ? 'settled' : 'never settled'}: loss ${formatNumber(last)}${settled ? '' : ` swinging by ${formatNumber(swing)} over the last steps`}${angle}${why}`;
}
