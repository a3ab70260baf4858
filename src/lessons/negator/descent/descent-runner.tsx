/**
 * The Descent step's runner card: the fields, Train/Pause/Step…, the arithmetic of the latest
 * step, the numbers, the steps on the loss curve and the charts. The only part of the page
 * that follows the run, so a streaming run re-renders this card and nothing else.
 */
import { Later, useNextTask, useRedrawLater } from '../../../components/schedule.tsx';
import { useThrottledText } from '../../../components/use-announcer.ts';
import { NumberField } from '../../../components/number-field.tsx';
import { formatNumber, formatUpdate } from '../../../components/format.ts';
import { Readout } from '../../../components/readout.tsx';
import { RunChartsView } from '../../../components/run-charts.tsx';
import { RunStatusLine } from '../../../components/run-status.tsx';
import { RunControls } from '../../../components/run-controls.tsx';
import { StepTable } from '../../../components/step-table.tsx';
import {
  DESCENT_DEFAULTS,
  lessonStore,
  speedOf,
  useForm,
  useLesson,
  type DescentDraft,
} from '../../../store/lesson-store.ts';
import { useTraining, type RunView } from '../../../store/training-store.ts';
import { speedLabel, stepsPerSecond, type Speed } from '../../../training/pace.ts';
import { DESCENT_LABELS, readDescentForm } from './descent-form.ts';
import { DescentCurve } from './descent-curve.tsx';
import { Ledger } from './ledger.tsx';
import { Prediction } from '../../../components/prediction.tsx';
import { queries, useQuery } from '../../../store/queries.ts';
import type { TrainingConfig } from '../../../training/config.ts';
import { groupDigits } from '../../../training/digits.ts';

export const DESCENT_CHANNEL = 'descent';

const STEP: Record<keyof DescentDraft, number> = {
  input: 1,
  target: 1,
  initialWeight: 0.1,
  learningRate: 0.01,
  steps: 10,
};

/** The latest step's update as a sentence, with the engine's numbers; null before the first step. */
export function arithmeticOf(run: RunView | undefined): string | null {
  const h = run?.history;
  const i = h ? h.length - 1 : -1;
  if (!run || !h || i < 1) return null;
  const lr = run.config.learningRate;
  // Printed with the digits it takes for the sum to add up as written.
  // Each row is a state: step k moves by the gradient at step k − 1's weight.
  const [w0, g, w1] = formatUpdate(h.weight[i - 1], h.grad[i - 1], -lr, h.weight[i]);
  return `Step ${h.steps[i]}: the gradient at w = ${w0} is ${g}, so w ← ${w0} + ${g} · (${formatNumber(-lr)}) = ${w1}, where the loss is ${formatNumber(h.loss[i])}`;
}

function Arithmetic({ run }: { run: RunView | undefined }) {
  const text = arithmeticOf(run);
  const sps = run ? stepsPerSecond(run.speed, run.config.steps) : null;
  // Read out only while a slow run goes, and at most once a second.
  const said = useThrottledText(text ?? '', run?.status === 'running' && sps !== null && sps <= 5);
  return (
    <>
      <p className="math arithmetic" data-testid="step-arithmetic">
        {text ?? (
          <>
            Press <strong>Step</strong> to take one step and see its arithmetic.
          </>
        )}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="step-announcer">
        {said}
      </p>
    </>
  );
}

/** "At 10 steps/s these 1,000 steps take 1 min 40 s." for runs long enough to need it. */
function durationHint(speed: Speed, steps: number): string | null {
  const sps = stepsPerSecond(speed, steps);
  if (sps === null || steps / sps <= 20) return null;
  const s = Math.round(steps / sps);
  const text =
    s >= 3600
      ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
      : s >= 60
        ? `${Math.floor(s / 60)} min ${s % 60} s`
        : `${s} s`;
  return `At ${speedLabel(speed)} these ${groupDigits(steps)} steps take ${text}. Choose Max under Speed to see the end at once; the speed can change while it runs.`;
}

function DescentControls() {
  const [draft, setDraft] = useForm('descent', DESCENT_DEFAULTS);
  const speed = useLesson((s) => speedOf(s, DESCENT_CHANNEL));
  const form = readDescentForm(draft);
  const set = (key: keyof DescentDraft) => (v: string) => setDraft({ [key]: v });
  const hint = form.ok ? durationHint(speed, form.config.steps) : null;
  return (
    <>
      <div className="fields">
        {(Object.keys(DESCENT_LABELS) as (keyof DescentDraft)[]).map((k) => (
          <NumberField
            key={k}
            label={DESCENT_LABELS[k]}
            value={draft[k]}
            error={form.errors[k]}
            onChange={set(k)}
            step={STEP[k]}
            inputMode={k === 'steps' ? 'numeric' : 'decimal'}
          />
        ))}
      </div>
      <RunControls
        channel={DESCENT_CHANNEL}
        config={form.config}
        speed={speed}
        withStep
        onSpeed={(sp) => lessonStore.getState().setSpeed(DESCENT_CHANNEL, sp)}
        onReset={() => lessonStore.getState().resetForm('descent')}
        note={
          <>
            {!form.ok && (
              <p className="field-error">
                Fix the highlighted field{Object.keys(form.errors).length > 1 ? 's' : ''} to train.
              </p>
            )}
            {hint && <p className="muted">{hint}</p>}
          </>
        }
      />
    </>
  );
}

/** Asked before the first Step: where will one update put the weight? */
function NextWeightPrediction({ config }: { config: TrainingConfig | null }) {
  const q = useQuery(queries.firstStep, config);
  const r = q.data?.record;
  // Printed with the digits it takes for the sum to add up as written.
  const u = r && config ? formatUpdate(r.before.weight, r.before.gradWeight, -config.learningRate, r.weight) : null;
  return (
    <Prediction
      id="descent-next-w"
      question="What will w be after one step?"
      answer={r?.weight}
      why={
        u &&
        config && (
          <>
            w ← {u[0]} + {u[1]} · ({formatNumber(-config.learningRate)}) = {u[2]}: the step is the gradient times minus
            the learning rate.
          </>
        )
      }
    />
  );
}

export function DescentRunner() {
  const run = useTraining((s) => s.runs[DESCENT_CHANNEL]);
  const [draft] = useForm('descent', DESCENT_DEFAULTS);
  const form = readDescentForm(draft);
  // Charts redraw from a deferred copy, in short interruptible slices. At Max, the table and the
  // curve wait until the run settles: redrawing hundreds of rows and arrows ten times a second
  // would stall a long run. Paced runs are short to draw, and drawn as they go.
  const shown = useRedrawLater(run);
  const paced = run ? stepsPerSecond(run.speed, run.config.steps) !== null : false;
  const settled = useNextTask(shown?.status === 'running' && !paced ? undefined : shown);
  const settledLater = useNextTask(settled);
  return (
    <section className="card" aria-labelledby="descent-run">
      <h2 id="descent-run">Run it</h2>
      <NextWeightPrediction config={form.config} />
      <DescentControls />
      <Arithmetic run={run} />
      <RunStatusLine run={run} />
      <Readout run={run} printout />
      {/* Opened from the navigation, the parts below the readout commit in tasks of their own. */}
      <Later>
        <DescentCurve run={settledLater} fallback={form.config} />
      </Later>
      <Later>
        <RunChartsView run={shown} />
      </Later>
      <Later>
        <StepTable run={settled} />
        <Ledger run={settled} />
      </Later>
    </section>
  );
}
