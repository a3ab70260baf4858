/**
 * The Network page: TensorFlow Playground's controls and more, trained in the worker on our
 * engine. Data, features and layers on the left, the network drawn in the middle with its run,
 * the Decision map on the right; below them the losses, each layer's gradient size and the
 * share link. The page computes nothing: every number and map cell is the worker's.
 */
import { useCallback, useMemo, useState } from 'react';
import { ChartFigure } from '../components/chart-figure.tsx';
import { formatNumber } from '../components/format.ts';
import { HistoryChart } from '../components/history-chart.tsx';
import { MapCanvas, type MapPoints } from '../components/plane-map.tsx';
import { RunControls } from '../components/run-controls.tsx';
import { StatusLine } from '../components/run-status.tsx';
import { Later, useAtMostEvery } from '../components/schedule.tsx';
import {
  NETWORK_STORE,
  epochPoints,
  latest,
  networkStatus,
  stateOf as stateIn,
  useNetworkRun,
} from '../components/network-run-views.ts';
import { lessonStore, useLesson } from '../store/lesson-store.ts';
import { useNetwork, type NetworkRunView } from '../store/network-store.ts';
import { networkSettings, useNetworkSettings } from '../store/network-settings.ts';
import { queries, useQuery } from '../store/queries.ts';
import { layerSizes, parameterCount, type NetworkConfig } from '../training/network/config.ts';
import { FEATURE_NAMES, configOfDraft, draftClasses } from '../training/network/draft.ts';
import type { Speed } from '../training/pace.ts';
import { DataControls, FeatureControls, LayerControls, TrainingControls } from './controls.tsx';
import { NetworkDiagram } from './network-diagram.tsx';
import { LinkNoticeBox, ShareBox, useNetworkLink } from './share-box.tsx';
import { YourPoints } from './your-points.tsx';
import { LayerView } from './layer-view.tsx';

export const NETWORK_CHANNEL = 'network';
const NO_EDITS: ReadonlyMap<number, number> = new Map();
/** Watchable by default: 1,000 epochs take 20 s (Max is one choice away). */
const DEFAULT_SPEED: Speed = 50;

/**
 * The page's run, redrawn when the page has time. Only the parts that show it subscribe, so a
 * batch re-renders the readouts, maps and charts, never the controls.
 */
const useRun = () => useNetworkRun(NETWORK_CHANNEL);

const stateOf = (run: NetworkRunView | undefined) => stateIn(run, 'epoch');
const statusOf = (run: NetworkRunView | undefined) => networkStatus(run, 'epoch');
const points = (run: NetworkRunView | undefined, column: 'trainLoss' | 'testLoss') => epochPoints(run, column, 1, 300);

function Readouts({ run, classes }: { run: NetworkRunView | undefined; classes: number }) {
  const row = latest(run);
  const pct = (v: number | undefined) => (v === undefined || classes === 0 ? '—' : `${formatNumber(100 * v, 3)} %`);
  return (
    <dl className="readout" aria-label={`The network, ${stateOf(run)}`}>
      <div>
        <dt>Epoch</dt>
        <dd data-testid="net-epoch">{row?.epochs ?? '—'}</dd>
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
        <dt>Training accuracy</dt>
        <dd data-testid="net-train-accuracy">{pct(row?.trainAccuracy)}</dd>
      </div>
      <div>
        <dt>Test accuracy</dt>
        <dd data-testid="net-test-accuracy">{pct(row?.testAccuracy)}</dd>
      </div>
    </dl>
  );
}

function DecisionMapPanel({ config, own }: { config: NetworkConfig | null; own: boolean }) {
  // Not deferred: the map is the picture that moves, and its redraw is one paint.
  const run = useNetwork((s) => s.runs[NETWORK_CHANNEL]);
  const draft = useNetworkSettings((s) => s.draft);
  const mine = useNetworkSettings((s) => s.points);
  const classes = draftClasses(draft);
  const data = useQuery(queries.dataPoints, config && !own ? { data: config.data } : null);
  const drawn = useMemo<MapPoints[]>(() => {
    if (own) return [{ xy: mine.xy, cls: mine.labels, classes }];
    if (!data.data || data.pending || classes === 0) return [];
    const d = data.data;
    const sets: MapPoints[] = [{ xy: d.train, cls: d.trainClass, classes }];
    if (draft.showTest) sets.push({ xy: d.test, cls: d.testClass, test: true, classes });
    return sets;
  }, [own, mine, data.data, data.pending, draft.showTest, classes]);
  // A map of an older run's settings is not shown under these (its shape may not match).
  const maps = run?.maps;
  const set = networkSettings.getState().set;
  const count = drawn.reduce((n, p) => n + p.cls.length, 0);
  const summary = maps
    ? `The network’s output over the plane from −6 to 6 on both axes, ${stateOf(run)}${classes === 3 ? ', coloured by the likeliest class' : classes === 0 ? ', the number it gives (blue above 0, orange below)' : ': blue where it says +1 (class B), orange where it says −1 (class A)'}; ${count} points drawn.`
    : `${count} points drawn; train to colour the plane by the network’s output.`;
  return (
    <ChartFigure
      title="Decision map"
      summary={summary}
      hasData
      emptyText=""
      table={() => (
        <table>
          <caption>Points drawn, by class</caption>
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {drawn.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.test ? 'Test' : 'Training'}</th>
                <td>{p.cls.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      actions={
        <>
          <label className="pg-check">
            <input type="checkbox" checked={draft.showTest} onChange={(e) => set({ showTest: e.target.checked })} />{' '}
            Show test data
          </label>
          <label className="pg-check">
            <input type="checkbox" checked={draft.discretize} onChange={(e) => set({ discretize: e.target.checked })} />{' '}
            Discretize output
          </label>
        </>
      }
    >
      <MapCanvas
        values={maps?.output ?? null}
        grid={maps?.grid ?? 100}
        size={360}
        points={drawn}
        outputs={maps?.outputs ?? 1}
        discretize={draft.discretize}
        onPick={own ? (x, y) => networkSettings.getState().addPoint(x, y) : undefined}
      />
    </ChartFigure>
  );
}

/** The flat weights the next Train starts from: the run's, with the learner's edits. */
function startWeights(run: NetworkRunView | undefined, edits: ReadonlyMap<number, number>): number[] | undefined {
  if (!run?.weights || edits.size === 0) return undefined;
  const w = Array.from(run.weights);
  for (const [i, v] of edits) if (i < w.length) w[i] = v;
  return w;
}

type Edits = ReadonlyMap<number, number>;

/** Train and the rest, the run's status and readouts: Train starts from the edited weights when there are edits. */
function RunBar({ base, edits, classes }: { base: NetworkConfig | null; edits: Edits; classes: number }) {
  const run = useRun();
  const speed = useLesson((s) => s.speeds.network ?? DEFAULT_SPEED);
  const init = startWeights(run, edits);
  const fits = init && base && init.length === parameterCount(base);
  const config = base && (fits ? { ...base, init } : base);
  return (
    <div className="net-top card">
      <RunControls
        store={NETWORK_STORE}
        channel={NETWORK_CHANNEL}
        config={config}
        speed={speed}
        onSpeed={(s) => lessonStore.getState().setSpeed('network', s)}
        withStep
        note={
          !config && (
            <p className="muted">Train waits until every setting below can be used: see the messages beside them.</p>
          )
        }
      />
      <StatusLine info={statusOf(run)} />
      <Readouts run={run} classes={classes} />
      {edits.size > 0 && (
        <p className="muted" data-testid="edits-note">
          {edits.size === 1 ? 'One weight is' : `${edits.size} weights are`} edited: the next Train starts from the
          drawn weights with {edits.size === 1 ? 'that edit' : 'those edits'}.
        </p>
      )}
    </div>
  );
}

function Diagram({
  sizes,
  params,
  edits,
  onEdit,
}: {
  sizes: number[];
  /** How many weights and biases a network of these sizes has (the run's must match to be drawn). */
  params: number;
  edits: Edits;
  onEdit(i: number, v: number | null): void;
}) {
  const run = useRun();
  const draft = useNetworkSettings((s) => s.draft);
  return (
    <NetworkDiagram
      sizes={sizes}
      featureNames={draft.features.map((f) => FEATURE_NAMES[f])}
      weights={run && run.weights && run.weights.length === params ? run.weights : null}
      maps={run?.maps && run.maps.unitCount === sizes.slice(1, -1).reduce((a, b) => a + b, 0) ? run.maps : null}
      edits={edits}
      onEdit={onEdit}
      discretize={draft.discretize}
      state={stateOf(run)}
      live={run?.status === 'running'}
    />
  );
}

/** The run for a chart: redrawn once a second while it runs (the maps carry the motion; a recharts update is the page's costliest task). */
const useChartRun = () => {
  const run = useRun();
  return useAtMostEvery(run, CHART_MS, run?.status === 'running');
};
const CHART_MS = 1000;

function LossChart({ fallback }: { fallback: number }) {
  const run = useChartRun();
  return (
    <HistoryChart
      title="Loss over epochs"
      yLabel="loss (log)"
      logScale
      xName="Epoch"
      xMax={run?.config.steps ?? fallback}
      series={[
        { key: 'train', name: 'Training', color: 'var(--loss)', points: points(run, 'trainLoss') },
        { key: 'test', name: 'Test', color: 'var(--weight)', points: points(run, 'testLoss') },
      ]}
    />
  );
}

export function NetworkPage() {
  const [notice, setNotice] = useNetworkLink();
  const draft = useNetworkSettings((s) => s.draft);
  const mine = useNetworkSettings((s) => s.points);
  const read = useMemo(() => configOfDraft(draft, mine), [draft, mine]);
  // Only which run it is: a batch does not re-render the page, only what shows the run.
  const runId = useNetwork((s) => s.runs[NETWORK_CHANNEL]?.runId);
  const [editState, setEditState] = useState<{ key: string; map: Map<number, number> }>({ key: '', map: new Map() });
  const classes = draftClasses(draft);
  const own = draft.problem === 'classification' && draft.dataset === 'points';
  const sizes = read.config ? layerSizes(read.config) : null;
  // Edits belong to the weights they were made on: another run or another shape drops them.
  const editKey = `${sizes?.join(',')}|${runId}`;
  const edits = editState.key === editKey ? editState.map : NO_EDITS;
  const onEdit = useCallback(
    (i: number, v: number | null) =>
      setEditState((st) => {
        const next = new Map(st.key === editKey ? st.map : NO_EDITS);
        if (v === null) next.delete(i);
        else next.set(i, v);
        return { key: editKey, map: next };
      }),
    [editKey],
  );
  const fallback = read.config?.epochs ?? 1000;
  return (
    <section className="page network" aria-labelledby="net-title">
      <h1 id="net-title">Network</h1>
      <p className="lede">
        TensorFlow Playground’s network, trained in a worker on this site’s engine, with your own points, three classes,
        cross-entropy, each layer’s gradient size and a layer’s view of the plane besides.
      </p>
      <LinkNoticeBox notice={notice} onDismiss={() => setNotice(null)} />
      <RunBar base={read.config} edits={edits} classes={classes} />
      <div className="net-layout">
        <div className="net-col">
          <DataControls draft={draft} errors={read.errors} />
          {own && <YourPoints classes={Number(draft.classes)} />}
          {read.errors.points && (
            <p className="field-error" role="alert">
              {read.errors.points}
            </p>
          )}
          <FeatureControls draft={draft} errors={read.errors} />
        </div>
        <div className="net-col net-middle">
          <LayerControls draft={draft} errors={read.errors} />
          {/* A new run or shape starts the drawing afresh: an open edit belongs to the old weights. */}
          {sizes && (
            <Later>
              <Diagram
                key={editKey}
                sizes={sizes}
                params={parameterCount(read.config!)}
                edits={edits}
                onEdit={onEdit}
              />
            </Later>
          )}
        </div>
        <div className="net-col">
          <Later>
            <DecisionMapPanel config={read.config} own={own} />
          </Later>
        </div>
      </div>
      <Later>
        <TrainingControls draft={draft} errors={read.errors} />
      </Later>
      <Later>
        <div className="chart-grid">
          <LossChart fallback={fallback} />
          <GradientChart fallback={fallback} />
        </div>
      </Later>
      <Later>
        <LayerView />
      </Later>
      <Later>
        <ShareBox />
      </Later>
    </section>
  );
}

const GRAD_COLORS = ['#dc2626', '#d97706', '#059669', '#2563eb', '#7c3aed', '#db2777', '#0891b2'];

/** Each layer's mean |dL/dW| per epoch: where a deep sigmoid network stops learning. */
function GradientChart({ fallback }: { fallback: number }) {
  const run = useChartRun();
  const g = run?.gradSizes;
  const layers = g?.names ?? [];
  const e = run?.history.column('epochs');
  const series = layers.map((name, l) => {
    const col = g!.column(name);
    const pts: { step: number; value: number }[] = [];
    const stride = Math.max(1, Math.ceil(g!.length / 200));
    // Epoch 0 has no gradient yet (the run has not stepped).
    for (let i = 1; i < g!.length; i += stride) if (col[i] > 0) pts.push({ step: e![i], value: col[i] });
    return {
      key: name,
      name: l === layers.length - 1 ? 'Output layer' : `Layer ${l + 1}`,
      color: GRAD_COLORS[l % GRAD_COLORS.length],
      points: pts,
    };
  });
  return (
    <HistoryChart
      title="Gradient size per layer"
      yLabel="mean |dL/dw| (log)"
      logScale
      xName="Epoch"
      xMax={run?.config.steps ?? fallback}
      series={series}
    />
  );
}
