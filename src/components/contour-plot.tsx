/**
 * A contour map of the loss over (w, b) on a canvas: a shaded grid (darker is lower), lines
 * of equal loss by marching squares, and the descent path. The grid comes precomputed (by
 * the worker); drawing is a few thousand rectangles, so it never stalls the page.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { ChartFigure } from './chart-figure.tsx';
import { formatNumber } from './format.ts';
import { afterFrame } from './schedule.tsx';
import { leftForTicks, niceTicks } from './ticks.ts';
import type { ContourGrid, PathPoint } from './contour/grid.ts';
import { rampColor, scaler } from './contour/ramp.ts';
import { contourSegments } from './contour/marching-squares.ts';
import { WB_AXES, summarise, type ContourAxes } from './contour/summary.ts';

export type { ContourGrid, PathPoint } from './contour/grid.ts';

export interface ContourPlotProps {
  title: string;
  grid: ContourGrid | null;
  path: PathPoint[];
  pending?: boolean;
  actions?: ReactNode;
  /** The axes' names (weight w and bias b unless given). */
  axes?: ContourAxes;
  /** A sentence added to the text alternative (what the picture shows that its lowest point does not). */
  note?: string;
}

const W = 560;
const H = 400;
const MARGINS = { right: 14, top: 12, bottom: 44 };
type Margins = typeof MARGINS & { left: number };
const LEVELS = 9;
const AXIS_FONT = '13px system-ui, sans-serif';
const axisTicks = (lo: number, hi: number) => niceTicks(lo, hi, 5).filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9);

/** The left margin: the widest b tick label as drawn, a gap, and the rotated title beside it. */
function marginsFor(ctx: CanvasRenderingContext2D, grid: ContourGrid): Margins {
  ctx.font = AXIS_FONT;
  const labels = axisTicks(grid.bs[0], grid.bs[grid.bs.length - 1]).map((b) => formatNumber(b, 3));
  const widest = Math.max(0, ...labels.map((l) => ctx.measureText(l).width));
  return { ...MARGINS, left: leftForTicks(widest) };
}

function draw(
  ctx: CanvasRenderingContext2D,
  grid: ContourGrid,
  path: PathPoint[],
  ink: string,
  axes: ContourAxes,
): void {
  const M = marginsFor(ctx, grid);
  const nw = grid.ws.length;
  const nb = grid.bs.length;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const [w0, w1, b0, b1] = [grid.ws[0], grid.ws[nw - 1], grid.bs[0], grid.bs[nb - 1]];
  const px = (w: number) => M.left + ((w - w0) / (w1 - w0)) * pw;
  const py = (b: number) => M.top + ph - ((b - b0) / (b1 - b0)) * ph;
  const scale = scaler(grid);
  const t = grid.losses.map((row) => row.map(scale));
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  // Phase 1: shade each grid cell by its loss.
  const cw = pw / (nw - 1);
  const ch = ph / (nb - 1);
  for (let j = 0; j < nb; j++) {
    for (let i = 0; i < nw; i++) {
      ctx.fillStyle = rampColor(t[j][i]);
      ctx.fillRect(px(grid.ws[i]) - cw / 2, py(grid.bs[j]) - ch / 2, cw + 1, ch + 1);
    }
  }
  ctx.clearRect(0, 0, M.left, H);
  ctx.clearRect(0, H - M.bottom, W, M.bottom);
  ctx.clearRect(W - M.right, 0, M.right, H);
  ctx.clearRect(0, 0, W, M.top);
  // Phase 2: lines of equal loss.
  ctx.strokeStyle = 'rgba(255,255,255,0.55)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let k = 1; k < LEVELS; k++) {
    for (const [x1, y1, x2, y2] of contourSegments(t, k / LEVELS)) {
      ctx.moveTo(M.left + x1 * cw, M.top + ph - y1 * ch);
      ctx.lineTo(M.left + x2 * cw, M.top + ph - y2 * ch);
    }
  }
  ctx.stroke();
  drawPath(ctx, path, px, py, M);
  drawAxes(ctx, grid, px, py, ink, axes, M);
}

function drawPath(
  ctx: CanvasRenderingContext2D,
  path: PathPoint[],
  px: (w: number) => number,
  py: (b: number) => number,
  M: Margins,
): void {
  if (!path.length) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(M.left, M.top, W - M.left - M.right, H - M.top - M.bottom);
  ctx.clip();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#f59e0b';
  ctx.beginPath();
  path.forEach((p, i) => (i ? ctx.lineTo(px(p.w), py(p.b)) : ctx.moveTo(px(p.w), py(p.b))));
  ctx.stroke();
  for (const [p, color] of [
    [path[0], '#ffffff'],
    [path[path.length - 1], '#dc2626'],
  ] as const) {
    ctx.beginPath();
    ctx.arc(px(p.w), py(p.b), 5, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = '#0f172a';
    ctx.stroke();
  }
  ctx.restore();
}

// Tick labels and titles sit on the page's own background, so they take its text colour (light or dark theme).
function drawAxes(
  ctx: CanvasRenderingContext2D,
  grid: ContourGrid,
  px: (w: number) => number,
  py: (b: number) => number,
  ink: string,
  axes: ContourAxes,
  M: Margins,
): void {
  ctx.fillStyle = ink;
  ctx.font = AXIS_FONT;
  ctx.textAlign = 'center';
  const ticks = axisTicks;
  for (const w of ticks(grid.ws[0], grid.ws[grid.ws.length - 1]))
    ctx.fillText(formatNumber(w, 3), px(w), H - M.bottom + 16);
  ctx.fillText(axes.xTitle, M.left + (W - M.left - M.right) / 2, H - 6);
  ctx.textAlign = 'right';
  for (const b of ticks(grid.bs[0], grid.bs[grid.bs.length - 1]))
    ctx.fillText(formatNumber(b, 3), M.left - 6, py(b) + 4);
  ctx.save();
  ctx.translate(14, M.top + (H - M.top - M.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(axes.yTitle, 0, 0);
  ctx.restore();
}

function Canvas({ grid, path, axes }: { grid: ContourGrid; path: PathPoint[]; axes: ContourAxes }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    // jsdom (unit tests) has no 2D canvas and logs an error if asked for one.
    if (!canvas || /jsdom/i.test(navigator.userAgent)) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    // In the next frame, where the page's style is computed anyway: asked for the text colour
    // here, inside the commit, the browser would work out the whole new page's style first.
    return afterFrame(() => {
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      canvas.width = W * dpr;
      canvas.height = H * dpr;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      draw(ctx, grid, path, getComputedStyle(canvas).color || '#334155', axes);
    });
  }, [grid, path, axes]);
  return <canvas ref={ref} className="contour-canvas" width={W} height={H} aria-hidden="true" />;
}

/** The contour map in its accessible frame: summary, path table, optional export actions. */
export function ContourPlot({ title, grid, path, pending, actions, axes = WB_AXES, note }: ContourPlotProps) {
  return (
    <ChartFigure
      title={title}
      summary={`${summarise(grid, path, axes)}${note && grid ? ` ${note}` : ''}`}
      hasData={!!grid}
      emptyText={pending ? 'Computing the loss map…' : 'No loss map yet.'}
      actions={actions}
      table={() => (
        <table>
          <caption>{path.length ? 'Descent path' : 'No descent path yet'}</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">{axes === WB_AXES ? 'Weight' : axes.x}</th>
              <th scope="col">{axes === WB_AXES ? 'Bias' : axes.y}</th>
              <th scope="col">Loss</th>
            </tr>
          </thead>
          <tbody>
            {path.map((p) => (
              <tr key={p.step}>
                <th scope="row">{p.step}</th>
                <td>{formatNumber(p.w)}</td>
                <td>{formatNumber(p.b)}</td>
                <td>{formatNumber(p.loss)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      {grid && <Canvas grid={grid} path={path} axes={axes} />}
    </ChartFigure>
  );
}
