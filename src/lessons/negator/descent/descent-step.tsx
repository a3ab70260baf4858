import { memo, useDeferredValue } from 'react';
import { useLater } from '../../../components/use-later.ts';
import { NumberField } from '../../../components/number-field.tsx';
import { formatNumber } from '../../../components/format.ts';
import { Readout } from '../../../components/readout.tsx';
import { RunChartsView } from '../../../components/run-charts.tsx';
import { RunStatusLine } from '../../../components/run-status.tsx';
import { StepTable } from '../../../components/step-table.tsx';
import { LossLandscape } from '../../../components/loss-landscape.tsx';
import { RunControls } from '../../../components/run-controls.tsx';
import { lessonStore, speedOf, useLesson, type DescentDraft } from '../../../store/lesson-store.ts';
import { useTraining, type RunView } from '../../../store/training-store.ts';
import { useWorkerQuery } from '../../../store/use-worker-query.ts';
import { descentPath } from '../../../store/history.ts';
import { DESCENT_LABELS, readDescentForm } from './descent-form.ts';
import { LearningRateExperiment, PrecisionExperiment } from './experiments.tsx';

export const DESCENT_CHANNEL = 'descent';

/** The latest step's update, written out with the engine's numbers. */
function Arithmetic({ run }: { run: RunView | undefined }) {
  const h = run?.history;
  const i = h ? h.length - 1 : -1;
  if (!run || !h || i < 1) return <p>Press <strong>Step</strong> to take one step and see its arithmetic.</p>;
  const lr = run.config.learningRate;
  return (
    <p className="math" data-testid="step-arithmetic">
      Step {h.steps[i]}: loss {formatNumber(h.loss[i])}, gradient {formatNumber(h.grad[i])}, so
      w ← {formatNumber(h.weight[i - 1])} + {formatNumber(h.grad[i])} · ({formatNumber(-lr)}) = <strong>{formatNumber(h.weight[i])}</strong>
    </p>
  );
}

function DescentControls() {
  const draft = useLesson((s) => s.descent);
  const speed = useLesson((s) => speedOf(s, DESCENT_CHANNEL));
  const form = readDescentForm(draft);
  const set = (key: keyof DescentDraft) => (v: string) => lessonStore.getState().setDescent({ [key]: v });
  return (
    <>
      <div className="fields">
        {(Object.keys(DESCENT_LABELS) as (keyof DescentDraft)[]).map((k) => (
          <NumberField key={k} label={DESCENT_LABELS[k]} value={draft[k]} error={form.errors[k]} onChange={set(k)} inputMode={k === 'steps' ? 'numeric' : 'decimal'} />
        ))}
      </div>
      <RunControls channel={DESCENT_CHANNEL} config={form.config} speed={speed} withStep
        onSpeed={(sp) => lessonStore.getState().setSpeed(DESCENT_CHANNEL, sp)} onReset={() => lessonStore.getState().resetDescent()}
        note={!form.ok && <p className="field-error">Fix the highlighted field{Object.keys(form.errors).length > 1 ? 's' : ''} to train.</p>} />
    </>
  );
}

const DescentPath = memo(function DescentPath({ run }: { run: RunView | undefined }) {
  const draft = useLesson((s) => s.descent);
  const form = readDescentForm(draft);
  const config = run?.config ?? (form.ok ? form.config : null);
  const key = config ? `${config.pairs[0].input}|${config.pairs[0].target}` : null;
  const curve = useWorkerQuery(key, (c) => c.lossCurve({ ...config!, dtype: 'float64' }, -3, 1.5, 181));
  const points = curve.data ? curve.data.weights.map((weight, i) => ({ weight, loss: curve.data!.losses[i] })) : [];
  const path = run ? descentPath(run.history, run.head).map((p) => ({ weight: p.w, loss: p.loss })) : [];
  return <LossLandscape title="Descent path on the loss curve" curve={points} path={path} current={path[path.length - 1]} />;
});

/**
 * The runner card: the only part of the page that follows the run, so a streaming run
 * re-renders this card and nothing else (the experiments below have runs of their own).
 */
function DescentRunner() {
  const run = useTraining((s) => s.runs[DESCENT_CHANNEL]);
  // Charts, table and path redraw from a deferred copy, in short interruptible slices.
  const shown = useDeferredValue(run);
  const settled = useLater(shown?.status === 'running' ? undefined : shown);
  const settledLater = useLater(settled); // the path a task after the table: two short tasks, not one long
  return (
    <div className="card">
      <h2>Run it</h2>
      <DescentControls />
      <Arithmetic run={run} />
      <RunStatusLine run={run} />
      <Readout run={run} />
      <RunChartsView run={shown} />
      <div className="two-col">
        {/* The table and path are drawn once a run settles: redrawing hundreds of rows and
            markers ten times a second would stall the page during a long run. */}
        <StepTable run={settled} />
        <DescentPath run={settledLater} />
      </div>
    </div>
  );
}

/** Lesson step 4: the update rule, one step at a time and then the whole run. */
export function DescentStep() {
  return (
    <>
      <p className="lede">
        The gradient says which way the loss rises and how steeply. To go downhill we move the weight a
        small amount the other way: multiply the gradient by minus the learning rate and add it on.
      </p>
      <p className="math">
        <math display="block"><mrow><mi>w</mi><mo>←</mo><mi>w</mi><mo>+</mo><mfrac><mrow><mi>d</mi><mi>L</mi></mrow><mrow><mi>d</mi><mi>w</mi></mrow></mfrac><mo>·</mo><mo>(</mo><mo>−</mo><mi>η</mi><mo>)</mo></mrow></math>
      </p>
      <DescentRunner />
      <LearningRateExperiment />
      <PrecisionExperiment />
      <div className="card">
        <h2>Your turn</h2>
        <p>
          You have seen the whole loop: predict, measure the loss, let the tape find the gradient, and
          step against it. Now try it on numbers of your own — several pairs, a bias, other optimizers.
        </p>
        <p><a className="primary-link" href="#/playground">Open the Playground</a></p>
      </div>
    </>
  );
}
