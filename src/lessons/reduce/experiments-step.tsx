/**
 * Lesson 2, step 3: what the learning rate does to the iris run (explained, as for the negator,
 * by the loss's largest curvature, measured with nested tapes), why the measurements are
 * standardised first, and where a new flower lands.
 */
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../../components/format.ts';
import { Later } from '../../components/schedule.tsx';
import { useAnswered } from '../../store/lesson-store.ts';
import { HistoryChart } from '../../components/history-chart.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { Prediction } from '../../components/prediction.tsx';
import { reduceStore, useReduce } from '../../store/reduce-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import { IRIS_AUTOENCODER_CONFIG } from '../../training/reduce/configs.ts';
import type { DatasetInfo, ReduceRunConfig } from '../../worker-types.ts';
import { FlowerScatter } from './flower-scatter.tsx';
import { IRIS_CHANNEL } from './iris-step.tsx';
import { historyPoints, reduceBlowUpMark, reduceOutcome } from './run-views.ts';
import { useDatasetInfo, useFieldForm, type FieldSpec } from './shared.ts';
import { VarianceBars } from './variance-bars.tsx';

const RATES = [0.1, 0.3, 0.5, 1.0] as const;
const COLORS = ['var(--weight)', 'var(--bias)', '#d97706', 'var(--loss)'];
const rateConfig = (lr: number, dataset: 'iris-z' | 'iris-raw' = 'iris-z'): ReduceRunConfig => ({
  kind: 'autoencoder',
  ...IRIS_AUTOENCODER_CONFIG,
  dataset,
  learningRate: lr,
});

function LearningRates() {
  const info = useDatasetInfo('iris-z');
  const curv = useQuery(queries.reduceCurvature, { dataset: 'iris-z' });
  const runs = useReduce(useShallow((s) => RATES.map((lr) => s.runs[`lr-${lr}`])));
  const limit = curv.data?.stableLearningRate;
  // The limit and what each rate did answer the question: shown once it is answered or skipped.
  const answered = useAnswered('reduce-lr-0.5');
  const runRate = (lr: number) => void reduceStore.getState().train(`lr-${lr}`, rateConfig(lr));
  return (
    <section className="card" aria-labelledby="rates-title">
      <h2 id="rates-title">How big a step, again?</h2>
      <Prediction
        id="reduce-lr-0.5"
        question="Will learning rate 0.5 converge?"
        answer={limit === undefined ? undefined : 0.5 < limit ? 1 : 0}
        choices={[
          { value: 1, label: 'Yes' },
          { value: 0, label: 'No' },
        ]}
        show={(v) => (v ? 'yes' : 'no')}
        why={
          <>
            The loss curves most steeply at its minimum with curvature {formatNumber(curv.data?.curvature)}, so steps
            settle only below 2 / {formatNumber(curv.data?.curvature)} ≈ {formatNumber(limit, 3)}; 0.5 is above it.
          </>
        }
      />
      <div className="toolbar" role="group" aria-label="Learning rates to try on the flowers">
        {RATES.map((lr) => (
          <button type="button" key={lr} onClick={() => runRate(lr)}>
            {lr}
          </button>
        ))}
        <button type="button" className="primary" onClick={() => RATES.forEach(runRate)}>
          Run all four
        </button>
      </div>
      <ul aria-label="What each learning rate did">
        {RATES.map((lr, i) => (
          <li key={lr} data-testid={`rate-${lr}`}>
            Learning rate {lr}: {reduceOutcome(runs[i], info.data?.floor)}
          </li>
        ))}
      </ul>
      <HistoryChart
        title="Loss for each learning rate"
        yLabel="loss (log)"
        logScale
        xMax={IRIS_AUTOENCODER_CONFIG.steps}
        refLine={info.data ? { value: info.data.floor, name: "exact PCA's floor" } : undefined}
        series={RATES.map((lr, i) => ({
          key: `r${i}`,
          name: `learning rate ${lr}`,
          color: COLORS[i],
          points: historyPoints(runs[i], 'loss'),
          mark: reduceBlowUpMark(runs[i], 'loss'),
        }))}
        emptyText="Pick a learning rate to run it."
      />
      {answered ? (
        <>
          <p>
            As with the negator, the rule comes from the curvature. Two tapes, one inside the other, give the
            loss&apos;s Hessian-vector products; repeating them (power iteration) finds its largest curvature at the
            minimum:
            <strong data-testid="reduce-curvature"> {formatNumber(curv.data?.curvature)}</strong>, which is 2·λ₁ = 2 ·{' '}
            {formatNumber(info.data?.eigenvalues[0])} for these four measurements. So the limit is 2 /{' '}
            {formatNumber(curv.data?.curvature)} ≈ <strong data-testid="reduce-limit">{formatNumber(limit, 3)}</strong>{' '}
            — the same rule as the negator&apos;s 2/18 = 1/9. Observed: 0.1 and 0.3 settle; at 0.5 the plane still
            reaches PCA&apos;s (its angle ends even smaller), but the lengths of W&apos;s columns keep swinging, so the
            loss never settles; 1.0 blows up.
          </p>
          <dl className="terms" aria-label="Words in this explanation">
            <dt>Curvature</dt>
            <dd>
              How fast the slope changes as a weight moves: the negator&apos;s loss curves by 18 whatever w is, so its
              slope grows by 18 for each unit of w.
            </dd>
            <dt>Hessian</dt>
            <dd>
              The curvature for every pair of weights at once, a table of second derivatives: W has 8 weights, so its
              Hessian is 8 × 8, and its largest value sets the fastest safe learning rate.
            </dd>
            <dt>Eigenvalue λ₁</dt>
            <dd>
              The variance of the flowers along PCA&apos;s first direction: λ₁ ={' '}
              {formatNumber(info.data?.eigenvalues[0])} of the z-scored total of 4.
            </dd>
            <dt>Power iteration</dt>
            <dd>
              Multiplying a vector by the Hessian again and again: it turns towards the direction that curves most, and
              grows by the largest curvature each time ({formatNumber(curv.data?.curvature)} here).
            </dd>
          </dl>
        </>
      ) : (
        <p className="muted">Answer or skip the question above to see where the limit comes from.</p>
      )}
    </section>
  );
}

const pct = (v: number) => `${formatNumber(100 * v, 4)} %`;
/** Four significant digits, plainly: a z-scored variance is 1 to within rounding, and reads as 1. */
const round4 = (v: number) => String(Number(v.toPrecision(4)));

/** What z-scoring changes, measurement by measurement: the variance, and its weight in PCA's first direction. */
function StandardiseTable({ raw, z }: { raw: DatasetInfo; z: DatasetInfo }) {
  const total = raw.featureVariance.reduce((a, b) => a + b, 0);
  const top = raw.featureVariance.indexOf(Math.max(...raw.featureVariance));
  const keptRaw = raw.explained[0] + raw.explained[1];
  const keptZ = z.explained[0] + z.explained[1];
  return (
    <>
      <div className="table-scroll" role="region" aria-label="What z-scoring changes" tabIndex={0}>
        <table>
          <caption>Each measurement before and after z-scoring</caption>
          <thead>
            <tr>
              <th scope="col">Measurement</th>
              <th scope="col">Variance, raw (cm²)</th>
              <th scope="col">Share of the raw variance</th>
              <th scope="col">In the first direction, raw</th>
              <th scope="col">Variance, z-scored</th>
              <th scope="col">In the first direction, z-scored</th>
            </tr>
          </thead>
          <tbody>
            {raw.features.map((f, i) => (
              <tr key={f}>
                <th scope="row">{f}</th>
                <td>{round4(raw.featureVariance[i])}</td>
                <td>{pct(raw.featureVariance[i] / total)}</td>
                <td>{formatNumber(raw.firstAxis[i], 2)}</td>
                <td>{round4(z.featureVariance[i])}</td>
                <td>{formatNumber(z.firstAxis[i], 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="standardise-why">
        Raw, {raw.features[top]} alone is {pct(raw.featureVariance[top] / total)} of the variance, and the first
        direction is nearly {raw.features[top]} by itself. Two raw directions keep {pct(keptRaw)}, more than the
        z-scores&apos; {pct(keptZ)}, but of a different total ({round4(total)} cm² against{' '}
        {round4(z.featureVariance.reduce((a, b) => a + b, 0))}
        ): most of the raw variance is one measurement, so keeping it is easy, and says little about the other three.
        Z-scored, every measurement starts with the same say, and the plane shows how they vary together.
      </p>
    </>
  );
}

function Standardise() {
  const raw = useDatasetInfo('iris-raw');
  const zInfo = useDatasetInfo('iris-z');
  const z = useReduce((s) => s.runs['std-z']);
  const cm = useReduce((s) => s.runs['std-raw']);
  const run = () => {
    void reduceStore.getState().train('std-z', rateConfig(0.1, 'iris-z'));
    void reduceStore.getState().train('std-raw', rateConfig(0.1, 'iris-raw'));
  };
  return (
    <section className="card" aria-labelledby="std-title">
      <h2 id="std-title">Why standardise?</h2>
      <p>
        The lesson z-scores each measurement before training: it subtracts the measurement&apos;s mean and divides by
        its spread, so every measurement ends up with variance 1. In raw centimetres petal length varies far more than
        anything else, so it takes over: the first direction alone holds most of the variance, and the plane hardly
        looks at the rest.
      </p>
      {raw.data && zInfo.data && <StandardiseTable raw={raw.data} z={zInfo.data} />}
      {raw.data && <VarianceBars info={raw.data} loss={undefined} />}
      <button type="button" onClick={run}>
        Train on raw centimetres and on z-scores
      </button>
      <HistoryChart
        title="Angle to PCA's plane: raw centimetres and z-scores"
        yLabel="degrees (log)"
        logScale
        xMax={IRIS_AUTOENCODER_CONFIG.steps}
        emptyText="Press the button to run both."
        series={[
          { key: 'z', name: 'z-scored', color: 'var(--weight)', points: historyPoints(z, 'angle', 500, (v) => v > 0) },
          {
            key: 'raw',
            name: 'raw centimetres',
            color: 'var(--loss)',
            points: historyPoints(cm, 'angle', 500, (v) => v > 0),
          },
        ]}
      />
    </section>
  );
}

const FLOWER: FieldSpec[] = ['sepal length', 'sepal width', 'petal length', 'petal width'].map((f, i) => ({
  name: String(i),
  label: `New flower: ${f} (cm)`,
  fallback: ['5.9', '3', '4.2', '1.3'][i],
  kind: 'rate',
}));

function NewFlower() {
  const info = useDatasetInfo('iris-z');
  const run = useReduce((s) => s.runs[IRIS_CHANNEL]);
  const form = useFieldForm('reduce.flower', FLOWER);
  const cm = FLOWER.map((f) => form.values[f.name]);
  const ok = cm.every((v) => v !== undefined) && !!run?.weights;
  const q = useQuery(
    queries.projectFlower,
    ok ? { dataset: 'iris-z', weights: run!.weights!, cm: cm as number[] } : null,
  );
  const extra = q.data && ok ? { x: q.data[0], y: q.data[1], label: 'New flower' } : null;
  return (
    <section className="card" aria-labelledby="flower-title">
      <h2 id="flower-title">Project a new flower</h2>
      <p>
        W places any flower, not just the 150 it learned from: scale its four measurements as the data was scaled,
        multiply by W.
      </p>
      {!run?.weights && (
        <p>
          Train the iris run first:{' '}
          <button type="button" onClick={() => void reduceStore.getState().train(IRIS_CHANNEL, rateConfig(0.1))}>
            Train W on the flowers
          </button>
        </p>
      )}
      <div className="fields">
        {FLOWER.map((f) => (
          <NumberField
            key={f.name}
            label={f.label}
            value={form.text[f.name]}
            error={form.errors[f.name]}
            step={0.1}
            onChange={(v) => form.set(f.name, v)}
          />
        ))}
      </div>
      {extra && (
        <p className="math" data-testid="new-flower">
          The new flower lands at ({formatNumber(extra.x)}, {formatNumber(extra.y)}).
        </p>
      )}
      <FlowerScatter run={run} config={null} info={info.data} extra={extra} />
    </section>
  );
}

export function ExperimentsStep() {
  return (
    <>
      <p className="lede">
        Three things to try with the flowers: other learning rates, unscaled measurements, and a flower of your own.
      </p>
      <LearningRates />
      <Later>
        <Standardise />
      </Later>
      <Later>
        <NewFlower />
      </Later>
    </>
  );
}
