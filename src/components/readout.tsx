import { formatNumber } from './format.ts';
import type { RunView } from '../store/training-store.ts';

/**
 * The latest state of a run: the step, the weight (and bias) it reached, and the loss measured
 * there. With `printout`, also the line the tutorial's loop prints for that step, which is the
 * loss measured inside the step before its update: the previous state's.
 */
export function Readout({
  run,
  label = 'Current values',
  printout = false,
}: {
  run: RunView | undefined;
  label?: string;
  printout?: boolean;
}) {
  const h = run?.history;
  const last = h?.latest() ?? null;
  const withBias = run?.config.model === 'w+b';
  const n = h?.length ?? 0;
  return (
    <>
      <dl className="readout" aria-label={label}>
        <div>
          <dt>Step</dt>
          <dd data-testid="readout-step">{last ? last.step : '—'}</dd>
        </div>
        <div>
          <dt>Weight</dt>
          <dd data-testid="readout-weight">{formatNumber(last?.weight)}</dd>
        </div>
        {withBias && (
          <div>
            <dt>Bias</dt>
            <dd data-testid="readout-bias">{formatNumber(last?.bias)}</dd>
          </div>
        )}
        <div>
          <dt>
            Loss <span className="dt-note">at this {withBias ? 'w and b' : 'weight'}</span>
          </dt>
          <dd data-testid="readout-loss">{formatNumber(last?.loss)}</dd>
        </div>
      </dl>
      {printout && h && last && n >= 2 && (
        <p className="muted" data-testid="readout-printout">
          The tutorial’s loop prints “step {last.step}: loss {formatNumber(h.loss[n - 2])}”: the loss it measures inside
          step {last.step}, before that step’s update, which is step {h.steps[n - 2]}’s loss here.
        </p>
      )}
    </>
  );
}
