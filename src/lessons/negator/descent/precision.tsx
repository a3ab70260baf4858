/**
 * Can it reach −1 exactly? The same 1,000 steps in float32 and float64, the last updates near
 * −1 set against half the gap between neighbouring float32 numbers there, and learning rate
 * 0.05, which does land on −1 in float32.
 */
import { formatExact, formatNumber } from '../../../components/format.ts';
import { trainingStore, useTraining, type RunView } from '../../../store/training-store.ts';
import { NEGATOR_CONFIG, type TrainingConfig } from '../../../training/config.ts';
import { float32HalfGapBelow, float32Moves } from '../../../training/precision.ts';
import { groupDigits } from '../../../training/digits.ts';

const PRECISION_STEPS = 1000;
const precisionConfig = (
  dtype: 'float32' | 'float64',
  learningRate = NEGATOR_CONFIG.learningRate,
  steps = PRECISION_STEPS,
): TrainingConfig => ({ ...NEGATOR_CONFIG, dtype, learningRate, steps });
const LANDS = 'precision-lr-0.05';

/** The step after which the weight never changed again, if it froze before the end. */
export function frozenAt(run: RunView | undefined): number | null {
  if (!run || run.status !== 'done') return null;
  const { weight, steps, length } = run.history;
  let i = length - 1;
  while (i > 0 && weight[i - 1] === weight[length - 1]) i--;
  return i < length - 1 ? steps[i] : null;
}

/** The first step whose weight is exactly −1, if any. */
export function exactlyMinusOneAt(run: RunView | undefined): number | null {
  if (!run) return null;
  const h = run.history;
  for (let i = 0; i < h.length; i++) if (h.weight[i] === -1) return h.steps[i];
  return null;
}

function PrecisionColumn({ dtype, run }: { dtype: 'float32' | 'float64'; run: RunView | undefined }) {
  const last = run?.history.latest();
  const frozen = frozenAt(run);
  return (
    <div className="precision-col">
      <h3>{dtype}</h3>
      <p>
        Final weight:{' '}
        <strong data-testid={`final-weight-${dtype}`}>
          {run?.status === 'done' ? formatExact(last?.weight, dtype) : run ? 'running…' : '—'}
        </strong>
      </p>
      <p>Final loss: {formatNumber(last?.loss)}</p>
      <p>
        {frozen
          ? `The weight stopped changing at step ${frozen}.`
          : run?.status === 'done'
            ? 'The weight was still moving at the end.'
            : ''}
      </p>
    </div>
  );
}

/** The float32 run's updates around the step where the weight froze. */
function FreezeTable({ run }: { run: RunView | undefined }) {
  const frozen = frozenAt(run);
  if (!run || frozen === null) return null;
  const h = run.history;
  const lr = Math.fround(run.config.learningRate);
  const at = h.indexOf(frozen);
  const rows = [];
  for (let i = Math.max(1, at - 4); i <= Math.min(h.length - 1, at + 2); i++) {
    const before = h.weight[i - 1];
    // Step k moves by the gradient at step k − 1's weight (each row is a state).
    const update = Math.fround(Math.fround(h.grad[i - 1]) * -lr);
    rows.push({
      step: h.steps[i],
      before,
      update,
      half: float32HalfGapBelow(before),
      moves: float32Moves(before, update),
      after: h.weight[i],
    });
  }
  return (
    <div className="table-scroll" role="region" aria-label="The last updates near −1" tabIndex={0}>
      <table>
        <caption>The last updates near −1 in float32</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">w before</th>
            <th scope="col">Update −η·gradient</th>
            <th scope="col">Half the float32 gap at w</th>
            <th scope="col">Does w move?</th>
            <th scope="col">w after</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.step}>
              <th scope="row">{r.step}</th>
              <td>{formatExact(r.before, 'float32')}</td>
              <td>{r.update.toExponential(2)}</td>
              <td>{r.half.toExponential(2)}</td>
              <td>{r.moves ? 'yes' : 'no — it rounds back'}</td>
              <td>{formatExact(r.after, 'float32')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PrecisionExperiment() {
  const r32 = useTraining((s) => s.runs['precision-float32']);
  const r64 = useTraining((s) => s.runs['precision-float64']);
  const lands = useTraining((s) => s.runs[LANDS]);
  const run = () =>
    (['float32', 'float64'] as const).forEach(
      (d) => void trainingStore.getState().train(`precision-${d}`, precisionConfig(d)),
    );
  const exact = exactlyMinusOneAt(lands);
  return (
    <section className="card" aria-labelledby="prec-exp">
      <h2 id="prec-exp">Experiment: can it reach −1 exactly?</h2>
      <p>
        Computers store numbers with a fixed number of digits. float32, the default in TensorFlow and here, keeps about
        7 significant digits; float64 about 16. Run {groupDigits(PRECISION_STEPS)} steps in each.
      </p>
      <button type="button" className="primary" onClick={run}>
        Run 1,000 steps in float32 and float64
      </button>
      <div className="two-col">
        <PrecisionColumn dtype="float32" run={r32} />
        <PrecisionColumn dtype="float64" run={r64} />
      </div>
      <p>
        Near −1, neighbouring float32 numbers are 2⁻²⁴ ≈ 5.96·10⁻⁸ apart. Once the update, learning rate × gradient, is
        smaller than half that gap (≈ 2.98·10⁻⁸), adding it to the weight rounds back to the same number: the weight
        freezes a little short of −1. The table shows those last updates. float64&apos;s gaps are 2⁻⁵³ — about half a
        billion (5.4·10⁸) times finer — so it gets within a few units of 10⁻¹⁶: still not exactly −1, but far closer
        than any task needs.
      </p>
      <FreezeTable run={r32} />
      <p>
        A larger step can do what small ones cannot. At learning rate 0.05 each step multiplies the distance to −1 by 1
        − 18 · 0.05 = 0.1, so the update is 90 % of the remaining distance, far more than half a gap: the weight jumps
        to within a tenth of the distance, and once that tenth is below half a gap, rounding puts it exactly on −1.
      </p>
      <button
        type="button"
        onClick={() => void trainingStore.getState().train(LANDS, precisionConfig('float32', 0.05, 40))}
      >
        Run learning rate 0.05 in float32
      </button>
      {lands?.status === 'done' && (
        <p role="status" data-testid="lands-on-minus-one">
          {exact !== null
            ? `At learning rate 0.05 the float32 weight is exactly −1 from step ${exact} on.`
            : `At learning rate 0.05 the float32 weight ended at ${formatExact(lands.history.latest()?.weight, 'float32')}.`}
        </p>
      )}
    </section>
  );
}
