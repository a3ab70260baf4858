/**
 * Points in a plane, each group with its own colour and marker shape (so the groups read apart
 * without colour too), an optional highlighted extra point, and a legend. Drawn at the real
 * width; the data table is the text alternative.
 */
import type { ReactNode } from 'react';
import { ChartFigure } from './chart-figure.tsx';
import { SvgPlot, type PlotArea } from './plot/svg-plot.tsx';
import { textWidth } from './plot/text-width.ts';
import { finiteExtent, niceView } from './plot/scale.ts';

export interface ScatterGroup {
  name: string;
  color: string;
  shape: 'circle' | 'square' | 'triangle';
}

export interface ScatterPoint {
  x: number;
  y: number;
  /** Index into the groups. */
  group: number;
  label?: string;
}

export interface ScatterPlotProps {
  title: string;
  points: ScatterPoint[];
  groups: ScatterGroup[];
  /** A point drawn on top, larger (e.g. a new flower). */
  extra?: { x: number; y: number; label: string } | null;
  /** Lines between points by index (e.g. the four points' pairs). */
  links?: [number, number][];
  xLabel: string;
  yLabel: string;
  summary: string;
  table: () => ReactNode;
  emptyText: string;
  /** Keeps the view square and centred on 0 (a projection's axes have the same units). */
  symmetric?: boolean;
  /** With `symmetric`: at least this far from 0 on both axes, whatever the points (axes that stay put while they move). */
  extent?: number;
  height?: number;
}

function Marker({
  shape,
  x,
  y,
  r,
  className,
  color,
}: {
  shape: ScatterGroup['shape'];
  x: number;
  y: number;
  r: number;
  className?: string;
  color: string;
}) {
  if (shape === 'square')
    return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={color} className={className} />;
  if (shape === 'triangle')
    return (
      <path
        d={`M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`}
        fill={color}
        className={className}
      />
    );
  return <circle cx={x} cy={y} r={r} fill={color} className={className} />;
}

/**
 * A point's name beside it, up and to the right, or on whichever side keeps it inside the plot
 * area (a point at the edge would otherwise have its name cut off by the area's clip).
 */
function PointLabel({
  area,
  x,
  y,
  gap,
  className,
  children,
}: {
  area: PlotArea;
  x: number;
  y: number;
  gap: number;
  className?: string;
  children: string;
}) {
  const w = textWidth(children, 13, true);
  const right = x + gap + w <= area.left + area.width;
  const above = y - gap - 13 >= area.top;
  return (
    <text
      className={className}
      x={right ? x + gap : x - gap}
      y={above ? y - gap : y + gap + 11}
      textAnchor={right ? 'start' : 'end'}
    >
      {children}
    </text>
  );
}

export function ScatterPlot({
  title,
  points,
  groups,
  extra,
  links = [],
  xLabel,
  yLabel,
  summary,
  table,
  emptyText,
  symmetric,
  extent = 0,
  height = 300,
}: ScatterPlotProps) {
  const xs = [...points.map((p) => p.x), ...(extra ? [extra.x] : [])];
  const ys = [...points.map((p) => p.y), ...(extra ? [extra.y] : [])];
  const [x0, x1] = finiteExtent(xs);
  const [y0, y1] = finiteExtent(ys);
  const m = symmetric ? Math.max(1e-9, extent, Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1)) : 0;
  const xv = symmetric ? niceView(-m, m, 5) : niceView(Number.isFinite(x0) ? x0 : -1, Number.isFinite(x1) ? x1 : 1, 5);
  const yv = symmetric ? xv : niceView(Number.isFinite(y0) ? y0 : -1, Number.isFinite(y1) ? y1 : 1, 5);
  return (
    <ChartFigure title={title} summary={summary} hasData={points.length > 0} emptyText={emptyText} table={table}>
      <SvgPlot
        xDomain={xv.domain}
        yDomain={yv.domain}
        xTicks={xv.ticks}
        yTicks={yv.ticks}
        xLabel={xLabel}
        yLabel={yLabel}
        height={height}
      >
        {(area) => (
          <g clipPath={area.clip}>
            {links.map(
              ([a, b]) =>
                points[a] &&
                points[b] && (
                  <line
                    key={`${a}-${b}`}
                    className="scatter-link"
                    x1={area.x(points[a].x)}
                    y1={area.y(points[a].y)}
                    x2={area.x(points[b].x)}
                    y2={area.y(points[b].y)}
                  />
                ),
            )}
            {points.map((p, i) => (
              <g key={i}>
                <Marker
                  shape={groups[p.group]?.shape ?? 'circle'}
                  x={area.x(p.x)}
                  y={area.y(p.y)}
                  r={4.5}
                  color={groups[p.group]?.color ?? 'var(--text)'}
                  className="scatter-point"
                />
                {p.label && (
                  <PointLabel className="scatter-label" area={area} x={area.x(p.x)} y={area.y(p.y)} gap={8}>
                    {p.label}
                  </PointLabel>
                )}
              </g>
            ))}
            {extra && (
              <g className="scatter-extra">
                <circle cx={area.x(extra.x)} cy={area.y(extra.y)} r={9} />
                <PointLabel area={area} x={area.x(extra.x)} y={area.y(extra.y)} gap={12}>
                  {extra.label}
                </PointLabel>
              </g>
            )}
          </g>
        )}
      </SvgPlot>
      {groups.length > 1 && (
        <ul className="chart-legend" aria-label="Legend">
          {groups.map((g) => (
            <li key={g.name}>
              <svg width="14" height="14" aria-hidden="true">
                <Marker shape={g.shape} x={7} y={7} r={5} color={g.color} />
              </svg>
              <span>{g.name}</span>
            </li>
          ))}
        </ul>
      )}
    </ChartFigure>
  );
}
