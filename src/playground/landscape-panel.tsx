/**
 * The loss landscape of the selected run (or of the current settings before any run): the
 * parabola over w for the w model, a contour map over (w, b) for w + b. The worker computes
 * every loss; the grid is recomputed only when the run is not streaming.
 */
import { CurvePlot } from '../components/curve/curve-plot.tsx';
import { stepArrows } from '../components/curve/geometry.ts';
import { formatNumber } from '../components/format.ts';
import { niceView } from '../components/plot/scale.ts';
import { queries, useLossCurve, useQuery } from '../store/queries.ts';
import { ContourPlot, type PathPoint } from '../components/contour-plot.tsx';
import { descentPath, type CurvePoint as CurvePathPoint } from '../store/history.ts';
import type { RunView } from '../store/training-store.ts';
import { inRange, type TrainingConfig } from '../training/config.ts';
import { niceTicks } from '../components/ticks.ts';
import { useSelectedRun } from './use-runs.ts';
import { ChartExportButtons } from './chart-export.tsx';

/** A range covering `values` with a margin; at least ±`minHalf` around their middle. */
function span(values: number[], minHalf = 1.5): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.25, minHalf - (hi - lo) / 2);
  // Round outwards to round numbers, so the axis ticks read 0.5, 1, 1.5… rather than 1.52.
  const ticks = niceTicks(lo - pad, hi + pad, 5);
  return [ticks[0], ticks[ticks.length - 1]];
}

function WeightLandscape({
  config,
  path,
  streaming,
}: {
  config: TrainingConfig;
  path: CurvePathPoint[];
  streaming: boolean;
}) {
  // While a run streams, keep the range of its start so the curve is computed once, not per batch.
  const view = niceView(...span([config.initialWeight, ...(streaming ? [] : path.map((p) => p.w))], 2), 6);
  const curve = useLossCurve({ ...config, model: 'w' }, view.domain, 181);
  const last = path[path.length - 1];
  const arrows = stepArrows(path).slice(-60);
  return (
    <>
      <div data-export-scope>
        <CurvePlot
          title="Loss against weight"
          curve={curve.data ?? []}
          domain={view.domain}
          ticks={view.ticks}
          arrows={arrows}
          point={last ? { w: last.w, loss: last.loss, slope: last.grad } : undefined}
          summary={
            last
              ? `The loss over w, with the descent's steps as arrows. After step ${last.step} the weight is ${formatNumber(last.w)}, where the loss is ${formatNumber(last.loss)} and the slope ${formatNumber(last.grad)}.`
              : 'The loss over w for these pairs; train or step to see the descent.'
          }
          table={() => (
            <table>
              <caption>Where the descent stood after each step</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Weight</th>
                  <th scope="col">Loss there</th>
                  <th scope="col">Slope there</th>
                </tr>
              </thead>
              <tbody>
                {path.map((p) => (
                  <tr key={p.step}>
                    <th scope="row">{p.step}</th>
                    <td>{formatNumber(p.w)}</td>
                    <td>{formatNumber(p.loss)}</td>
                    <td>{formatNumber(p.grad)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        />
        <div className="toolbar chart-actions">
          <ChartExportButtons title="Loss against weight" />
        </div>
      </div>
      {curve.error && (
        <p role="alert" className="status-alert">
          The loss curve could not be computed: {curve.error}
        </p>
      )}
    </>
  );
}

function BiasLandscape({ config, path, streaming }: { config: TrainingConfig; path: PathPoint[]; streaming: boolean }) {
  const basis = streaming ? [] : path;
  const w = span([config.initialWeight, ...basis.map((p) => p.w)], 2);
  const b = span([config.initialBias, ...basis.map((p) => p.b)], 2);
  const q = useQuery(queries.lossGrid, { pairs: config.pairs, w, b });
  return (
    <>
      <ContourPlot
        title="Loss over weight and bias"
        grid={q.data ?? null}
        path={path}
        pending={q.pending}
        actions={<ChartExportButtons title="Loss over weight and bias" />}
      />
      {q.error && (
        <p role="alert" className="status-alert">
          The loss map could not be computed: {q.error}
        </p>
      )}
    </>
  );
}

/** The Landscape card; `fallback` is the current settings' config when there is no run yet. */
export function LandscapePanel({ fallback }: { fallback: TrainingConfig | null }) {
  const run: RunView | undefined = useSelectedRun();
  const config = run?.config ?? fallback;
  if (!config) return null;
  // Where each step left (w, b), with the loss measured there; far-flung points of a blow-up are left off the map.
  const path = run ? descentPath(run.history).filter((p) => inRange(p.w) && inRange(p.b)) : [];
  const streaming = run?.status === 'running';
  return (
    <section className="card" aria-labelledby="pg-landscape">
      <h2 id="pg-landscape">Landscape</h2>
      <p>
        {config.model === 'w'
          ? 'The loss for every weight, with the weights descent visited.'
          : 'The loss for every weight and bias: darker is lower, lines join equal loss. The path is the descent.'}
      </p>
      {config.model === 'w' ? (
        <WeightLandscape config={config} path={path} streaming={streaming} />
      ) : (
        <BiasLandscape config={config} path={path} streaming={streaming} />
      )}
    </section>
  );
}
