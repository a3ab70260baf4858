import { formatNumber } from './format.ts';
import type { RunView } from '../store/training-store.ts';

/**
 * The latest step of a run, labelled the way the tutorial prints it: the loss that step
 * measured before its update, and the weight (and bias) after it.
 */
export function Readout({ run, label = 'Current values' }: { run: RunView | undefined; label?: string }) {
  const last = run?.history.latest() ?? null;
  const withBias = run?.config.model === 'w+b';
  return (
    <dl className="readout" aria-label={label}>
      <div>
        <dt>Step</dt>
        <dd data-testid="readout-step">{last ? last.step : '—'}</dd>
      </div>
      <div>
        <dt>
          Loss <span className="dt-note">before its update</span>
        </dt>
        <dd data-testid="readout-loss">{formatNumber(last?.loss)}</dd>
      </div>
      <div>
        <dt>
          Weight <span className="dt-note">after it</span>
        </dt>
        <dd data-testid="readout-weight">{formatNumber(last?.weight)}</dd>
      </div>
      {withBias && (
        <div>
          <dt>
            Bias <span className="dt-note">after it</span>
          </dt>
          <dd data-testid="readout-bias">{formatNumber(last?.bias)}</dd>
        </div>
      )}
    </dl>
  );
}
