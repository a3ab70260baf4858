import { memo } from 'react';
import type { RunView } from '../store/training-store.ts';
import { downsample } from '../store/history.ts';
import { formatNumber } from './format.ts';
import { groupDigits } from '../training/digits.ts';

/**
 * The run step by step, one state per row: step k's weight (and bias) with the loss and slope
 * measured there. Long runs show a downsampled selection of rows, and say so.
 */
export const StepTable = memo(function StepTable({
  run,
  maxRows = 200,
}: {
  run: RunView | undefined;
  maxRows?: number;
}) {
  if (!run || run.history.length === 0)
    return <p className="muted">The per-step values appear here as training runs.</p>;
  const h = run.history;
  const withBias = run.config.model === 'w+b';
  const rows = h.length <= maxRows ? Array.from({ length: h.length }, (_, i) => i) : sampleRows(run, maxRows);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Per-step values">
      <table>
        <caption>
          Per-step values{h.length > maxRows ? ` (${rows.length} of ${groupDigits(h.length)} steps)` : ''}: after each
          step, the weight{withBias ? ' and bias' : ''} with the loss and slope there
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Weight</th>
            {withBias && <th scope="col">Bias</th>}
            <th scope="col">Loss</th>
            <th scope="col">Slope dL/dw</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={h.steps[i]}>
              <th scope="row">{h.steps[i]}</th>
              <td>{formatNumber(h.weight[i])}</td>
              {withBias && <td>{formatNumber(h.bias[i])}</td>}
              <td>{formatNumber(h.loss[i])}</td>
              <td>{formatNumber(h.grad[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

function sampleRows(run: RunView, maxRows: number): number[] {
  const steps = downsample(run.history, 'loss', maxRows).map((p) => p.step);
  const first = run.history.steps[0];
  return steps.map((s) => s - first);
}
