/**
 * Lesson 3, step 2: a bend between the layers. y = |x| from 21 pairs: the best line is flat,
 * and a 1 → 2 → 1 ReLU network fits it, |x| = relu(x) + relu(−x), drawn piece by piece as it
 * trains. Then XOR: one neuron's boundary is one straight line; a hidden layer of four tanh
 * units bends it around the corners, each unit's map drawn beside the decision map.
 */
import { useMemo } from 'react';
import { formatNumber } from '../../components/format.ts';
import { HistoryChart } from '../../components/history-chart.tsx';
import { DecisionMap, UnitMaps, type MapPoints } from '../../components/plane-map.tsx';
import { Prediction } from '../../components/prediction.tsx';
import { RunControls } from '../../components/run-controls.tsx';
import { StatusLine } from '../../components/run-status.tsx';
import { Later } from '../../components/schedule.tsx';
import { useAnswered } from '../../store/lesson-store.ts';
import type { NetworkRunView } from '../../store/network-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import type { NetworkConfig, NetworkData } from '../../training/network/config.ts';
import { useFieldForm, type FieldSpec } from '../field-form.ts';
import { FormRunControls } from '../form-run-controls.tsx';
import { PiecesPlot } from './pieces-plot.tsx';
import {
  ABS_DATA,
  ABS_XS,
  NETWORK_STORE,
  epochPoints,
  latest,
  networkConfig,
  networkStatus,
  stateOf,
  useLayersSpeed,
  useNetworkRun,
} from './shared.ts';

export const ABS_LINE_CHANNEL = 'layers-abs-line';
export const ABS_RELU_CHANNEL = 'layers-abs-relu';
export const XOR_ONE_CHANNEL = 'layers-xor-one';
export const XOR_HIDDEN_CHANNEL = 'layers-xor-hidden';

const LINE_FIELDS: FieldSpec[] = [
  { name: 'lr', label: 'Learning rate', fallback: '0.3', kind: 'rate' },
  { name: 'epochs', label: 'Steps', fallback: '500', kind: 'whole' },
];
const ABS_FIELDS: FieldSpec[] = [{ name: 'seed', label: 'Seed', fallback: '1', kind: 'whole' }, ...LINE_FIELDS];

/** The |x| runs: a line (no hidden layer), or 1 → 2 → 1 with ReLU. Every pair in each step. */
function absConfig(v: Record<string, number>, hidden: number[]): NetworkConfig | null {
  const { seed, lr, epochs } = v;
  if (seed === undefined || lr === undefined || epochs === undefined || epochs > 100_000) return null;
  return networkConfig({
    data: ABS_DATA,
    hidden,
    activation: 'relu',
    learningRate: lr,
    batchSize: ABS_XS.length,
    epochs,
    initSeed: seed,
  });
}

const XOR_DATA: NetworkData = {
  kind: 'plane',
  dataset: 'xor',
  points: 400,
  noise: 0,
  trainPercent: 50,
  seed: 1,
  features: ['x1', 'x2'],
};

const xorConfig = (hidden: number[]): NetworkConfig =>
  networkConfig({ data: XOR_DATA, hidden, activation: 'tanh', learningRate: 0.1, batchSize: 10, epochs: 100 });
const XOR_ONE = xorConfig([]);
const XOR_HIDDEN = xorConfig([4]);

function LossReadout({ run, label }: { run: NetworkRunView | undefined; label: string }) {
  const row = latest(run);
  return (
    <dl className="readout" aria-label={`${label}, ${stateOf(run)}`}>
      <div>
        <dt>Step</dt>
        <dd>{row?.epochs ?? '—'}</dd>
      </div>
      <div>
        <dt>Loss</dt>
        <dd>{formatNumber(row?.trainLoss)}</dd>
      </div>
    </dl>
  );
}

function AbsPart() {
  const lineForm = useFieldForm('layers.abs-line', LINE_FIELDS);
  const form = useFieldForm('layers.abs', ABS_FIELDS);
  // A line has no hidden units for a seed to start: its weight starts from seed 1's first number.
  const line = useMemo(() => absConfig({ ...lineForm.values, seed: 1 }, []), [lineForm.values]);
  const relu = useMemo(() => absConfig(form.values, [2]), [form.values]);
  const [speed, setSpeed] = useLayersSpeed('layers-bend', 50);
  const lineRun = useNetworkRun(ABS_LINE_CHANNEL);
  const reluRun = useNetworkRun(ABS_RELU_CHANNEL);
  const lineW = lineRun?.weights;
  return (
    <>
      <section className="card" aria-labelledby="abs-line-title">
        <h2 id="abs-line-title">The best line through |x|</h2>
        <p>
          Twenty-one pairs (x, |x|) for x from −2 to 2. First a network with no hidden layer, ŷ = w·x + b: a line. These
          runs take every pair in each step and go at 50 steps a second unless you pick another Speed.
        </p>
        <FormRunControls
          store={NETWORK_STORE}
          channel={ABS_LINE_CHANNEL}
          config={line}
          specs={LINE_FIELDS}
          form={lineForm}
          speed={speed}
          onSpeed={setSpeed}
        />
        <StatusLine info={networkStatus(lineRun)} />
        <LossReadout run={lineRun} label="The line" />
        {lineW && lineW.length === 2 && (
          <p data-testid="abs-line">
            {stateOf(lineRun)[0].toUpperCase() + stateOf(lineRun).slice(1)}: ŷ = {formatNumber(lineW[0])}·x +{' '}
            {formatNumber(lineW[1])}. The slope heads to 0: |x| is as high on the left as on the right, so the best a
            line can do is lie flat at the pairs’ mean height,{' '}
            {formatNumber(ABS_XS.reduce((s, x) => s + Math.abs(x), 0) / ABS_XS.length)}.
          </p>
        )}
        <Later>
          <PiecesPlot
            title="The line and the pairs"
            xs={ABS_XS}
            targets={ABS_DATA.kind === 'pairs' ? ABS_DATA.targets : []}
            curves={lineRun?.curves ?? null}
            state={stateOf(lineRun)}
          />
        </Later>
      </section>
      <section className="card" aria-labelledby="abs-relu-title">
        <h2 id="abs-relu-title">Two ReLU units: a line with a bend</h2>
        <p>
          Now put a hidden layer of two units between input and output, each one relu(w·x + b): zero on one side of its
          own kink, a straight ramp on the other. The output adds the two ramps, each times its weight, plus c. With one
          ramp rising to the right and one to the left, the sum is |x| = relu(x) + relu(−x).
        </p>
        <FormRunControls
          store={NETWORK_STORE}
          channel={ABS_RELU_CHANNEL}
          config={relu}
          specs={ABS_FIELDS}
          form={form}
          speed={speed}
          onSpeed={setSpeed}
        />
        <StatusLine info={networkStatus(reluRun)} />
        <LossReadout run={reluRun} label="The 1 → 2 → 1 network" />
        <Later>
          <div className="chart-grid">
            <PiecesPlot
              title="The network’s output and its two pieces"
              xs={ABS_XS}
              targets={ABS_DATA.kind === 'pairs' ? ABS_DATA.targets : []}
              curves={reluRun?.curves ?? null}
              state={stateOf(reluRun)}
            />
            <HistoryChart
              title="Loss over steps: the line and the bent line"
              yLabel="loss (log)"
              logScale
              xMax={relu?.epochs ?? 500}
              series={[
                { key: 'line', name: 'Line', color: 'var(--weight)', points: epochPoints(lineRun, 'trainLoss') },
                {
                  key: 'relu',
                  name: '1 → 2 → 1 ReLU',
                  color: 'var(--loss)',
                  points: epochPoints(reluRun, 'trainLoss'),
                },
              ]}
            />
          </div>
        </Later>
        <p className="muted">
          Try Seed 4: one unit’s kink ends up outside the pairs, so it is zero for every x, passes no gradient back, and
          never moves again. A dead unit: the fit stays a bent line with one bend too few.
        </p>
      </section>
    </>
  );
}

function usePoints(data: NetworkData): MapPoints[] {
  const q = useQuery(queries.dataPoints, { data });
  return useMemo(
    () =>
      q.data
        ? [
            { xy: q.data.train, cls: q.data.trainClass },
            { xy: q.data.test, cls: q.data.testClass, test: true },
          ]
        : [],
    [q.data],
  );
}

function XorRun({ channel, config, label }: { channel: string; config: NetworkConfig; label: string }) {
  const [speed, setSpeed] = useLayersSpeed('layers-xor');
  const run = useNetworkRun(channel);
  const points = usePoints(XOR_DATA);
  const row = latest(run);
  const maps = run?.maps;
  return (
    <section className="card" aria-labelledby={`${channel}-title`}>
      <h3 id={`${channel}-title`}>{label}</h3>
      <RunControls store={NETWORK_STORE} channel={channel} config={config} speed={speed} onSpeed={setSpeed} withStep />
      <StatusLine info={networkStatus(run, 'epoch')} />
      <dl className="readout" aria-label={`${label}, ${stateOf(run, 'epoch')}`}>
        <div>
          <dt>Epoch</dt>
          <dd>{row?.epochs ?? '—'}</dd>
        </div>
        <div>
          <dt>Test accuracy</dt>
          <dd data-testid={`${channel}-accuracy`}>{row ? `${formatNumber(100 * row.testAccuracy, 3)} %` : '—'}</dd>
        </div>
      </dl>
      <Later>
        <DecisionMap
          title={`Decision map: ${label}`}
          output={maps?.output ?? null}
          grid={maps?.grid ?? 100}
          state={stateOf(run, 'epoch')}
          points={points}
          accuracy={row?.testAccuracy}
        />
        {config.hidden.length > 0 && (
          <UnitMaps
            units={maps?.units ?? null}
            grid={maps?.unitGrid ?? 40}
            sizes={config.hidden}
            state={stateOf(run, 'epoch')}
          />
        )}
      </Later>
    </section>
  );
}

/** What the two XOR runs show, in their own numbers, once both have ended. */
function XorVerdict() {
  const one = useNetworkRun(XOR_ONE_CHANNEL);
  const hidden = useNetworkRun(XOR_HIDDEN_CHANNEL);
  const ended = (r: NetworkRunView | undefined) => r && r.status !== 'running' && r.status !== 'paused' && latest(r);
  if (!ended(one) || !ended(hidden))
    return <p className="muted">Train both to compare them: one line against a layer of bends.</p>;
  const a = latest(one)!;
  const b = latest(hidden)!;
  return (
    <p data-testid="xor-verdict">
      One neuron, {stateOf(one, 'epoch')}, gets {formatNumber(100 * a.testAccuracy, 3)} % of the test points right: its
      map is split by one straight line, and no line gets more than three corners of four. The four tanh units,{' '}
      {stateOf(hidden, 'epoch')}, get {formatNumber(100 * b.testAccuracy, 3)} %: each unit draws its own soft line (its
      map above), and the output mixes them into a region that bends around the corners.
    </p>
  );
}

function XorPart() {
  const answered = useAnswered('layers-xor-one');
  return (
    <section aria-labelledby="xor-title">
      <h2 id="xor-title">XOR: a class on opposite corners</h2>
      <p>
        Points in the plane, blue (+1) where x₁ and x₂ have the same sign, orange (−1) where they differ: two opposite
        corners each. One neuron, tanh(w₁x₁ + w₂x₂ + b), is blue on one side of a straight line and orange on the other.
      </p>
      <Prediction
        id="layers-xor-one"
        question="Of XOR’s four corners, how many can one straight line put on their right side at best?"
        answer={3}
        atol={0}
        rtol={0}
        why={
          <>
            A line can cut off one corner, but the corner opposite it has the same colour and ends up on the other side:
            3 of 4, 75 % at best.
          </>
        }
      />
      {answered ? (
        <div className="chart-grid">
          <XorRun channel={XOR_ONE_CHANNEL} config={XOR_ONE} label="One neuron" />
          <XorRun channel={XOR_HIDDEN_CHANNEL} config={XOR_HIDDEN} label="A hidden layer of 4 tanh units" />
        </div>
      ) : (
        <p className="muted">Answer or skip the question to train on XOR.</p>
      )}
      {answered && <XorVerdict />}
    </section>
  );
}

export function BendStep() {
  return (
    <>
      <p className="lede">
        A network bends when something that is not a line sits between its layers: an activation such as ReLU, relu(z) =
        max(0, z), or tanh. Here is what one bend buys.
      </p>
      <AbsPart />
      <XorPart />
      <p>
        <a className="primary-link" href="#/layers/backprop">
          Next: backprop through a layer
        </a>
      </p>
    </>
  );
}
