/**
 * One or more series against step, drawn by recharts: its LineChart with the data, its axes,
 * grid, legend and tooltip (hover a step, or focus the chart and use the arrow keys, to read
 * that step's values). Long series are decimated to two points per pixel column first
 * (chart-rows.ts), so a redraw costs the same for 40 steps as for a million.
 *
 * What recharts costs: its chunk (see the bundle budget in vite.config.ts), and a first mount of
 * tens of milliseconds on a slow phone, which is why a chart mounts in two turns (axes and grid,
 * then the lines) through the scheduler (schedule.tsx), each in a task of its own.
 */
import { memo, useMemo, useRef } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  type BaseTickContentProps,
  type TooltipContentProps,
} from 'recharts';
import { chartRows, seriesKey, type PlotSeries } from './chart-rows.ts';
import { formatNumber, powerOfTen } from './format.ts';
import { useWidth } from './plot/use-width.ts';
import { textWidth } from './plot/text-width.ts';
import { useTurn } from './schedule.tsx';
import { logTicks, niceTicks } from './ticks.ts';

export type { PlotSeries } from './chart-rows.ts';

export interface LinePlotProps {
  /** The chart's name, for the focusable drawing (the figure's caption says the same). */
  title: string;
  series: PlotSeries[];
  logScale?: boolean;
  height?: number;
  yLabel: string;
  /** The run's last step, when known: fixes the x axis while the data streams in. */
  xMax?: number;
  /** The value axis before there is any data (a weight chart wants −1…1, not a loss's 0…30). */
  emptyDomain?: [number, number];
  /** What the horizontal axis counts ('Step' unless given: network runs count epochs). */
  xName?: string;
  /** The value axis's range when a run that blew up is cut off (see valueAxis). */
  clip?: [number, number];
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

const MARGIN = { top: 8, right: 24, bottom: 8, left: 8 };
const X_FORMAT = (v: number) => formatNumber(v);
const Y_FORMAT = (v: number) => formatNumber(v, 3);
const TICK_DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * A tick label as one SVG text (recharts' `tick` element API). Recharts' default Text measures
 * every word in the DOM to wrap it, a layout per tick on every mount; these labels never wrap.
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

/**
 * What both axes share. Explicit domains and ticks, and niceTicks="none": recharts neither scans
 * data nor searches for nice ticks (its search, in decimal arithmetic, was ~20 % of a mount).
 */
const AXIS = {
  type: 'number',
  interval: 0,
  allowDataOverflow: true,
  niceTicks: 'none',
  tick: renderTick,
} as const;

/**
 * The tooltip's box: the step and each series' value there. Our own content (recharts'
 * `content` API) because recharts' default one is a `role="status"` live region, which would
 * compete with the page's run status; this one is polite and says only the values.
 */
function StepValues({ active, payload, label, xName = 'Step' }: TooltipContentProps & { xName?: string }) {
  if (!active || !payload?.length) return null;
  const shown = payload.filter((p) => typeof p.value === 'number' && Number.isFinite(p.value));
  return (
    <div className="chart-tooltip" aria-live="polite">
      <p className="chart-tooltip-step">
        {xName} {formatNumber(Number(label))}
      </p>
      <ul>
        {shown.map((p) => (
          <li key={String(p.dataKey)}>
            <span className="legend-swatch" style={{ background: p.color }} aria-hidden="true" />
            {p.name}: {formatNumber(Number(p.value))}
          </li>
        ))}
      </ul>
    </div>
  );
}
/** Recharts' dot renderer for a series with a mark: nothing at every point but the marked one. */
function markDot(mark: NonNullable<PlotSeries['mark']>, color: string) {
  return function MarkDot(p: { cx?: number; cy?: number; payload?: { step: number }; index?: number }) {
    if (p.payload?.step !== mark.step || p.cx === undefined || p.cy === undefined) return <g key={p.index} />;
    // Near the value axis (an early step) the name goes to the dot's right, not over the axis.
    const left = p.cx - 8 - textWidth(mark.label, 12, true) < MARGIN.left + 72;
    return (
      <g key={p.index} className="chart-mark">
        <circle cx={p.cx} cy={p.cy} r={5} fill="var(--panel)" stroke={color} strokeWidth={2.5} />
        <text
          x={left ? p.cx + 8 : p.cx - 8}
          y={Math.max(14, p.cy - 9)}
          textAnchor={left ? 'start' : 'end'}
          fill={color}
          className="chart-mark-label"
        >
          {mark.label}
        </text>
      </g>
    );
  };
}

const tooltipOf = (xName: string) => (p: TooltipContentProps) => <StepValues {...p} xName={xName} />;
const renderTooltip = tooltipOf('Step');
const renderEpochTooltip = tooltipOf('Epoch');

/**
 * Room for the longest tick label (measured in the 12 px the ticks are drawn in), the tick
 * itself and the rotated 13 px axis title beside them, so the title never sits on a label.
 */
const axisWidth = (labels: string[]) =>
  Math.ceil(Math.max(48, Math.max(0, ...labels.map((l) => textWidth(l, 12))) + 8 + 4 + 16 + 6));

/**
 * The same array object while its values stay the same: recharts keeps axis settings in a
 * store and recomputes a chart's layout when they change by identity, so stable ticks mean a
 * streaming update recomputes only the lines.
 */
function useStableTicks(ticks: number[]): number[] {
  const key = ticks.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ticks, [key]);
}

function LinePlot({
  title,
  series,
  logScale = false,
  height = 220,
  yLabel,
  xMax,
  emptyDomain,
  xName = 'Step',
  clip,
}: LinePlotProps) {
  const [x0, x1] = stepExtent(series);
  const [y0, y1] = clip ?? valueExtent(series, logScale);
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
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 0);
  const columns = Math.max(1, width - yWidth - MARGIN.left - MARGIN.right);
  const rows = useMemo(
    () => chartRows(series, { columns, x0: xDomain[0], x1: xDomain[1], log: logScale }),
    [series, columns, xDomain, logScale],
  );
  // Stages, each in a task (and frame) of its own: the chart, its x axis, the y axis, the
  // grid, the lines, the tooltip (and the legend). Each part registers with recharts' store,
  // which re-renders its subscribers synchronously in the next animation frame; one part per
  // frame keeps each of those renders short on a slow phone. The drawing stays hidden until the
  // lines are in, so the learner never sees the axes move.
  const framed = useTurn({ when: width > 0 });
  const xAxis = useTurn({ when: framed, afterFrame: true });
  const yAxis = useTurn({ when: xAxis, afterFrame: true });
  const grid = useTurn({ when: yAxis, afterFrame: true });
  const drawn = useTurn({ when: grid, afterFrame: true });
  const tooltip = useTurn({ when: drawn, afterFrame: true });
  // Last, in a frame of its own: recharts' Legend measures itself (getBoundingClientRect), which
  // lays out the page; a frame after the lines, only the legend is left to lay out.
  const multi = series.length > 1;
  const legend = useTurn({ when: tooltip && multi, afterFrame: true });
  return (
    <div ref={box} className="line-plot-box" style={{ minHeight: height, visibility: drawn ? undefined : 'hidden' }}>
      {framed && (
        <LineChart
          width={width}
          height={height}
          data={rows}
          margin={MARGIN}
          // Named by an SVG <title>, not aria-label: a label search for the "Steps" field must
          // not also find "Loss over steps".
          title={title}
          desc="Use the left and right arrow keys to read the values step by step."
        >
          {grid && <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />}
          {xAxis && <XAxis {...AXIS} dataKey="step" domain={xDomain} ticks={xTicks} tickFormatter={X_FORMAT} />}
          {yAxis && (
            <YAxis
              {...AXIS}
              scale={logScale ? 'log' : 'linear'}
              domain={yDomain}
              ticks={yTicks}
              width={yWidth}
              tickFormatter={yFormat}
              label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'var(--muted)', offset: 4 }}
            />
          )}
          {drawn && (
            <>
              {tooltip && (
                <Tooltip
                  content={xName === 'Epoch' ? renderEpochTooltip : renderTooltip}
                  isAnimationActive={false}
                  cursor={{ stroke: 'var(--muted)' }}
                />
              )}
              {legend && <Legend verticalAlign="bottom" />}
              {series.map((s, i) => (
                <Line
                  key={s.key}
                  dataKey={seriesKey(i)}
                  name={s.name}
                  stroke={s.color}
                  strokeWidth={2}
                  // A line through one point draws nothing: a lone point is shown as a dot. A marked
                  // point (where a run blew up) is drawn and named.
                  dot={s.mark ? markDot(s.mark, s.color) : s.points.length === 1 ? { r: 3, fill: s.color } : false}
                  activeDot={{ r: 4 }}
                  connectNulls
                  isAnimationActive={false}
                  type="linear"
                />
              ))}
            </>
          )}
        </LineChart>
      )}
    </div>
  );
}

/** Memoised: a redraw happens only when the series (or options) really change. */
export default memo(LinePlot);
