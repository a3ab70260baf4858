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
import { placeLabels, type Box, type LabelRequest, type PlacedLabel } from '../plot/label-layout.ts';
import { textWidth } from '../plot/text-width.ts';
import { PlacedText } from '../plot/placed-text.tsx';

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

/**
 * The newest step's Δw and the point's slope, each placed by placeLabels where it clears the
 * point, the newest arrow and the other label, inside the plot area: near the minimum the
 * arrows are short and close together, and fixed offsets put the two labels on top of them.
 */
function curveLabels(
  area: PlotArea,
  point: CurvePlotProps['point'],
  arrows: StepArrow[],
  tangent: number[] | null,
): PlacedLabel[] {
  const { x, y } = area;
  const requests: LabelRequest[] = [];
  // Every arrow is in the way (its line and head), the newest one also carries the Δw label.
  const obstacles: Box[] = arrows
    .filter((a) => Number.isFinite(a.from.loss))
    .map((a) => {
      const [x1, x2, ya] = [x(a.from.w), x(a.to.w), y(a.from.loss)];
      return { x: Math.min(x1, x2) - 4, y: ya - 5, width: Math.abs(x2 - x1) + 8, height: 10 };
    });
  const arrow = arrows[arrows.length - 1];
  if (arrow && Number.isFinite(arrow.from.loss)) {
    const [x1, x2, ya] = [x(arrow.from.w), x(arrow.to.w), y(arrow.from.loss)];
    requests.push({ key: 'dw', x1, y1: ya, x2, y2: ya, text: `Δw = ${formatNumber(arrow.dw)}` });
  }
  if (point && Number.isFinite(point.loss)) {
    const [px, py] = [x(point.w), y(point.loss)];
    obstacles.push({ x: px - 9, y: py - 9, width: 18, height: 18 });
    const [x1, y1, x2, y2] = tangent
      ? [x(tangent[0]), y(tangent[1]), x(tangent[2]), y(tangent[3])]
      : [px - 1, py, px + 1, py];
    requests.push({ key: 'slope', x1, y1, x2, y2, text: `slope dL/dw = ${formatNumber(point.slope)}` });
  }
  const bounds = { x: area.left, y: area.top, width: area.width, height: area.height };
  return placeLabels(requests, obstacles, bounds, (t) => textWidth(t, t.startsWith('slope') ? 13 : 12, true));
}

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
  const labels = curveLabels(area, point, arrows ?? [], t);
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
          </g>
        );
      })}
      {t && <line className="tangent-line" x1={x(t[0])} y1={y(t[1])} x2={x(t[2])} y2={y(t[3])} />}
      {point && Number.isFinite(point.loss) && (
        <circle className="curve-point" cx={x(point.w)} cy={y(point.loss)} r={7} />
      )}
      {labels.map((l) => (
        <PlacedText key={l.key} label={l} className={l.key === 'dw' ? 'step-label' : 'slope-label'} />
      ))}
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
