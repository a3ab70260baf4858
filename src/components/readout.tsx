import { formatNumber } from './format.ts';
import type { RunView } from '../store/training-store.ts';

/** The latest step, loss and parameters of a run, as a labelled list. */
export function Readout({ run, label = 'Current values' }: { run: RunView | undefined; label?: string }) {
  const last = run?.history.latest() ?? null;
  const withBias = run?.config.model === 'w+b';
  return (
    <dl className="readout" aria-label={label}>
      <div><dt>Step</dt><dd data-testid="readout-step">{last ? last.step : '—'}</dd></div>
      <div><dt>Loss</dt><dd data-testid="readout-loss">{formatNumber(last?.loss)}</dd></div>
      <div><dt>Weight</dt><dd data-testid="readout-weight">{formatNumber(last?.weight)}</dd></div>
      {withBias && <div><dt>Bias</dt><dd data-testid="readout-bias">{formatNumber(last?.bias)}</dd></div>}
    </dl>
  );
}
