/**
 * One or more series against step: recharts draws the frame (axes and their ticks) and gives us
 * its scales; the grid, the axis title and the lines are plain SVG built on those scales.
 *
 * Why not recharts' <Line>: on new data recharts re-runs its whole store of selectors for
 * every line, which took ~50–80 ms per chart per redraw on this project's 2-core machines — a
 * long task every time a streaming run updated. Axes with explicit domains and ticks never
 * change while the data streams in, and a path is one string, so a redraw stays a few ms.
 */
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { LineChart, XAxis, YAxis, type BaseTickContentProps } from 'recharts';
import { PlotGrid, PlotPaths, YTitle } from './plot-paths.tsx';
import { useTurn, useTurnAfterFrame } from './use-turn.ts';
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
  /** The run's last step, when known: fixes the x axis while the data streams in. */
  xMax?: number;
  /** The value axis before there is any data (a weight chart wants −1…1, not a loss's 0…30). */
  emptyDomain?: [number, number];
}

/** Extent of all series' values (only positive ones on a log axis). */
function valueExtent(series: PlotSeries[], logScale: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    for (const p of s.points) {
      if (!Number.isFinite(p.value) || (logScale && !(p.value > 0))) continue;
      if (p.value < lo) lo = p.value;
      if (p.value > hi) hi = p.value;
    }
  return [lo, hi];
}

function stepExtent(series: PlotSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series)
    if (s.points.length) {
      lo = Math.min(lo, s.points[0].step);
      hi = Math.max(hi, s.points[s.points.length - 1].step);
    }
  return [lo, hi];
}

const EMPTY: never[] = [];
const MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };
const X_FORMAT = (v: number) => formatNumber(v);
const Y_FORMAT = (v: number) => formatNumber(v, 3);
const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};
/** Log-axis ticks all in one format: 10⁻², 10⁰, 10¹⁴. */
export const powerOfTen = (v: number) =>
  `10${String(Math.round(Math.log10(v))).replace(/[-\d]/g, (c) => SUPERSCRIPT[c])}`;

const TICK_DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * A tick label as one SVG text. Recharts' own Text measures every word in the DOM to wrap it
 * (the axis passes its width), a layout per tick on every mount; these labels never wrap.
 */
function AxisTick({
  x,
  y,
  textAnchor,
  verticalAnchor,
  fill,
  className,
  index,
  payload,
  tickFormatter,
}: BaseTickContentProps) {
  return (
    <text x={x} y={y} dy={TICK_DY[verticalAnchor]} textAnchor={textAnchor} fill={fill} className={className}>
      {tickFormatter ? tickFormatter(payload.value, index) : String(payload.value)}
    </text>
  );
}
const renderTick = (p: BaseTickContentProps) => <AxisTick {...p} />;

/** Room for the longest tick label plus the rotated axis title, so the two never overlap. */
const axisWidth = (labels: string[]) => Math.max(48, 26 + 7.2 * Math.max(...labels.map((l) => l.length)));

/**
 * The same array object while its values stay the same. Recharts keeps axis settings in a
 * store and redraws every chart on the page when they change by identity; stable ticks mean
 * a streaming update redraws only our paths.
 */
function useStableTicks(ticks: number[]): number[] {
  const key = ticks.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ticks, [key]);
}

/**
 * The width of the element given to the ref, as ResizeObserver reports it after layout (0
 * until then). Recharts' ResponsiveContainer asks getBoundingClientRect on mount, which lays
 * the whole page out inside the task that mounts the chart.
 */
function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!el) return;
    // A transition: the chart's first render (with a width) is sliced, not one long task.
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[entries.length - 1].contentRect.width);
      startTransition(() => setWidth(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, width];
}

function LinePlot({ series, logScale = false, height = 220, yLabel, xMax, emptyDomain }: LinePlotProps) {
  const [x0, x1] = stepExtent(series);
  const [y0, y1] = valueExtent(series, logScale);
  // With the run's length known, the x axis is fixed for the whole run.
  const xTicks = useStableTicks(
    xMax !== undefined
      ? niceTicks(Math.min(0, x0), xMax, 5)
      : Number.isFinite(x0)
        ? niceTicks(x0, x1, 5)
        : [0, 10, 20, 30, 40],
  );
  const empty = emptyDomain ?? (logScale ? [0.01, 100] : [0, 25]);
  const yTicks = useStableTicks(
    Number.isFinite(y0)
      ? logScale
        ? logTicks(y0, y1)
        : niceTicks(y0, y1, 5)
      : logScale
        ? logTicks(empty[0], empty[1])
        : niceTicks(empty[0], empty[1], 5),
  );
  const xDomain = useMemo((): [number, number] => [xTicks[0], xTicks[xTicks.length - 1]], [xTicks]);
  const yDomain = useMemo((): [number, number] => [yTicks[0], yTicks[yTicks.length - 1]], [yTicks]);
  const yFormat = logScale ? powerOfTen : Y_FORMAT;
  const yWidth = axisWidth(yTicks.map(yFormat));
  const multi = series.length > 1;
  const [box, width] = useWidth();
  // A chart mounts in stages, each in a task (and frame) of its own, since together they are one
  // of the longest pieces of work on a slow phone: the frame (recharts' store and surface), then
  // the x axis, the y axis, and last the grid, title and lines on the axes' scales. Each axis
  // registers with the store, which re-renders its subscribers in the next animation frame.
  const xAxis = useTurn(width > 0);
  const yAxis = useTurnAfterFrame(xAxis);
  const drawn = useTurnAfterFrame(yAxis);
  return (
    <>
      {/* Hidden until its last stage: the axes would be seen moving as each takes its room. */}
      <div ref={box} className="line-plot-box" style={{ height, visibility: drawn ? undefined : 'hidden' }}>
        {width > 0 && (
          <LineChart width={width} height={height} data={EMPTY} accessibilityLayer={false} margin={MARGIN}>
            {/* Explicit domains and ticks, and niceTicks="none": recharts neither scans data nor
              searches for nice ticks (its search, in decimal arithmetic, was ~20 % of a chart's mount). */}
            {xAxis && (
              <XAxis
                dataKey="step"
                type="number"
                domain={xDomain}
                ticks={xTicks}
                interval={0}
                allowDataOverflow
                tickFormatter={X_FORMAT}
                niceTicks="none"
                tick={renderTick}
              />
            )}
            {yAxis && (
              <YAxis
                type="number"
                scale={logScale ? 'log' : 'linear'}
                domain={yDomain}
                ticks={yTicks}
                interval={0}
                allowDataOverflow
                width={yWidth}
                niceTicks="none"
                tick={renderTick}
                tickFormatter={yFormat}
              />
            )}
            {drawn && (
              <>
                <PlotGrid xTicks={xTicks} yTicks={yTicks} />
                <YTitle text={yLabel} x={MARGIN.left + 8} />
                <PlotPaths
                  logY={logScale}
                  paths={series.map((s) => ({
                    key: s.key,
                    name: s.name,
                    color: s.color,
                    xs: s.points.map((p) => p.step),
                    ys: s.points.map((p) => p.value),
                  }))}
                />
              </>
            )}
          </LineChart>
        )}
      </div>
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
