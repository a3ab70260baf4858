/**
 * Lesson 3, step 4: name the species. A 4 → 8 → 3 network with softmax and cross-entropy on
 * the 150 iris flowers, 120 to train on and 30 held out (stratified, seeded): one flower's
 * scores, probabilities and loss in a line each, the test accuracy, the confusion matrix,
 * mini-batch beside full-batch descent, and three seeds.
 */
import { useMemo } from 'react';
import { formatNumber } from '../../components/format.ts';
import { HistoryChart } from '../../components/history-chart.tsx';
import { Prediction } from '../../components/prediction.tsx';
import { RunControls } from '../../components/run-controls.tsx';
import { StatusLine } from '../../components/run-status.tsx';
import { Later } from '../../components/schedule.tsx';
import { useAnswered } from '../../store/lesson-store.ts';
import { networkStore, type NetworkRunView } from '../../store/network-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import type { NetworkConfig } from '../../training/network/config.ts';
import { useFieldForm, type FieldSpec } from '../field-form.ts';
import { FormRunControls } from '../form-run-controls.tsx';
import {
  NETWORK_STORE,
  batchPoints,
  epochPoints,
  latest,
  networkConfig,
  networkStatus,
  pairName,
  stateOf,
  useLayersSpeed,
  useNetworkRun,
} from './shared.ts';

export const IRIS_CHANNEL = 'layers-iris';
export const IRIS_FULL_CHANNEL = 'layers-iris-full';
export const SEEDS = [1, 2, 3] as const;
const seedChannel = (s: number) => `layers-iris-seed-${s}`;

const SPECIES = ['setosa', 'versicolor', 'virginica'] as const;

const FIELDS: FieldSpec[] = [
  { name: 'seed', label: 'Seed', fallback: '1', kind: 'whole' },
  { name: 'lr', label: 'Learning rate', fallback: '0.1', kind: 'rate' },
  { name: 'epochs', label: 'Epochs', fallback: '200', kind: 'whole' },
];

function irisConfig(v: Record<string, number>, batchSize = 10): NetworkConfig | null {
  const { seed, lr, epochs } = v;
  if (seed === undefined || lr === undefined || epochs === undefined || epochs > 100_000) return null;
  return networkConfig({
    data: { kind: 'iris', testCount: 30, seed: 1 },
    hidden: [8],
    activation: 'tanh',
    loss: 'cross-entropy',
    learningRate: lr,
    batchSize,
    epochs,
    initSeed: seed,
  });
}

/** The settings the question's answer is worked out with: the fields' defaults. */
const ANSWER_CONFIG = irisConfig({ seed: 1, lr: 0.1, epochs: 200 })!;

const pct = (v: number | undefined) => (v === undefined ? '—' : `${formatNumber(100 * v, 3)} %`);
const vec = (v: readonly number[]) => `(${v.map((x) => formatNumber(x)).join(', ')})`;

/** The three pairs of species, as the prediction's choices (value: 3·i + j). */
const PAIRS: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 2],
];

function Readout({ run }: { run: NetworkRunView | undefined }) {
  const row = latest(run);
  return (
    <dl className="readout" aria-label={`Iris network, ${stateOf(run, 'epoch')}`}>
      <div>
        <dt>Epoch</dt>
        <dd data-testid="iris-epoch">{row?.epochs ?? '—'}</dd>
      </div>
      <div>
        <dt>Training loss</dt>
        <dd>{formatNumber(row?.trainLoss)}</dd>
      </div>
      <div>
        <dt>Test loss</dt>
        <dd>{formatNumber(row?.testLoss)}</dd>
      </div>
      <div>
        <dt>Test accuracy</dt>
        <dd data-testid="test-accuracy">{pct(row?.testAccuracy)}</dd>
      </div>
    </dl>
  );
}

/** One held-out flower through the network's weights now: scores, softmax, cross-entropy. */
function OneFlower({ run }: { run: NetworkRunView | undefined }) {
  const still = run && run.status !== 'running' && run.weights;
  const { steps: _steps, ...config } = run?.config ?? ({} as NetworkRunView['config']);
  const q = useQuery(
    queries.exampleThrough,
    still ? { config: config as NetworkConfig, weights: Array.from(run.weights!), set: 'test', index: 0 } : null,
  );
  // A stale answer (for earlier weights) is not shown under this state's name.
  const f = q.pending ? undefined : q.data;
  return (
    <section aria-labelledby="flower-title">
      <h3 id="flower-title">One flower through the network</h3>
      {!run ? (
        <p className="muted">Train or Step to send a flower through.</p>
      ) : !still ? (
        <p className="muted">Pause, or wait for the run to end, to see one flower’s numbers.</p>
      ) : !f ? (
        <p className="muted">Computing…</p>
      ) : (
        <div data-testid="one-flower">
          <p>
            The first held-out flower, a {f.classNames[f.actual]}, {stateOf(run, 'epoch')}. Its four measurements,
            z-scored with the training flowers’ means: {vec(f.inputs)}.
          </p>
          <p className="equation-line">
            Scores z = {vec(f.logits)} → softmax p = e^z / Σ e^z = {vec(f.probabilities)}
          </p>
          <p className="equation-line">
            Cross-entropy = −log p({f.classNames[f.actual]}) = −log {formatNumber(f.probabilities[f.actual])} ={' '}
            {formatNumber(f.loss)}
          </p>
          <p>
            The network names it <strong>{f.classNames[f.predicted]}</strong>
            {f.predicted === f.actual ? ', right' : ', wrong'}. The loss is small when the right species gets most of
            the probability, and grows without bound as that probability goes to 0.
          </p>
        </div>
      )}
    </section>
  );
}

function Confusion({ run }: { run: NetworkRunView | undefined }) {
  const answered = useAnswered('layers-confuse');
  const c = run?.confusion;
  if (!answered)
    return <p className="muted">Answer or skip the question at the top of the page to see the confusion matrix.</p>;
  if (!c || c.length !== 9) return <p className="muted">Train to fill the confusion matrix.</p>;
  return (
    <>
      <p id="confusion-state">
        The 30 held-out flowers {stateOf(run, 'epoch')}: each row is a species, each column the network’s answer.
      </p>
      <div className="table-scroll" tabIndex={0}>
        <table data-testid="confusion" aria-describedby="confusion-state">
          <caption>Confusion matrix</caption>
          <thead>
            <tr>
              <th scope="col">Species</th>
              {SPECIES.map((s) => (
                <th scope="col" key={s}>
                  Named {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SPECIES.map((s, i) => (
              <tr key={s}>
                <th scope="row">{s}</th>
                {SPECIES.map((_, j) => (
                  <td key={j}>{c[3 * i + j]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Batches({
  config,
  full,
  speed,
  onSpeed,
}: {
  config: NetworkConfig | null;
  full: NetworkConfig | null;
  speed: Parameters<typeof RunControls>[0]['speed'];
  onSpeed: (s: Parameters<typeof RunControls>[0]['speed']) => void;
}) {
  const mini = useNetworkRun(IRIS_CHANNEL);
  const whole = useNetworkRun(IRIS_FULL_CHANNEL);
  return (
    <section className="card" aria-labelledby="batch-title">
      <h2 id="batch-title">Mini-batches or the whole set</h2>
      <p>
        The run above updates the weights after every 10 flowers: 12 small steps an epoch, each one aimed by the loss of
        a different handful of flowers. Measured on its own handful just before its update, that loss jumps about from
        one update to the next even while the trend is down: the “stochastic” in stochastic gradient descent. Full-batch
        descent takes one step an epoch, aimed by all 120 flowers at once: each step is surer, and there are twelve
        times fewer of them.
      </p>
      <RunControls
        store={NETWORK_STORE}
        channel={IRIS_FULL_CHANNEL}
        config={full}
        speed={speed}
        onSpeed={onSpeed}
        withStep
      />
      <StatusLine info={networkStatus(whole, 'epoch')} />
      <Later>
        <HistoryChart
          xName="Epoch"
          title="Each update’s loss on its own batch, over epochs"
          yLabel="loss (log)"
          logScale
          xMax={config?.epochs ?? 200}
          series={[
            { key: 'mini', name: 'Batch of 10', color: 'var(--loss)', points: batchPoints(mini) },
            { key: 'full', name: 'Batch of 120', color: 'var(--weight)', points: batchPoints(whole) },
          ]}
        />
      </Later>
    </section>
  );
}

function SeedRow({ seed }: { seed: number }) {
  const run = useNetworkRun(seedChannel(seed));
  const row = latest(run);
  return (
    <tr>
      <th scope="row">{seed}</th>
      <td>{run ? stateOf(run, 'epoch') : 'not run yet'}</td>
      <td>{formatNumber(run?.weights?.[0])}</td>
      <td>{formatNumber(row?.trainLoss)}</td>
      <td>{pct(row?.testAccuracy)}</td>
    </tr>
  );
}

/** What the three runs show, once all three have ended. */
function SeedsVerdict() {
  const runs = SEEDS.map((s) => latestOf(s));
  const ended = runs.every((r) => r && r.status !== 'running' && r.status !== 'paused' && latest(r));
  if (!ended) return <p className="muted">When all three have run, this says what they show.</p>;
  const acc = runs.map((r) => latest(r)!.testAccuracy);
  const same = acc.every((a) => a === acc[0]);
  return (
    <p data-testid="seeds-verdict">
      Three different sets of weights (their first weights alone are{' '}
      {runs.map((r) => formatNumber(r!.weights?.[0])).join(', ')})
      {same ? `, and the same test accuracy, ${pct(acc[0])}` : `, with test accuracies of ${acc.map(pct).join(', ')}`}.
      Many networks sort the flowers about equally well, and each seed’s descent finds a different one.
    </p>
  );
}

function latestOf(seed: number): NetworkRunView | undefined {
  // eslint-disable-next-line react-hooks/rules-of-hooks -- called once per seed, in a fixed order
  return useNetworkRun(seedChannel(seed));
}

function ThreeSeeds({ config }: { config: NetworkConfig | null }) {
  const train = () => {
    if (!config) return;
    for (const s of SEEDS) void networkStore.getState().train(seedChannel(s), { ...config, initSeed: s }, 'max');
  };
  return (
    <section className="card" aria-labelledby="seeds-title">
      <h2 id="seeds-title">Three seeds</h2>
      <p>
        The seed picks the starting weights. Train the same network from three of them (at full speed, with this page’s
        learning rate and epochs) and compare where each ends.
      </p>
      <div className="toolbar">
        <button type="button" onClick={train} disabled={!config}>
          Train seeds 1, 2 and 3
        </button>
      </div>
      <div className="table-scroll" tabIndex={0}>
        <table>
          <caption>
            Each seed’s run: its first weight, its loss and its test accuracy, all in the state named in its row
          </caption>
          <thead>
            <tr>
              <th scope="col">Seed</th>
              <th scope="col">State</th>
              <th scope="col">First weight</th>
              <th scope="col">Training loss</th>
              <th scope="col">Test accuracy</th>
            </tr>
          </thead>
          <tbody>
            {SEEDS.map((s) => (
              <SeedRow key={s} seed={s} />
            ))}
          </tbody>
        </table>
      </div>
      <SeedsVerdict />
    </section>
  );
}

export function IrisStep() {
  const form = useFieldForm('layers.iris', FIELDS);
  const config = useMemo(() => irisConfig(form.values), [form.values]);
  const full = useMemo(() => irisConfig(form.values, 120), [form.values]);
  const [speed, setSpeed] = useLayersSpeed('layers-iris', 20);
  const run = useNetworkRun(IRIS_CHANNEL);
  // The question's answer comes from this page's first settings, not the fields: a field set to
  // 100,000 epochs would keep the worker busy for half a minute before the learner could check.
  const confused = useQuery(queries.confusedPair, { config: ANSWER_CONFIG });
  const pair = confused.pending ? undefined : confused.data?.pair;
  return (
    <>
      <p className="lede">
        Lesson 2 drew the iris flowers on a plane. Now a network learns to name their species from the four
        measurements: 4 inputs, a hidden layer of 8 tanh units, and 3 outputs, one score per species.
      </p>
      <Prediction
        id="layers-confuse"
        question="Which two species will it confuse?"
        answer={pair ? 3 * pair[0] + pair[1] : undefined}
        choices={PAIRS.map(([i, j]) => ({ value: 3 * i + j, label: pairName(SPECIES, [i, j]) }))}
        show={(v) => pairName(SPECIES, [Math.floor(v / 3), v % 3])}
        why={
          <>
            Trained with this page’s first settings (seed 1, learning rate 0.1, 200 epochs), the network mixes them up{' '}
            {confused.data?.count ?? '…'} times over all 150 flowers. Their petals overlap in size; setosa’s are much
            smaller than either.
          </>
        }
      />
      <section className="card" aria-labelledby="softmax-title">
        <h2 id="softmax-title">Scores, softmax and cross-entropy</h2>
        <p>
          The three outputs are scores, any numbers. Softmax turns them into probabilities: raise e to each score and
          divide by the sum, so they are positive and add up to 1. The loss for a flower is the cross-entropy, −log of
          the probability given to its true species. 120 flowers train the network (10 at a time); 30, ten of each
          species picked by a seeded shuffle, are held out to test it. The measurements are z-scored with the training
          flowers’ means and spreads only.
        </p>
      </section>
      <section className="card" aria-labelledby="iris-train-title">
        <h2 id="iris-train-title">Train it</h2>
        <p className="muted">This page runs at 20 epochs a second unless you pick another Speed.</p>
        <FormRunControls
          store={NETWORK_STORE}
          channel={IRIS_CHANNEL}
          config={config}
          specs={FIELDS}
          form={form}
          speed={speed}
          onSpeed={setSpeed}
        />
        <StatusLine info={networkStatus(run, 'epoch')} />
        <Readout run={run} />
        <Later>
          <div className="chart-grid">
            <HistoryChart
              xName="Epoch"
              title="Loss over epochs"
              yLabel="loss (log)"
              logScale
              xMax={run?.config.steps ?? config?.epochs ?? 200}
              series={[
                { key: 'train', name: 'Training', color: 'var(--loss)', points: epochPoints(run, 'trainLoss') },
                { key: 'test', name: 'Test', color: 'var(--weight)', points: epochPoints(run, 'testLoss') },
              ]}
            />
            <HistoryChart
              xName="Epoch"
              title="Accuracy over epochs"
              yLabel="percent"
              xMax={run?.config.steps ?? config?.epochs ?? 200}
              emptyDomain={[0, 100]}
              series={[
                {
                  key: 'train',
                  name: 'Training',
                  color: 'var(--loss)',
                  points: epochPoints(run, 'trainAccuracy', 100),
                },
                { key: 'test', name: 'Test', color: 'var(--weight)', points: epochPoints(run, 'testAccuracy', 100) },
              ]}
            />
          </div>
        </Later>
        <OneFlower run={run} />
        <h3>Which flowers it gets wrong</h3>
        <Confusion run={run} />
      </section>
      <Batches config={config} full={full} speed={speed} onSpeed={setSpeed} />
      <ThreeSeeds config={config} />
      <p>
        That is a multi-layer perceptron: layers of weighted sums with a bend between them, a loss, a tape, and the same
        update as the negator’s one weight. The Playground lets you try your own numbers on lesson 1’s model.
      </p>
    </>
  );
}
