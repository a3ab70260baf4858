/**
 * The loss against the weight, with the idea of a gradient step drawn on it: the current
 * weight as a point, the tangent there with its slope written beside it, and an arrow for each
 * step from one weight to the next. Optionally the point can be dragged (pointer, or the arrow
 * keys: ±0.1, with Shift ±0.01). Every number comes in from the engine; this only draws.
 */
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { ChartFigure } from '../chart-figure.tsx';
import { formatNumber } from '../format.ts';
import { SvgPlot, plotLeft, type PlotArea } from '../plot/svg-plot.tsx';
import { clamp, finiteExtent, niceView } from '../plot/scale.ts';
import { tangentSegment, type StepArrow } from './geometry.ts';

export interface CurvePoint {
  w: number;
  loss: number;
  /** dL/dw at w. */
  slope: number;
}

export interface CurvePlotProps {
  title: string;
  /** The loss at evenly spaced weights across `domain`. */
  curve: { w: number; loss: number }[];
  domain: [number, number];
  ticks: number[];
  point?: CurvePoint;
  arrows?: StepArrow[];
  /** Draws the newest arrow over this many ms (slow runs), so each step is seen happening. */
  animateMs?: number;
  /** Makes the point draggable; receives the new weight (rounded to 0.01 while dragging). */
  onDrag?: (w: number) => void;
  summary: string;
  table: () => ReactNode;
  height?: number;
}

const ROUND = (v: number) => Math.round(v * 100) / 100;

function Layers({
  area,
  curve,
  point,
  arrows,
  animateMs,
}: { area: PlotArea } & Pick<CurvePlotProps, 'curve' | 'point' | 'arrows' | 'animateMs'>) {
  const { x, y } = area;
  const d = curve
    .filter((p) => Number.isFinite(p.loss))
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.w).toFixed(1)},${y(p.loss).toFixed(1)}`)
    .join('');
  const span = x.domain[1] - x.domain[0];
  const t = point ? tangentSegment(point.w, point.loss, point.slope, span * 0.16, y.domain) : null;
  const newest = arrows?.[arrows.length - 1]?.step;
  return (
    <g clipPath={area.clip}>
      <path className="curve-line" d={d} />
      {arrows?.map((a) => {
        // The step as the update makes it: sideways by Δw = −η·dL/dw at the loss it started from,
        // then down (dotted) to the loss at the new weight.
        const isNew = a.step === newest;
        const anim = isNew && animateMs ? { animationDuration: `${animateMs}ms` } : undefined;
        return (
          <g key={a.step} className={isNew && animateMs ? 'step step-new' : 'step'}>
            <line
              className="step-arrow"
              markerEnd="url(#curve-arrowhead)"
              x1={x(a.from.w)}
              y1={y(a.from.loss)}
              x2={x(a.to.w)}
              y2={y(a.from.loss)}
              style={anim}
            />
            <line className="step-drop" x1={x(a.to.w)} y1={y(a.from.loss)} x2={x(a.to.w)} y2={y(a.to.loss)} />
            {isNew && (
              <text className="step-label" x={(x(a.from.w) + x(a.to.w)) / 2} y={y(a.from.loss) - 8} textAnchor="middle">
                Δw = {formatNumber(a.dw)}
              </text>
            )}
          </g>
        );
      })}
      {t && <line className="tangent-line" x1={x(t[0])} y1={y(t[1])} x2={x(t[2])} y2={y(t[3])} />}
      {point && Number.isFinite(point.loss) && (
        <>
          <circle className="curve-point" cx={x(point.w)} cy={y(point.loss)} r={7} />
          {/* Below and right of the point, clear of the step arrows, which run above it (at the loss
              each step started from); near the axis, where there is no room below, above the newest
              arrow's Δw label instead. */}
          <text
            className="slope-label"
            x={clamp(x(point.w) + 14, area.left + 4, area.left + area.width - 150)}
            y={
              y(point.loss) + 24 <= area.top + area.height - 6
                ? y(point.loss) + 24
                : Math.max(area.top + 14, y(point.loss) - 30)
            }
          >
            slope dL/dw = {formatNumber(point.slope)}
          </text>
        </>
      )}
    </g>
  );
}

export function CurvePlot({
  title,
  curve,
  domain,
  ticks,
  point,
  arrows,
  animateMs,
  onDrag,
  summary,
  table,
  height = 280,
}: CurvePlotProps) {
  const svg = useRef<SVGSVGElement>(null);
  const [lo, hi] = finiteExtent(curve.map((p) => p.loss));
  const yView = niceView(Math.min(0, Number.isFinite(lo) ? lo : 0), Number.isFinite(hi) ? hi : 30, 5);
  const toWeight = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return null;
    const left = plotLeft(yView.ticks);
    const right = box.width - 14;
    const f = clamp((clientX - box.left - left) / (right - left), 0, 1);
    return ROUND(domain[0] + f * (domain[1] - domain[0]));
  };
  const drag = (e: PointerEvent<HTMLDivElement>) => {
    if (!onDrag || (e.type === 'pointermove' && e.buttons === 0)) return;
    if (e.type === 'pointerdown') e.currentTarget.setPointerCapture?.(e.pointerId);
    const w = toWeight(e.clientX);
    if (w !== null) onDrag(w);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!onDrag || !point) return;
    const step = e.shiftKey ? 0.01 : 0.1;
    const move = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step }[e.key];
    if (move === undefined) return;
    e.preventDefault();
    onDrag(Number(clamp(point.w + move, domain[0], domain[1]).toFixed(2)));
  };
  // Named without the word "weight", which already names the Weight field beside it: a label
  // search for one should not find the other.
  const plotProps = onDrag
    ? {
        role: 'slider',
        tabIndex: 0,
        'aria-label': 'Point on the loss curve (w)',
        'aria-valuemin': domain[0],
        'aria-valuemax': domain[1],
        'aria-valuenow': point?.w,
        'aria-valuetext': point
          ? `w = ${formatNumber(point.w)}, loss ${formatNumber(point.loss)}, slope ${formatNumber(point.slope)}`
          : undefined,
        'aria-orientation': 'horizontal' as const,
        onKeyDown: key,
        onPointerDown: drag,
        onPointerMove: drag,
        className: 'chart-plot curve-drag',
      }
    : undefined;
  return (
    <ChartFigure
      title={title}
      summary={summary}
      hasData={curve.length > 0}
      emptyText="Loading the curve…"
      table={table}
      plotProps={plotProps}
    >
      <SvgPlot
        xDomain={domain}
        yDomain={yView.domain}
        xTicks={ticks}
        yTicks={yView.ticks}
        xLabel="weight w"
        yLabel="loss"
        height={height}
        svgRef={svg}
      >
        {(area) => (
          <>
            <defs>
              <marker
                id="curve-arrowhead"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" className="arrowhead" />
              </marker>
            </defs>
            <Layers area={area} curve={curve} point={point} arrows={arrows} animateMs={animateMs} />
          </>
        )}
      </SvgPlot>
    </ChartFigure>
  );
}
