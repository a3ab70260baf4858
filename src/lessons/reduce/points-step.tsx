/**
 * Lesson 2, step 1: four points in 3-D laid flat by gradient descent. Their 2-D positions are
 * the trained variable (a 4×2 matrix); the loss compares each pair's squared distance with the
 * 3-D one. The learner turns the 3-D view, then watches the points settle.
 */
import { Later, useRedrawLater } from '../../components/schedule.tsx';
import { formatNumber } from '../../components/format.ts';
import { HistoryChart } from '../../components/history-chart.tsx';
import { StatusLine } from '../../components/run-status.tsx';
import { ScatterPlot } from '../../components/scatter-plot.tsx';
import { View3d } from '../../components/view-3d.tsx';
import { useReduce } from '../../store/reduce-store.ts';
import { queries, useQuery } from '../../store/queries.ts';
import type { ReduceRunConfig, StressInfo } from '../../worker-types.ts';
import { ReduceControls } from './reduce-controls.tsx';
import { useFieldForm, useReduceSpeed, type FieldSpec } from './shared.ts';
import { historyPoints, reduceStatusRun } from './run-views.ts';

const CHANNEL = 'points';
const SPECS: FieldSpec[] = [
  { name: 'lr', label: 'Learning rate', fallback: '0.05', kind: 'rate' },
  { name: 'steps', label: 'Steps', fallback: '100', kind: 'whole' },
  { name: 'seed', label: 'Seed', fallback: '1', kind: 'whole' },
];

function pointsConfig(v: Record<string, number>): ReduceRunConfig | null {
  const { lr, steps, seed } = v;
  return lr === undefined || steps === undefined || seed === undefined
    ? null
    : { kind: 'stress', learningRate: lr, steps, seed, dtype: 'float32' };
}

/** Each pair's 3-D distance beside its 2-D distance where the run started and where it is now. */
function PairTable({
  info,
  start,
  now,
  step,
}: {
  info: StressInfo;
  start: number[] | null;
  now: Float64Array | null;
  step: number | null;
}) {
  return (
    <div className="table-scroll" role="region" aria-label="Distances of each pair" tabIndex={0}>
      <table>
        <caption>Each pair’s distance in 3-D, and on the plane before and after training</caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <th scope="col">In 3-D</th>
            <th scope="col">On the plane at the start</th>
            <th scope="col">On the plane {step === null ? 'now' : `after step ${step}`}</th>
          </tr>
        </thead>
        <tbody>
          {info.pairs.map((p, i) => (
            <tr key={p}>
              <th scope="row">{p}</th>
              <td>{formatNumber(info.distances3d[i])}</td>
              <td>{formatNumber(start?.[i])}</td>
              <td>{formatNumber(now?.[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PointsStep() {
  const form = useFieldForm('reduce.points', SPECS);
  const config = pointsConfig(form.values);
  const [speed, setSpeed] = useReduceSpeed('reduce-points', 'auto');
  const info = useQuery(queries.stressInfo, {});
  const start = useQuery(queries.reduceStart, config);
  const run = useRedrawLater(useReduce((s) => s.runs[CHANNEL]));
  const last = run && run.history.length ? run.history.row(run.history.length - 1) : null;
  const flat = run?.points ?? (start.data ? Float64Array.from(start.data.points) : null);
  const names = info.data?.names ?? ['A', 'B', 'C', 'D'];
  const points = flat ? names.map((n, i) => ({ x: flat[2 * i], y: flat[2 * i + 1], group: 0, label: n })) : [];
  const links = info.data
    ? info.data.pairs.map((p) => [names.indexOf(p[0]), names.indexOf(p[1])] as [number, number])
    : [];
  return (
    <>
      <p className="lede">
        The negator learned one number. Here gradient descent learns eight: the positions of four points on a flat
        plane, so that the plane keeps the distances between them as well as it can.
      </p>
      <p>
        The four points A, B, C and D sit on a square card folded along its diagonal AC until its two halves stand at a
        right angle. Turn it: drag the view, or focus it and use the arrow keys. No flat drawing can keep all six
        distances — unfold the card and B and D move apart — so the best the plane can do is a compromise.
      </p>
      {/* Its place is kept while the engine's points arrive, so nothing below moves. */}
      {info.data ? (
        <View3d
          label="The four points A, B, C and D in 3-D, joined in pairs"
          points={info.data.points3d}
          names={info.data.names}
          links={links}
        />
      ) : (
        <div className="view-3d view-3d-placeholder" aria-hidden="true" />
      )}
      <p>
        We match <em>squared</em> distances, (|pᵢ − pⱼ|² − Dᵢⱼ²)² averaged over the six pairs, rather than the distances
        themselves: with no square root the loss is built from the negator&apos;s own sub, square and mean, and its
        slope is defined even where two points sit on top of each other. A loss that measures how badly a flat layout
        misses the real distances is called <dfn>stress</dfn>: 0 would be a perfect flat copy, and no flat layout of
        this folded card gets below {formatNumber(info.data?.floor)}.
      </p>
      <Later>
        <div className="card">
          <h2>Lay them flat</h2>
          <ReduceControls
            channel={CHANNEL}
            config={config}
            specs={SPECS}
            form={form}
            speed={speed}
            onSpeed={setSpeed}
          />
          <StatusLine info={reduceStatusRun(run)} />
          <p className="math" data-testid="points-readout">
            {last
              ? `Step ${last.steps}: loss ${formatNumber(last.loss)} (the best any flat layout can do is ${formatNumber(info.data?.floor)})`
              : 'The points start at random positions near the middle.'}
          </p>
          <div className="chart-grid">
            <ScatterPlot
              title="The four points on the plane"
              points={points}
              groups={[{ name: 'point', color: 'var(--weight)', shape: 'circle' }]}
              links={links}
              symmetric
              xLabel="first coordinate"
              yLabel="second coordinate"
              emptyText="Computing the start…"
              summary={
                last
                  ? `After step ${last.steps} the four points are at ${points.map((p) => `${p.label} (${formatNumber(p.x)}, ${formatNumber(p.y)})`).join(', ')}.`
                  : 'Where the points start, before any step.'
              }
              table={() =>
                info.data && (
                  <PairTable
                    info={info.data}
                    start={start.data?.pairDistances ?? null}
                    now={run?.pairDistances ?? null}
                    step={last?.steps ?? null}
                  />
                )
              }
            />
            <HistoryChart
              title="Stress over steps"
              yLabel="loss (log)"
              logScale
              xMax={config?.steps ?? 150}
              refLine={info.data ? { value: info.data.floor, name: 'the best flat layout' } : undefined}
              series={[{ key: 'loss', name: 'Loss', color: 'var(--loss)', points: historyPoints(run, 'loss') }]}
              emptyText="Press Train to see the points settle."
            />
          </div>
          {info.data && (
            <PairTable
              info={info.data}
              start={start.data?.pairDistances ?? null}
              now={run?.pairDistances ?? null}
              step={last?.steps ?? null}
            />
          )}
        </div>
      </Later>
      <div className="card">
        <h2>Why this is not enough</h2>
        <p>
          Moving points works for these four, but it only ever places the points it was trained on: a fifth point would
          need a new run. The next step learns a <strong>projection</strong> instead — a matrix that places any point,
          including ones it has never seen.
        </p>
        <p>
          <a className="primary-link" href="#/reduce/iris">
            Next: the iris flowers
          </a>
        </p>
      </div>
    </>
  );
}
