import { useShallow } from 'zustand/react/shallow';
import { NEGATOR_CONFIG } from '../training/config.ts';
import { useTraining } from '../store/training-store.ts';
import { lessonStore, speedOf, useLesson } from '../store/lesson-store.ts';
import { LESSON_PREDICTIONS } from '../router.ts';
import { Readout } from '../components/readout.tsx';
import { RunCharts } from '../components/run-charts.tsx';
import { RunStatusLine } from '../components/run-status.tsx';
import { RunControls } from '../components/run-controls.tsx';

const CHANNEL = 'overview';

/** How many of each lesson's predictions the learner has made (and got right). */
function PredictionTally() {
  const answers = useLesson(
    useShallow((s) => Object.fromEntries(Object.entries(s.predictions).map(([k, v]) => [k, v.result]))),
  );
  const counts = LESSON_PREDICTIONS.map((l) => {
    const mine = l.ids.map((id) => answers[id] ?? '');
    return {
      lesson: l.lesson,
      asked: l.ids.length,
      made: mine.filter((a) => a === 'right' || a === 'wrong').length,
      right: mine.filter((a) => a === 'right').length,
    };
  });
  const [first, ...later] = counts;
  return (
    <>
      <p data-testid="prediction-tally">
        The lesson asks you to predict {first.asked} answers before it shows them:{' '}
        <strong>
          {first.made} of {first.asked} predicted
        </strong>
        {first.made > 0 && <> ({first.right} right)</>}.
      </p>
      <ul className="tally-list" aria-label="Predictions in the later lessons">
        {later.map((c) => (
          <li key={c.lesson} data-testid={`prediction-tally-${c.lesson.replace(' ', '-').toLowerCase()}`}>
            {c.lesson}: {c.made} of {c.asked} predicted{c.made > 0 && <> ({c.right} right)</>}
          </li>
        ))}
      </ul>
    </>
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
      <Readout run={run} printout />
      <RunCharts channel={CHANNEL} />
      <PredictionTally />
      <p>
        <a className="primary-link" href="#/perceptron">
          Start the lesson
        </a>
      </p>
      <section aria-labelledby="after-title" className="lessons-after">
        <h2 id="after-title">After the negator</h2>
        <ul>
          <li>
            <a href="#/reduce">Lesson 2, Reduce</a>: the same loop with a matrix for a weight squashes four measurements
            of 150 iris flowers onto a page.
          </li>
          <li>
            <a href="#/layers">Lesson 3, Layers</a>: why stacking lines needs a bend between them, a network that bends
            |x| and solves XOR, the tape walked back through a hidden layer, and a network that names the iris species
            of flowers it has never seen.
          </li>
        </ul>
      </section>
    </section>
  );
}
