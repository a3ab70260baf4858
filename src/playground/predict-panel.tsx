/** Predict: any input through the selected run's trained model, evaluated by the worker. */
import { useState } from 'react';
import { NumberField } from '../components/number-field.tsx';
import { formatNumber } from '../components/format.ts';
import { lossSetting, queries, useQuery } from '../store/queries.ts';
import { checkCell } from './playground-form.ts';
import { useSelectedRun } from './use-runs.ts';

/** A number as an operand: negative ones in parentheses, "3 · (−1)". */
const paren = (v: number) => (v < 0 ? `(${formatNumber(v)})` : formatNumber(v));

/** The Predict card: type an input, read the model's output. */
export function PredictPanel() {
  const run = useSelectedRun();
  const [text, setText] = useState('-3');
  const parsed = checkCell(text, 'Input');
  const last = run?.history.latest() ?? null;
  const x = 'value' in parsed ? parsed.value : null;
  const asked = run && last && x !== null;
  const q = useQuery(
    queries.evaluate,
    asked
      ? { ...lossSetting(run.config), pairs: [{ input: x, target: 0 }], weight: last.weight, bias: last.bias }
      : null,
  );
  const withBias = run?.config.model === 'w+b';
  const out = asked ? q.data?.predictions[0] : undefined;
  return (
    <section className="card" aria-labelledby="pg-predict">
      <h2 id="pg-predict">Predict</h2>
      <p>Type any input to see what the trained perceptron outputs for it.</p>
      <div className="fields">
        <NumberField
          label="Predict input"
          value={text}
          onChange={setText}
          error={'message' in parsed ? parsed.message.replace(/^Input/, 'The input') : undefined}
        />
        <div className="field">
          <span className="pg-output-label" id="pg-output-label">
            Output
          </span>
          <output className="pg-output" aria-labelledby="pg-output-label" aria-live="polite" data-testid="prediction">
            {out === undefined ? '—' : formatNumber(out)}
          </output>
        </div>
      </div>
      {!last && (
        <p className="muted">
          Train or Step first: the prediction uses the selected run’s latest weight{withBias ? ' and bias' : ''}.
        </p>
      )}
      {last && x !== null && (
        <p className="math" data-testid="prediction-sum">
          {formatNumber(x)} · {paren(last.weight)}
          {withBias ? ` + ${paren(last.bias)}` : ''} = {out === undefined ? '…' : formatNumber(out)}
          <span className="muted">
            {' '}
            (weight{withBias ? ' and bias' : ''} after step {last.step})
          </span>
        </p>
      )}
      {q.error && asked && (
        <p role="alert" className="status-alert">
          The worker could not predict: {q.error}
        </p>
      )}
    </section>
  );
}
