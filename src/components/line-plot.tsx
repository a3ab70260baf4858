/**
 * One or more series against step: recharts draws the frame (axes, grid, labels) and gives us
 * its scales; the lines themselves are plain SVG paths built from those scales.
 *
 * Why not recharts' <Line>: on new data recharts re-runs its whole store of selectors for
 * every line, which took ~50–80 ms per chart per redraw on this project's 2-core machines — a
 * long task every time a streaming run updated. Axes with explicit domains and ticks never
 * change while the data streams in, and a path is one string, so a redraw stays a few ms.
 */
import { memo } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { PlotPaths } from './plot-paths.tsx';
import { formatNumber } from './format.ts';
import { logTicks, niceTicks } from './ticks.ts';

export interface PlotSeries {
  key: string;
  name: string;
  color: string;
  points: { step: number; value: number }[];
}

export interface LinePlotProps {
  series: PlotSeries[];
  logScale?: boolean;
  height?: number;
  yLabel: string;
}

/** Extent of all series' values (only positive ones on a log axis). */
function valueExtent(series: PlotSeries[], logScale: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) for (const p of s.points) {
    if (!Number.isFinite(p.value) || (logScale && !(p.value > 0))) continue;
    if (p.value < lo) lo = p.value;
    if (p.value > hi) hi = p.value;
  }
  return [lo, hi];
}

function stepExtent(series: PlotSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) if (s.points.length) {
    lo = Math.min(lo, s.points[0].step);
    hi = Math.max(hi, s.points[s.points.length - 1].step);
  }
  return [lo, hi];
}

function LinePlot({ series, logScale = false, height = 220, yLabel }: LinePlotProps) {
  const [x0, x1] = stepExtent(series);
  const [y0, y1] = valueExtent(series, logScale);
  const xTicks = Number.isFinite(x0) ? niceTicks(x0, x1, 5) : [0, 10, 20, 30, 40];
  const yTicks = Number.isFinite(y0) ? (logScale ? logTicks(y0, y1) : niceTicks(y0, y1, 5)) : (logScale ? [0.01, 1, 100] : [0, 10, 20, 30]);
  const domain = (t: number[]): [number, number] => [t[0], t[t.length - 1]];
  const multi = series.length > 1;
  return (
    <>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={[]} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          {/* Explicit domains and ticks: recharts neither scans data nor searches for nice ticks. */}
          <XAxis dataKey="step" type="number" domain={domain(xTicks)} ticks={xTicks} interval={0} allowDataOverflow tickFormatter={(v: number) => formatNumber(v)} />
          <YAxis type="number" scale={logScale ? 'log' : 'linear'} domain={domain(yTicks)} ticks={yTicks} interval={0} allowDataOverflow width={64}
            tickFormatter={(v: number) => formatNumber(v, 3)}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
          <PlotPaths logY={logScale} paths={series.map((s) => ({ key: s.key, name: s.name, color: s.color, xs: s.points.map((p) => p.step), ys: s.points.map((p) => p.value) }))} />
        </LineChart>
      </ResponsiveContainer>
      {multi && (
        <ul className="chart-legend recharts-default-legend" aria-label="Legend">
          {series.map((s) => (
            <li key={s.key} className="recharts-legend-item">
              <span className="legend-swatch" style={{ background: s.color }} aria-hidden="true" />
              <span className="recharts-legend-item-text">{s.name}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Memoised: a redraw happens only when the series (or options) really change. */
export default memo(LinePlot);
