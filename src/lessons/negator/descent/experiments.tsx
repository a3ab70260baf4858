import { HistoryChart } from '../../../components/history-chart.tsx';
import { runOutcome } from '../../../components/run-status.tsx';
import { formatExact, formatNumber } from '../../../components/format.ts';
import { useShallow } from 'zustand/react/shallow';
import { trainingStore, useTraining, type RunView } from '../../../store/training-store.ts';
import { downsample } from '../../../store/history.ts';
import { useWorkerQuery } from '../../../store/use-worker-query.ts';
import { NEGATOR_CONFIG, type TrainingConfig } from '../../../training/config.ts';

export const LR_PRESETS = [0.01, 0.05, 0.1, 0.12] as const;
const LR_STEPS = 100;
const COLORS = ['var(--weight)', 'var(--bias)', '#7c3aed', 'var(--loss)'];
const lrChannel = (lr: number) => `lr-${lr}`;

function lrConfig(lr: number): TrainingConfig {
  return { ...NEGATOR_CONFIG, learningRate: lr, steps: LR_STEPS };
}

/** Four learning rates on the same problem; the largest overshoots further every step. */
export function LearningRateExperiment() {
  const runs = useTraining(useShallow((s) => LR_PRESETS.map((lr) => s.runs[lrChannel(lr)])));
  const curv = useWorkerQuery('curvature', (c) => c.curvature({ ...NEGATOR_CONFIG, dtype: 'float64' }, NEGATOR_CONFIG.initialWeight));
  const d2 = curv.data;
  const run = (lr: number) => void trainingStore.getState().train(lrChannel(lr), lrConfig(lr));
  const diverged = runs.find((r) => r?.status === 'diverged');
  return (
    <section className="card" aria-labelledby="lr-exp">
      <h2 id="lr-exp">Experiment: how big a step?</h2>
      <p>
        A larger learning rate takes bigger steps. Up to a point that is faster; past it each step
        jumps over the minimum and lands higher up the other side. Run each preset for {LR_STEPS} steps:
      </p>
      <div className="toolbar" role="group" aria-label="Rates to try">
        {LR_PRESETS.map((lr) => <button type="button" key={lr} onClick={() => run(lr)}>{lr}</button>)}
        <button type="button" className="primary" onClick={() => LR_PRESETS.forEach(run)}>Run all four</button>
      </div>
      <ul aria-label="Results for each rate">
        {LR_PRESETS.map((lr, i) => <li key={lr}>Learning rate {lr}: {runOutcome(runs[i])}</li>)}
      </ul>
      {diverged?.message && <p role="alert" className="status-alert">{diverged.message}</p>}
      <HistoryChart title="Loss for each learning rate" yLabel="loss (log)" logScale emptyText="Pick a learning rate to run it."
        series={LR_PRESETS.map((lr, i) => ({ key: `lr${i}`, name: `lr ${lr}`, color: COLORS[i], points: runs[i] ? downsample(runs[i]!.history, 'loss') : [] }))} />
      <p>
        Why 0.12 fails: a second tape wrapped around the first differentiates the gradient itself and
        finds the curvature d²L/dw² = <strong data-testid="curvature">{formatNumber(d2)}</strong> (that is 2 · input²).
        Each update multiplies the distance to the minimum by (1 − learning rate · {formatNumber(d2)}). When the
        learning rate is above 2 / {formatNumber(d2)} = <strong>{d2 ? formatNumber(2 / d2) : '—'}</strong> that factor is below −1, so every step
        overshoots further than the last: 0.1 still zig-zags inwards, 0.12 zig-zags out.
      </p>
    </section>
  );
}

const PRECISION_STEPS = 1000;
const precisionConfig = (dtype: 'float32' | 'float64'): TrainingConfig => ({ ...NEGATOR_CONFIG, dtype, steps: PRECISION_STEPS });

/** The step after which the weight never changed again, if it froze before the end. */
function frozenAt(run: RunView | undefined): number | null {
  if (!run || run.status !== 'done') return null;
  const { weight, steps, length } = run.history;
  let i = length - 1;
  while (i > 0 && weight[i - 1] === weight[length - 1]) i--;
  return i < length - 1 ? steps[i] : null;
}

function PrecisionColumn({ dtype, run }: { dtype: 'float32' | 'float64'; run: RunView | undefined }) {
  const last = run?.history.latest();
  const frozen = frozenAt(run);
  return (
    <div className="precision-col">
      <h3>{dtype}</h3>
      <p>Final weight: <strong data-testid={`final-weight-${dtype}`}>{run?.status === 'done' ? formatExact(last?.weight, dtype) : run ? 'running…' : '—'}</strong></p>
      <p>Final loss: {formatNumber(last?.loss)}</p>
      <p>{frozen ? `The weight stopped changing at step ${frozen}.` : run?.status === 'done' ? 'The weight was still moving at the end.' : ''}</p>
    </div>
  );
}

/** The same 1,000 steps in float32 and float64: float32 stalls when updates round away. */
export function PrecisionExperiment() {
  const r32 = useTraining((s) => s.runs['precision-float32']);
  const r64 = useTraining((s) => s.runs['precision-float64']);
  const run = () => (['float32', 'float64'] as const).forEach((d) => void trainingStore.getState().train(`precision-${d}`, precisionConfig(d)));
  return (
    <section className="card" aria-labelledby="prec-exp">
      <h2 id="prec-exp">Experiment: can it reach −1 exactly?</h2>
      <p>
        Computers store numbers with a fixed number of digits. float32, the default in TensorFlow and
        here, keeps about 7 significant digits; float64 about 16. Run {PRECISION_STEPS.toLocaleString('en-US')} steps in each.
      </p>
      <button type="button" className="primary" onClick={run}>Run 1,000 steps in float32 and float64</button>
      <div className="two-col">
        <PrecisionColumn dtype="float32" run={r32} />
        <PrecisionColumn dtype="float64" run={r64} />
      </div>
      <p>
        Near −1, neighbouring float32 numbers are about 6·10⁻⁸ apart. Once the update, learning rate ×
        gradient, is smaller than half that gap, adding it to the weight rounds back to the same number:
        the weight freezes a little short of −1. float64&apos;s gaps are a billion times finer, so it
        gets within a few units of 10⁻¹⁶ — still not exactly −1, but far closer than any task needs.
      </p>
    </section>
  );
}
