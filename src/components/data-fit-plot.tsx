/**
 * The learner's pairs as points and the model's line y = w·x (+ b) through them: what the
 * training is fitting, redrawn as the run streams. The parameters come from the engine.
 */
import { ChartFigure } from './chart-figure.tsx';
import { formatNumber } from './format.ts';
import { SvgPlot } from './plot/svg-plot.tsx';
import { finiteExtent, niceView } from './plot/scale.ts';
import type { Pair } from '../training/config.ts';

/** Points drawn at most; more pairs are shown by an even sample (the table has them all). */
const MAX_POINTS = 2000;

export interface DataFitPlotProps {
  pairs: Pair[];
  /** The model's parameters now, or null before any step. */
  params: { w: number; b: number; step: number } | null;
  withBias: boolean;
  /** The engine's prediction for each pair at `params` (same order), when known. */
  predictions?: number[];
}

/** "y = -0.9995·x + 0.02" with the engine's numbers. */
export function equationOf(w: number, b: number, withBias: boolean): string {
  const tail = withBias ? ` ${b < 0 ? '−' : '+'} ${formatNumber(Math.abs(b))}` : '';
  return `y = ${formatNumber(w)}·x${tail}`;
}

function sample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const every = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * every)]);
}

/** The extent widened by a little of its span, so a point at the end is drawn whole inside the plot, not half-clipped on its edge. */
function padded([lo, hi]: [number, number]): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [lo, hi];
  const room = 0.06 * (hi - lo || Math.abs(hi) || 1);
  return [lo - room, hi + room];
}

export function DataFitPlot({ pairs, params, withBias, predictions }: DataFitPlotProps) {
  const [x0, x1] = padded(finiteExtent(pairs.map((p) => p.input)));
  const [t0, t1] = padded(finiteExtent(pairs.map((p) => p.target)));
  const xs = niceView(Math.min(x0, 0), Math.max(x1, 0), 6);
  const line = params ? xs.domain.map((x) => params.w * x + params.b) : [];
  const ys = niceView(
    Math.min(t0, 0, ...line.filter((v) => Math.abs(v) < 1e6)),
    Math.max(t1, 0, ...line.filter((v) => Math.abs(v) < 1e6)),
    5,
  );
  const eq = params ? equationOf(params.w, params.b, withBias) : null;
  const summary = `${pairs.length} pair${pairs.length === 1 ? '' : 's'} of data${params ? `, and the model's line after step ${params.step}: ${eq}` : '; train or step to draw the model\u2019s line'}.`;
  return (
    <ChartFigure
      title="Data and fit"
      summary={summary}
      hasData={pairs.length > 0}
      emptyText="Add pairs to see them here."
      table={() => (
        <table>
          <caption>Each pair and what the model predicts for it{params ? ` after step ${params.step}` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Input x</th>
              <th scope="col">Target</th>
              <th scope="col">Prediction</th>
            </tr>
          </thead>
          <tbody>
            {pairs.slice(0, 500).map((p, i) => (
              <tr key={i}>
                <th scope="row">{formatNumber(p.input)}</th>
                <td>{formatNumber(p.target)}</td>
                <td>{formatNumber(predictions?.[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      {eq && (
        <p className="fit-equation" data-testid="fit-equation">
          {eq}
        </p>
      )}
      <SvgPlot
        xDomain={xs.domain}
        yDomain={ys.domain}
        xTicks={xs.ticks}
        yTicks={ys.ticks}
        xLabel="input x"
        yLabel="target y"
        height={240}
      >
        {(area) => (
          <g clipPath={area.clip}>
            {params && (
              <line
                className="fit-line"
                x1={area.x(xs.domain[0])}
                y1={area.y(line[0])}
                x2={area.x(xs.domain[1])}
                y2={area.y(line[1])}
              />
            )}
            {sample(pairs, MAX_POINTS).map((p, i) => (
              <circle key={i} className="fit-point" cx={area.x(p.input)} cy={area.y(p.target)} r={4.5} />
            ))}
          </g>
        )}
      </SvgPlot>
    </ChartFigure>
  );
}
