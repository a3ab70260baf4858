/**
 * Lesson 3, step 1: two linear layers are still one line. The negator with two weights,
 * ŷ = w₂·(w₁·x), trained from (0.5, 0.3): its path over the loss landscape of (w₁, w₂) ends on
 * the valley w₁·w₂ = −1, and the product is the only thing the output ever sees.
 */
import { useMemo } from 'react';
import { ContourPlot, type PathPoint } from '../../components/contour-plot.tsx';
import { formatNumber } from '../../components/format.ts';
import { HistoryChart } from '../../components/history-chart.tsx';
import { Prediction } from '../../components/prediction.tsx';
import { StatusLine } from '../../components/run-status.tsx';
import { Later } from '../../components/schedule.tsx';
import { useAnswered } from '../../store/lesson-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import type { NetworkRunView } from '../../store/network-store.ts';
import type { NetworkConfig } from '../../training/network/config.ts';
import { useFieldForm, type FieldSpec } from '../field-form.ts';
import { FormRunControls } from '../form-run-controls.tsx';
import {
  NETWORK_STORE,
  epochPoints,
  latest,
  networkConfig,
  networkStatus,
  stateOf,
  useLayersSpeed,
  useNetworkRun,
} from './shared.ts';

export const STACK_CHANNEL = 'layers-stack';

const FIELDS: FieldSpec[] = [
  { name: 'w1', label: 'Starting w₁', fallback: '0.5', kind: 'number' },
  { name: 'w2', label: 'Starting w₂', fallback: '0.3', kind: 'number' },
  { name: 'lr', label: 'Learning rate', fallback: '0.02', kind: 'rate' },
  { name: 'epochs', label: 'Steps', fallback: '40', kind: 'whole' },
];

const AXES = { x: 'w₁', y: 'w₂', xTitle: 'first weight w₁', yTitle: 'second weight w₂' };
const LANDSCAPE = { input: 3, target: -3, w1: [-2, 2] as [number, number], w2: [-2, 2] as [number, number], n: 51 };

function stackConfig(v: Record<string, number>): NetworkConfig | null {
  const { w1, w2, lr, epochs } = v;
  if ([w1, w2, lr, epochs].some((x) => x === undefined)) return null;
  if (epochs > 100_000) return null;
  return networkConfig({
    data: { kind: 'pairs', inputs: [[3]], targets: [-3] },
    hidden: [1],
    activation: 'linear',
    biases: false,
    init: [w1, w2],
    learningRate: lr,
    batchSize: 1,
    epochs,
  });
}

/** The run's path: (w₁, w₂) at each epoch with the loss measured there. */
function pathOf(run: NetworkRunView | undefined): PathPoint[] {
  const h = run?.weightHistory;
  if (!run || !h || h.names.length !== 2) return [];
  const n = Math.min(h.length, run.history.length);
  const w1 = h.column('p0');
  const w2 = h.column('p1');
  const loss = run.history.column('trainLoss');
  const epochs = run.history.column('epochs');
  return Array.from({ length: n }, (_, i) => ({ step: epochs[i], w: w1[i], b: w2[i], loss: loss[i] }));
}

function Readout({ run }: { run: NetworkRunView | undefined }) {
  const row = latest(run);
  const w = run?.weights;
  const [w1, w2] = w && w.length === 2 ? [w[0], w[1]] : [undefined, undefined];
  return (
    <dl className="readout" aria-label={`Two-weight negator, ${stateOf(run)}`}>
      <div>
        <dt>Step</dt>
        <dd data-testid="stack-epoch">{row?.epochs ?? '—'}</dd>
      </div>
      <div>
        <dt>w₁</dt>
        <dd>{formatNumber(w1)}</dd>
      </div>
      <div>
        <dt>w₂</dt>
        <dd>{formatNumber(w2)}</dd>
      </div>
      <div>
        <dt>w₁·w₂</dt>
        <dd data-testid="stack-product">{w1 === undefined || w2 === undefined ? '—' : formatNumber(w1 * w2)}</dd>
      </div>
      <div>
        <dt>Loss</dt>
        <dd>{formatNumber(row?.trainLoss)}</dd>
      </div>
    </dl>
  );
}

function StillOneLine() {
  const answered = useAnswered('layers-abs');
  if (!answered)
    return (
      <section className="card" aria-labelledby="one-line-title">
        <h2 id="one-line-title">What the two layers add up to</h2>
        <p className="muted">Answer or skip the question at the top of the page to read on.</p>
      </section>
    );
  return (
    <section className="card" aria-labelledby="one-line-title">
      <h2 id="one-line-title">What the two layers add up to</h2>
      <p>
        w₂·(w₁·x) is (w₂·w₁)·x: one weight, the product. Every pair on the valley w₁·w₂ = −1 is the same negator, which
        is why the valley is a curve and not a point, and why the run can end anywhere along it. Whatever it learns, the
        output is a number times x: a straight line through 0.
      </p>
      <p>
        Matrices compose the same way. A layer with a matrix W₁ followed by one with W₂ sends x to W₂(W₁x) = (W₂W₁)x,
        and W₂W₁ is one matrix. Lesson 2’s autoencoder was already two layers, x·W and then ·Wᵀ, and what it could learn
        was still one flat plane. Stacking linear layers never bends anything, so y = |x|, which bends at 0, is out of
        reach of any stack of them. The next step puts a bend between the layers.
      </p>
    </section>
  );
}

export function StackStep() {
  const form = useFieldForm('layers.stack', FIELDS);
  const config = useMemo(() => stackConfig(form.values), [form.values]);
  const [speed, setSpeed] = useLayersSpeed('layers-stack');
  const run = useNetworkRun(STACK_CHANNEL);
  const grid = useQuery(queries.stackLandscape, LANDSCAPE);
  const path = useMemo(() => pathOf(run), [run]);
  return (
    <>
      <p className="lede">
        Lesson 1’s negator had one weight: ŷ = w·x. Give it a second layer, so the input goes through two weights in a
        row: ŷ = w₂·(w₁·x). Two layers, two numbers to learn. Is that more than one line?
      </p>
      <Prediction
        id="layers-abs"
        question="Can stacking linear layers fit y = |x|?"
        answer={0}
        choices={[
          { value: 1, label: 'Yes, with enough layers' },
          { value: 0, label: 'No, never' },
        ]}
        show={(v) => (v ? 'yes' : 'no')}
        why={<>A stack of linear layers multiplies out to one linear map, and a line cannot bend at 0.</>}
      />
      <section className="card" aria-labelledby="stack-train-title">
        <h2 id="stack-train-title">Train the two-weight negator</h2>
        <p>
          Input 3, target −3, as in lesson 1. The network trainer measures half the squared error, L = ½(ŷ − (−3))², as
          TensorFlow Playground does, and moves each weight by −learning rate × its gradient from the tape. Both weights
          start where you put them.
        </p>
        <FormRunControls
          store={NETWORK_STORE}
          channel={STACK_CHANNEL}
          config={config}
          specs={FIELDS}
          form={form}
          speed={speed}
          onSpeed={setSpeed}
        />
        <StatusLine info={networkStatus(run)} />
        <Readout run={run} />
        {/* Each figure mounts in a turn of its own: the landscape's drawing and the chart's set-up are not one task. */}
        <div className="chart-grid">
          <Later>
            <ContourPlot
              title="Loss over (w₁, w₂), with the path"
              grid={grid.data ?? null}
              pending={grid.pending}
              path={path}
              axes={AXES}
              note="The loss is zero all along the curve w₁·w₂ = −1, a valley shaped like a hyperbola, not at one point."
            />
          </Later>
          <Later>
            <HistoryChart
              title="Loss over steps"
              yLabel="loss (log)"
              logScale
              xMax={run?.config.steps ?? config?.epochs ?? 40}
              series={[{ key: 'loss', name: 'Loss', color: 'var(--loss)', points: epochPoints(run, 'trainLoss') }]}
            />
          </Later>
        </div>
        <p className="muted">
          Start both weights at the same number and they stay equal: each one’s gradient is the other’s times the same
          factor, so their product can never turn negative. Try 0.5 and 0.5.
        </p>
      </section>
      <StillOneLine />
      <p>
        <a className="primary-link" href="#/layers/bend">
          Next: bend the line
        </a>
      </p>
    </>
  );
}
