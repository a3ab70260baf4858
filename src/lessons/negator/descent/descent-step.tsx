import { memo, useDeferredValue, useState } from 'react';
import { useLater } from '../../../components/use-later.ts';
import { NumberField } from '../../../components/number-field.tsx';
import { formatNumber } from '../../../components/format.ts';
import { Readout } from '../../../components/readout.tsx';
import { RunChartsView } from '../../../components/run-charts.tsx';
import { RunStatusLine } from '../../../components/run-status.tsx';
import { StepTable } from '../../../components/step-table.tsx';
import { LossLandscape } from '../../../components/loss-landscape.tsx';
import { lessonStore, useLesson, type DescentDraft } from '../../../store/lesson-store.ts';
import { trainingStore, useTraining, type RunView } from '../../../store/training-store.ts';
import { getTrainerClient } from '../../../store/trainer-client.ts';
import { useWorkerQuery } from '../../../store/use-worker-query.ts';
import { downsample, type RunHistory } from '../../../store/history.ts';
import type { StepRecord } from '../../../training/trainer.ts';
import { DESCENT_LABELS, readDescentForm } from './descent-form.ts';
import { LearningRateExperiment, PrecisionExperiment } from './experiments.tsx';

export const DESCENT_CHANNEL = 'descent';

function Arithmetic({ record, lr }: { record: StepRecord | null; lr: number }) {
  if (!record) return <p>Press <strong>Step</strong> to take one step and see its arithmetic.</p>;
  return (
    <p className="math" data-testid="step-arithmetic">
      Step {record.step}: loss {formatNumber(record.loss)}, gradient {formatNumber(record.gradWeight)}, so
      w ← {formatNumber(record.weightBefore)} + {formatNumber(record.gradWeight)} · ({formatNumber(-lr)}) = <strong>{formatNumber(record.weight)}</strong>
    </p>
  );
}

function DescentControls({ onStep }: { onStep: (r: StepRecord | null) => void }) {
  const draft = useLesson((s) => s.descent);
  const run = useTraining((s) => s.runs[DESCENT_CHANNEL]);
  const form = readDescentForm(draft);
  const running = run?.status === 'running';
  const [stepError, setStepError] = useState<string | null>(null);
  const set = (key: keyof DescentDraft) => (v: string) => lessonStore.getState().setDescent({ [key]: v });
  const step = async () => {
    if (!form.ok) return;
    // Continue from where the last run or step left off, if it used these same settings.
    const last = run && JSON.stringify(run.config) === JSON.stringify(form.config) ? run.history.latest() : null;
    const state = last ? { step: last.step, weight: last.weight, bias: 0, m: [0, 0] as [number, number], v: [0, 0] as [number, number] } : undefined;
    try {
      const r = await getTrainerClient().step(form.config, state);
      trainingStore.getState().recordStep(DESCENT_CHANNEL, form.config, r.record);
      setStepError(null);
      onStep(r.record);
    } catch (e) {
      setStepError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <div className="fields">
        {(Object.keys(DESCENT_LABELS) as (keyof DescentDraft)[]).map((k) => (
          <NumberField key={k} label={DESCENT_LABELS[k]} value={draft[k]} error={form.errors[k]} onChange={set(k)} inputMode={k === 'steps' ? 'numeric' : 'decimal'} />
        ))}
      </div>
      <div className="toolbar">
        <button type="button" className="primary" disabled={!form.ok || running} onClick={() => form.ok && void trainingStore.getState().start(DESCENT_CHANNEL, form.config)}>Train</button>
        <button type="button" disabled={!running} onClick={() => void trainingStore.getState().stop(DESCENT_CHANNEL)}>Stop</button>
        <button type="button" disabled={!form.ok || running} onClick={() => void step()}>Step</button>
        <button type="button" onClick={() => { trainingStore.getState().clear(DESCENT_CHANNEL); lessonStore.getState().resetDescent(); onStep(null); }}>Reset</button>
      </div>
      {!form.ok && <p className="field-error">Fix the highlighted field{Object.keys(form.errors).length > 1 ? 's' : ''} to train.</p>}
      {stepError && <p role="alert" className="status-alert">{stepError}</p>}
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
  // Each step's loss was measured at the weight before that step's update.
  const path = run ? pathPoints(run.history, config!.initialWeight) : [];
  return <LossLandscape title="Descent path on the loss curve" curve={points} path={path} current={path[path.length - 1]} />;
});

function pathPoints(h: RunHistory, w0: number) {
  const losses = downsample(h, 'loss', 200);
  const weights = new Map(downsample(h, 'weight', 200).map((p) => [p.step, p.value]));
  return losses.map((p) => ({ weight: p.step === 1 ? w0 : weights.get(p.step - 1) ?? h.weight[p.step - 2] ?? w0, loss: p.value }));
}

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
  const [lastStep, setLastStep] = useState<StepRecord | null>(null);
  const lr = run?.config.learningRate ?? 0.01;
  return (
    <div className="card">
      <h2>Run it</h2>
      <DescentControls onStep={setLastStep} />
      <Arithmetic record={lastStep} lr={lr} />
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
