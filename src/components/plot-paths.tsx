/**
 * Lines drawn as plain SVG paths on a recharts chart's own axis scales. See line-plot.tsx for
 * why the app draws its data this way rather than with recharts' <Line>.
 */
import { useId } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';

export type Scale = (value: number) => number | undefined;

/** SVG path data through the points the scales can place; `skip` drops values (e.g. ≤ 0 on a log axis). */
export function pathData(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: Scale,
  y: Scale,
  skip: (v: number) => boolean = () => false,
): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (!Number.isFinite(v) || skip(v)) continue;
    const px = x(xs[i]);
    const py = y(v);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    d += `${d ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
  }
  return d;
}

export interface PathSpec {
  key: string;
  name: string;
  color: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  width?: number;
  /** Draw a dot at each point (short paths only). */
  dots?: boolean;
}

/** Renders inside a recharts chart: one path per spec, and dots where asked. */
export function PlotPaths({ paths, logY = false }: { paths: PathSpec[]; logY?: boolean }) {
  const x = useXAxisScale() as Scale | undefined;
  const y = useYAxisScale() as Scale | undefined;
  const area = usePlotArea();
  const clip = `plot-clip-${useId().replace(/[^\w-]/g, '')}`;
  if (!x || !y || !area) return null;
  const skip = logY ? (v: number) => !(v > 0) : undefined;
  return (
    // Clipped to the plot area: a run that diverges leaves the axes' range.
    <g className="recharts-layer recharts-line" clipPath={`url(#${clip})`}>
      <defs>
        <clipPath id={clip}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      {paths.map((p) => (
        <g key={p.key}>
          <path
            className="recharts-curve recharts-line-curve"
            d={pathData(p.xs, p.ys, x, y, skip)}
            fill="none"
            stroke={p.color}
            strokeWidth={p.width ?? 2}
            strokeLinejoin="round"
            data-series={p.name}
          />
          {/* A line through one point draws nothing: a lone point is shown as a dot. */}
          {(p.dots || p.xs.length === 1) &&
            Array.from(p.xs, (xv, i) => {
              const cx = x(xv);
              const cy = y(p.ys[i]);
              return cx === undefined || cy === undefined || !Number.isFinite(cy) ? null : (
                <circle key={i} cx={cx} cy={cy} r={3} fill={p.color} />
              );
            })}
        </g>
      ))}
    </g>
  );
}

/** A marker at one data point (the current weight on the loss curve). */
export function PlotMarker({ at, color }: { at: { x: number; y: number }; color: string }) {
  const x = useXAxisScale() as Scale | undefined;
  const y = useYAxisScale() as Scale | undefined;
  const cx = x?.(at.x);
  const cy = y?.(at.y);
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return <circle className="plot-marker" cx={cx} cy={cy} r={7} fill={color} stroke="var(--text)" strokeWidth={1.5} />;
}

/**
 * Dashed grid lines at the axes' ticks, on the chart's own scales: recharts' CartesianGrid is
 * several components and store updates for a handful of lines, in every chart's first commit.
 */
export function PlotGrid({ xTicks, yTicks }: { xTicks: readonly number[]; yTicks: readonly number[] }) {
  const x = useXAxisScale() as Scale | undefined;
  const y = useYAxisScale() as Scale | undefined;
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const at = (s: Scale, v: number) => {
    const p = s(v);
    return p === undefined || !Number.isFinite(p) ? null : p;
  };
  return (
    <g className="plot-grid" stroke="var(--grid)" strokeDasharray="3 3" aria-hidden="true">
      {xTicks.map((t) => {
        const p = at(x, t);
        return p === null ? null : <line key={`x${t}`} x1={p} x2={p} y1={area.y} y2={area.y + area.height} />;
      })}
      {yTicks.map((t) => {
        const p = at(y, t);
        return p === null ? null : <line key={`y${t}`} x1={area.x} x2={area.x + area.width} y1={p} y2={p} />;
      })}
    </g>
  );
}

/** The value axis's title, turned to read upwards along the left edge (`x`: its baseline from the left). */
export function YTitle({ text, x }: { text: string; x: number }) {
  const area = usePlotArea();
  if (!area) return null;
  const cy = area.y + area.height / 2;
  return (
    <text
      className="recharts-label plot-y-title"
      x={x}
      y={cy}
      transform={`rotate(-90 ${x} ${cy})`}
      textAnchor="middle"
      dominantBaseline="central"
      fill="var(--muted)"
    >
      {text}
    </text>
  );
}
