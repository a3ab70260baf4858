/**
 * A plain SVG plot frame: grid, axes with round ticks and titles, and a plot area handed to
 * the layers drawn inside it (curves, points, arrows). Drawn at the container's real width.
 */
import { useId, useRef, type ReactNode } from 'react';
import { formatNumber, powerOfTen } from '../format.ts';
import { linearScale, logScale, type Scale } from './scale.ts';
import { useWidth } from './use-width.ts';
import { textWidth } from './text-width.ts';
import { leftForTicks } from '../ticks.ts';

export interface PlotArea {
  x: Scale;
  y: Scale;
  left: number;
  top: number;
  width: number;
  height: number;
  /** `clip-path` value that keeps a layer inside the plot area. */
  clip: string;
}

export interface SvgPlotProps {
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: number[];
  yTicks: number[];
  xLabel: string;
  yLabel: string;
  height?: number;
  /** The value axis's kind (log: its domain and ticks must be > 0). Default linear. */
  yScale?: 'linear' | 'log';
  /** Draws the data; called with the scales of this plot. */
  children(area: PlotArea): ReactNode;
  /** Receives the SVG element (for pointer maths). */
  svgRef?: React.Ref<SVGSVGElement>;
}

const M = { right: 14, top: 12, bottom: 40 };

const tick = (v: number) => formatNumber(v, 3);

/**
 * The plot area's left edge: room for the widest y tick label (12 px), a gap, and the rotated
 * 13 px title beside it, so the title never sits on a label however long the numbers get.
 */
export function plotLeft(yTicks: number[], yScale: 'linear' | 'log' = 'linear'): number {
  const label = yScale === 'log' ? powerOfTen : tick;
  return leftForTicks(Math.max(0, ...yTicks.map((t) => textWidth(label(t), 12))));
}

export function SvgPlot({
  xDomain,
  yDomain,
  xTicks,
  yTicks,
  xLabel,
  yLabel,
  height = 260,
  yScale = 'linear',
  children,
  svgRef,
}: SvgPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const clipId = `plot-clip-${useId().replace(/[^\w-]/g, '')}`;
  const yTick = yScale === 'log' ? powerOfTen : tick;
  const Mx = { ...M, left: plotLeft(yTicks, yScale) };
  const area: PlotArea = {
    left: Mx.left,
    top: M.top,
    width: Math.max(10, width - Mx.left - M.right),
    height: height - M.top - M.bottom,
    clip: `url(#${clipId})`,
    x: linearScale(xDomain, [Mx.left, width - M.right]),
    y: (yScale === 'log' ? logScale : linearScale)(yDomain, [height - M.bottom, M.top]),
  };
  return (
    <div ref={box} className="svg-plot">
      <svg ref={svgRef} width={width} height={height} className="svg-plot-svg">
        <g className="plot-grid">
          {xTicks.map((t) => (
            <line key={`x${t}`} x1={area.x(t)} x2={area.x(t)} y1={M.top} y2={height - M.bottom} />
          ))}
          {yTicks.map((t) => (
            <line key={`y${t}`} x1={Mx.left} x2={width - M.right} y1={area.y(t)} y2={area.y(t)} />
          ))}
        </g>
        <g className="plot-axis">
          <line x1={Mx.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} />
          <line x1={Mx.left} x2={Mx.left} y1={M.top} y2={height - M.bottom} />
          {xTicks.map((t) => (
            <text key={`xt${t}`} x={area.x(t)} y={height - M.bottom + 16} textAnchor="middle">
              {tick(t)}
            </text>
          ))}
          {yTicks.map((t) => (
            <text key={`yt${t}`} x={Mx.left - 6} y={area.y(t) + 4} textAnchor="end">
              {yTick(t)}
            </text>
          ))}
          <text x={Mx.left + area.width / 2} y={height - 4} textAnchor="middle" className="plot-title">
            {xLabel}
          </text>
          <text
            transform={`translate(14 ${M.top + area.height / 2}) rotate(-90)`}
            textAnchor="middle"
            className="plot-title"
          >
            {yLabel}
          </text>
        </g>
        <defs>
          <clipPath id={clipId}>
            <rect x={area.left} y={area.top} width={area.width} height={area.height} />
          </clipPath>
        </defs>
        {children(area)}
      </svg>
    </div>
  );
}
