import { useShallow } from 'zustand/react/shallow';
import { NEGATOR_CONFIG } from '../training/config.ts';
import { useTraining } from '../store/training-store.ts';
import { lessonStore, speedOf, useLesson } from '../store/lesson-store.ts';
import { NEGATOR_PREDICTIONS } from '../router.ts';
import { Readout } from '../components/readout.tsx';
import { RunCharts } from '../components/run-charts.tsx';
import { RunStatusLine } from '../components/run-status.tsx';
import { RunControls } from '../components/run-controls.tsx';

const CHANNEL = 'overview';

/** How many of the lesson's predictions the learner has made (and got right). */
function PredictionTally() {
  const answers = useLesson(useShallow((s) => NEGATOR_PREDICTIONS.map((id) => s.predictions[id])));
  const made = answers.filter((a) => a && a.result !== 'skipped').length;
  const right = answers.filter((a) => a?.result === 'right').length;
  return (
    <p data-testid="prediction-tally">
      The lesson asks you to predict {NEGATOR_PREDICTIONS.length} answers before it shows them:{' '}
      <strong>
        {made} of {NEGATOR_PREDICTIONS.length} predicted
      </strong>
      {made > 0 && <> ({right} right)</>}.
    </p>
  );
}

/** The landing page: the whole tutorial run in one press, before the lesson takes it apart. */
export function Overview() {
  const run = useTraining((s) => s.runs[CHANNEL]);
  const speed = useLesson((s) => speedOf(s, CHANNEL));
  return (
    <section aria-labelledby="overview-title" className="page">
      <h1 id="overview-title">Teach one number to negate</h1>
      <p className="lede">
        A perceptron with a single weight gets the input 3 and should answer −3. It starts out believing the weight is
        0.5. Press <strong>Train</strong> and watch 40 small corrections move the weight while the loss falls towards
        zero.
      </p>
      <RunControls
        channel={CHANNEL}
        config={NEGATOR_CONFIG}
        speed={speed}
        onSpeed={(s) => lessonStore.getState().setSpeed(CHANNEL, s)}
      />
      <RunStatusLine run={run} />
      <Readout run={run} />
      <RunCharts channel={CHANNEL} />
      <PredictionTally />
      <p>
        <a className="primary-link" href="#/perceptron">
          Start the lesson
        </a>
      </p>
    </section>
  );
}
