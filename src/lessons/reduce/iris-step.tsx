/**
 * Lesson 2, step 2: learn a projection. The negator's loop with its one weight grown into a
 * 4×2 matrix W, trained on Fisher's 150 iris flowers: encode z = x·W, decode z·Wᵀ, and the loss
 * is how much of each flower the round trip loses. Checked against exact PCA as it trains.
 */
import { Later, useRedrawLater } from '../../components/schedule.tsx';
import { useAnswered } from '../../store/lesson-store.ts';
import { CodeView } from '../../components/code-view.tsx';
import { formatNumber } from '../../components/format.ts';
import { HistoryChart } from '../../components/history-chart.tsx';
import { Prediction } from '../../components/prediction.tsx';
import { StatusLine } from '../../components/run-status.tsx';
import { useReduce } from '../../store/reduce-store.ts';
import type { DatasetInfo } from '../../worker-types.ts';
import { ReduceControls } from './reduce-controls.tsx';
import { FlowerScatter } from './flower-scatter.tsx';
import { IRIS_FIELDS, irisConfig, keptByTwo, useDatasetInfo, useFieldForm, useReduceSpeed } from './shared.ts';
import { historyPoints, reduceStatusRun } from './run-views.ts';
import { VarianceBars } from './variance-bars.tsx';

export const IRIS_CHANNEL = 'iris';

const CODE = [
  '// x: 150 flowers × 4 measurements (z-scored); W: 4 × 2, a variable',
  'const tape = new GradientTape();',
  'const loss = tape.record(() =>',
  '  mean(square(sub(x, matmul(matmul(x, W), transpose(W))))));',
  'const gradient = tape.gradient(loss, W);   // 4 × 2, like W',
  'W.assign(add(W, mul(gradient, -0.1)));',
];

function Readout({ step, loss, angle, floor }: { step?: number; loss?: number; angle?: number; floor?: number }) {
  return (
    <dl className="readout" aria-label="Iris run">
      <div>
        <dt>Step</dt>
        <dd data-testid="iris-step">{step ?? '—'}</dd>
      </div>
      <div>
        <dt>
          Loss <span className="dt-note">at this W</span>
        </dt>
        <dd data-testid="iris-loss">{formatNumber(loss)}</dd>
      </div>
      <div>
        <dt>PCA&apos;s floor</dt>
        <dd>{formatNumber(floor)}</dd>
      </div>
      <div>
        <dt>Angle to PCA</dt>
        <dd data-testid="angle-to-pca">{angle === undefined ? '—' : `${formatNumber(angle)}°`}</dd>
      </div>
    </dl>
  );
}

function Projection() {
  return (
    <section className="card" aria-labelledby="proj-title">
      <h2 id="proj-title">Learn a projection instead</h2>
      <p>
        Instead of moving points, learn a matrix W with 4 rows and 2 columns. Any flower x (a row of 4 measurements)
        goes through it to two numbers, z = x·W: its place on the plane. Going back, z·Wᵀ rebuilds a guess of the 4
        measurements. The loss is how far the guess is from the flower, averaged: mean((x − x·W·Wᵀ)²). It is the
        negator&apos;s loop — record the loss on a tape, ask for the gradient, step against it — with the one weight
        grown into a matrix.
      </p>
      <CodeView title="One step, with the same engine as the negator" lines={CODE} highlight={[3, 4]} />
    </section>
  );
}

const round = (v: number | undefined, d = 3) => (v === undefined ? '…' : String(Number(v.toPrecision(d))));

/** The words the question and the run use, each in one plain sentence with a number, before the question. */
function Terms({ raw }: { raw: DatasetInfo | undefined }) {
  return (
    <dl className="terms" aria-label="Words for this step">
      <dt>Variance</dt>
      <dd>
        How far a measurement spreads around its mean: the mean of the squared distances from it. The flowers&apos;
        sepal widths have a variance of {round(raw?.featureVariance[1])} cm².
      </dd>
      <dt>z-score</dt>
      <dd>
        A measurement minus its mean, divided by its standard deviation (the square root of the variance): a petal one
        standard deviation longer than average has z = 1. Z-scored, each of the four measurements has variance 1, so
        together they have 4.
      </dd>
      <dt>PCA (principal component analysis)</dt>
      <dd>
        Finds the directions through the cloud of flowers along which they vary most: the first is the one line that
        keeps the most variance, the second the best line at right angles to it. The two span a plane.
      </dd>
      <dt>Variance explained</dt>
      <dd>
        The variance of the flowers&apos; shadows on a plane, as a share of all of it: a plane keeping 2 of the 4 units
        of variance explains 50 %.
      </dd>
    </dl>
  );
}

export function IrisStep() {
  const form = useFieldForm('reduce.iris', IRIS_FIELDS);
  const config = irisConfig(form.values);
  const [speed, setSpeed] = useReduceSpeed('reduce-iris', 'auto');
  const info = useDatasetInfo('iris-z');
  const raw = useDatasetInfo('iris-raw');
  const run = useRedrawLater(useReduce((s) => s.runs[IRIS_CHANNEL]));
  const n = run?.history.length ?? 0;
  const at = (k: 'loss' | 'angle' | 'steps') => (n ? run!.history.column(k)[n - 1] : undefined);
  const floor = info.data?.floor;
  const timed = run && run.status === 'done' && run.speed === 'max' && run.computeMs !== undefined;
  return (
    <>
      <p className="lede">
        Fisher&apos;s 150 iris flowers, each measured four ways (sepal length and width, petal length and width, in cm),
        from three species. Four numbers per flower cannot be drawn on a page. Two can.
      </p>
      <Terms raw={raw.data} />
      <Prediction
        id="reduce-variance"
        question="How much of the variance can two dimensions keep, in percent?"
        answer={keptByTwo(info.data)}
        show={(v) => `${formatNumber(v, 4)} %`}
        why={
          <>
            Exact PCA finds the two directions along which the flowers vary most; together they hold{' '}
            {formatNumber(keptByTwo(info.data), 4)} % of the variance of the z-scored measurements.
          </>
        }
      />
      <Projection />
      <div className="card">
        <h2>Train it on the flowers</h2>
        <p>
          W starts from small random numbers (the Seed picks them), so its picture starts small, near the middle. Even
          that first, random plane keeps setosa apart from the other two species; what training changes is which plane
          it is, and how far it spreads the flowers. Beside it is exact PCA&apos;s picture, on the same axes; W&apos;s
          is turned to face the same way (a turn changes no distance), so you can watch the two meet. Its angle to
          PCA&apos;s plane falls and the share of the variance it keeps rises. (The angle between two planes through the
          middle is the largest angle a line in one makes with the other: 0° means the same plane, 90° that some line of
          one is square to the other.)
        </p>
        <ReduceControls
          channel={IRIS_CHANNEL}
          config={config}
          specs={IRIS_FIELDS}
          form={form}
          speed={speed}
          onSpeed={setSpeed}
        />
        <StatusLine info={reduceStatusRun(run)} />
        <Readout step={at('steps')} loss={at('loss')} angle={at('angle')} floor={floor} />
        {timed && (
          <p className="muted" data-testid="worker-time">
            {formatNumber(run!.history.length - 1)} steps took {formatNumber(run!.computeMs, 3)} ms of worker time (
            {formatNumber(run!.elapsedMs, 3)} ms in all, with handing each batch to this page).
          </p>
        )}
        {/* Opened from the navigation, the figures commit in tasks of their own. */}
        <Later>
          <FlowerScatter run={run} config={config} info={info.data} beside />
        </Later>
        <Later>
          <div className="chart-grid">
            <HistoryChart
              title="Loss over steps"
              yLabel="loss (log)"
              logScale
              xMax={run?.config.steps ?? config?.steps ?? 300}
              refLine={floor !== undefined ? { value: floor, name: "exact PCA's floor" } : undefined}
              series={[{ key: 'loss', name: 'Loss', color: 'var(--loss)', points: historyPoints(run, 'loss') }]}
            />
            <HistoryChart
              title="Angle to exact PCA's plane"
              yLabel="degrees (log)"
              logScale
              xMax={run?.config.steps ?? config?.steps ?? 300}
              series={[
                {
                  key: 'angle',
                  name: 'Angle',
                  color: 'var(--weight)',
                  points: historyPoints(run, 'angle', 500, (v) => v > 0),
                },
              ]}
            />
          </div>
        </Later>
        <Later>
          <Explained info={info.data} loss={at('loss')} />
        </Later>
      </div>
      <p>
        <a className="primary-link" href="#/reduce/experiments">
          Next: experiments
        </a>
      </p>
    </>
  );
}

function Explained({ info, loss }: { info: DatasetInfo | undefined; loss: number | undefined }) {
  // The bars say how much two directions keep: the answer to the question at the top.
  const answered = useAnswered('reduce-variance');
  if (!info) return null;
  if (!answered)
    return (
      <section aria-labelledby="explained-title">
        <h3 id="explained-title">How much each direction holds</h3>
        <p className="muted">Answer or skip the question at the top of the page to see how the variance splits.</p>
      </section>
    );
  return (
    <section aria-labelledby="explained-title">
      <h3 id="explained-title">How much each direction holds</h3>
      <VarianceBars info={info} loss={loss} />
      <p>
        The loss cannot go below exact PCA&apos;s floor: what the two dropped directions hold,{' '}
        {formatNumber(info.eigenvalues[2])} + {formatNumber(info.eigenvalues[3])}, shared out over the 4 measurements —{' '}
        {formatNumber(info.floor)}.
      </p>
    </section>
  );
}
