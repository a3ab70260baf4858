/**
 * A hidden layer's view of the plane: when a layer has 2 units, the plane's grid lines and the
 * training points carried through the network up to it, drawn in that layer's two outputs. The
 * layer bends the grid until a straight line can split the classes. Computed by the worker for
 * the run's weights (when the run is not moving).
 */
import { ChartFigure } from '../components/chart-figure.tsx';
import { formatNumber } from '../components/format.ts';
import { SvgPlot } from '../components/plot/svg-plot.tsx';
import { queries, useQuery } from '../store/queries.ts';
import { useNetwork, type NetworkRunView } from '../store/network-store.ts';
import { useRedrawLater } from '../components/schedule.tsx';

const COLORS = ['#f59322', '#0877bd', '#16a34a'];

export function LayerView() {
  const run = useRedrawLater(useNetwork((s) => s.runs.network));
  const layer = run ? run.config.hidden.indexOf(2) : -1;
  const still = run && run.status !== 'running' && run.weights && layer >= 0;
  const { steps: _steps, ...config } = run?.config ?? ({} as NetworkRunView['config']);
  const q = useQuery(
    queries.layerView,
    still ? { config: config as typeof config & { epochs: number }, weights: Array.from(run.weights!), layer } : null,
  );
  if (!run || layer < 0)
    return (
      <section className="card" aria-labelledby="lv-title">
        <h2 id="lv-title">A layer’s view of the plane</h2>
        <p className="muted">
          Give a hidden layer exactly 2 units and train: this draws where that layer sends the plane.
        </p>
      </section>
    );
  const v = q.pending ? undefined : q.data;
  const epoch = run.history.length ? run.history.column('epochs')[run.history.length - 1] : 0;
  const lo = -1.05;
  const hi = 1.05;
  const range: [number, number] = run.config.activation === 'tanh' ? [lo, hi] : extent(v?.lines, v?.points);
  return (
    <section className="card" aria-labelledby="lv-title">
      <h2 id="lv-title">A layer’s view of the plane</h2>
      {!still ? (
        <p className="muted">Pause, or wait for the run to end, to see how layer {layer + 1} maps the plane.</p>
      ) : (
        <ChartFigure
          title={`Layer ${layer + 1}’s two outputs, after epoch ${epoch}`}
          summary={
            v
              ? `The plane’s grid lines (x₁ and x₂ from −6 to 6) and ${v.cls.length} training points, carried through the network to layer ${layer + 1}, drawn at that layer’s two outputs u₁ (across) and u₂ (up), after epoch ${epoch}.`
              : 'Computing…'
          }
          hasData={!!v}
          emptyText="Computing…"
          table={() =>
            v && (
              <table>
                <caption>The first 50 training points in layer {layer + 1}’s outputs</caption>
                <thead>
                  <tr>
                    <th scope="col">Point</th>
                    <th scope="col">u₁</th>
                    <th scope="col">u₂</th>
                    <th scope="col">Class</th>
                  </tr>
                </thead>
                <tbody>
                  {Array.from(v.cls.slice(0, 50), (c, i) => (
                    <tr key={i}>
                      <th scope="row">{i + 1}</th>
                      <td>{formatNumber(v.points[2 * i])}</td>
                      <td>{formatNumber(v.points[2 * i + 1])}</td>
                      <td>{'ABC'[c]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        >
          <SvgPlot
            xDomain={range}
            yDomain={range}
            xTicks={ticks(range)}
            yTicks={ticks(range)}
            xLabel="u₁"
            yLabel="u₂"
            height={300}
          >
            {(area) =>
              v && (
                <g clipPath={area.clip}>
                  {Array.from({ length: v.lines.length / (2 * v.perLine) }, (_, l) => {
                    let d = '';
                    for (let i = 0; i < v.perLine; i++) {
                      const k = 2 * (l * v.perLine + i);
                      d += `${i ? 'L' : 'M'}${area.x(v.lines[k]).toFixed(1)},${area.y(v.lines[k + 1]).toFixed(1)}`;
                    }
                    return <path key={l} d={d} fill="none" stroke="var(--border)" strokeWidth={1} />;
                  })}
                  {Array.from(v.cls, (c, i) => (
                    <circle
                      key={i}
                      cx={area.x(v.points[2 * i])}
                      cy={area.y(v.points[2 * i + 1])}
                      r={2.5}
                      fill={COLORS[c % 3]}
                    />
                  ))}
                </g>
              )
            }
          </SvgPlot>
        </ChartFigure>
      )}
    </section>
  );
}

function extent(...arrays: (Float32Array | undefined)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays)
    if (a) for (const v of a) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (!Number.isFinite(lo)) return [-1, 1];
  const pad = (hi - lo) * 0.05 || 1;
  return [lo - pad, hi + pad];
}

function ticks([lo, hi]: [number, number]): number[] {
  const step = (hi - lo) / 4;
  return Array.from({ length: 5 }, (_, i) => Number((lo + i * step).toPrecision(2)));
}
