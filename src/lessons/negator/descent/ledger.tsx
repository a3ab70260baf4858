/**
 * A ledger of the run: pick any step and see its tape — the same graph as on the Tape step,
 * with that step's weight, values and gradients. A real tape is discarded after its step, so
 * the step is recorded again from the weight the run stored before it.
 */
import { useId, useMemo, useState } from 'react';
import { formatNumber } from '../../../components/format.ts';
import { TapeGraph } from '../../../components/tape-graph/tape-graph.tsx';
import { queries, useQuery } from '../../../store/queries.ts';
import type { RunView } from '../../../store/training-store.ts';
import { buildWalk } from '../tape/phases.ts';
import { TapeTable } from '../tape/tape-walk.tsx';

export function Ledger({ run }: { run: RunView | undefined }) {
  const id = useId();
  const h = run?.history;
  const last = h && h.length > 1 ? h.steps[h.length - 1] : 0;
  const [picked, setPicked] = useState(1);
  const step = Math.min(Math.max(1, picked), Math.max(1, last));
  const i = h ? h.indexOf(step) : -1;
  const c = run?.config;
  const input =
    c && h && i >= 1
      ? {
          input: c.pairs[0].input,
          target: c.pairs[0].target,
          weight: h.weight[i - 1],
          learningRate: c.learningRate,
          dtype: c.dtype,
        }
      : null;
  const q = useQuery(queries.recordTape, input);
  const walk = useMemo(() => (q.data ? buildWalk(q.data) : null), [q.data]);
  if (!run || last < 1 || run.status === 'running' || !c || c.optimizer !== 'sgd') return null;
  const r = q.data;
  // Step k starts from state k − 1 (its weight, loss and slope) and reaches state k's weight.
  const same =
    r &&
    h &&
    i >= 1 &&
    Object.is(r.loss, h.loss[i - 1]) &&
    Object.is(r.gradient, h.grad[i - 1]) &&
    Object.is(r.next, h.weight[i]);
  const final = walk?.phases[walk.phases.length - 1];
  return (
    <section className="tape-ledger" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>The tape of any step</h3>
      <p>
        A real tape is thrown away once its step is done. To look inside step k, the engine records it again from the
        weight the run stored before that step — and gets exactly the numbers the run got.
      </p>
      <div className="field">
        <label htmlFor={id}>Inspect step</label>
        <input
          id={id}
          className="ledger-slider"
          type="range"
          min={1}
          max={last}
          step={1}
          value={step}
          aria-valuetext={`step ${step} of ${last}`}
          onChange={(e) => setPicked(Number(e.target.value))}
        />
      </div>
      {r && (
        <p className="math" data-testid="ledger-summary" aria-live="polite">
          Step {step}: w = {formatNumber(r.weight)}, loss {formatNumber(r.loss)}, dL/dw = {formatNumber(r.gradient)}{' '}
          (step {step - 1}’s row), next w {formatNumber(r.next)} (step {step}’s row)
          {same ? ' — the same as the run recorded.' : ''}
        </p>
      )}
      {r && walk && final && (
        <>
          <TapeGraph model={walk.model} view={final.view} stories={walk.stories} />
          <details>
            <summary>The same tape as a table</summary>
            <TapeTable result={r} walk={walk} stage={walk.phases.length - 1} />
          </details>
        </>
      )}
    </section>
  );
}
