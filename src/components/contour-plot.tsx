/**
 * A contour map of the loss over (w, b) on a canvas: a shaded grid (darker is lower), lines
 * of equal loss by marching squares, and the descent path. The grid comes precomputed (by
 * the worker); drawing is a few thousand rectangles, so it never stalls the page.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { ChartFigure } from './chart-figure.tsx';
import { formatNumber } from './format.ts';
import { niceTicks } from './ticks.ts';

/** Losses on a grid: `losses[j][i]` is the loss at weight `ws[i]` and bias `bs[j]`. */
export interface ContourGrid {
  ws: number[];
  bs: number[];
  losses: number[][];
}

export interface PathPoint {
  w: number;
  b: number;
  loss: number;
}

export interface ContourPlotProps {
  title: string;
  grid: ContourGrid | null;
  path: PathPoint[];
  pending?: boolean;
  actions?: ReactNode;
}

const W = 560;
const H = 400;
const M = { left: 58, right: 14, top: 12, bottom: 44 };
const LEVELS = 9;
/** Dark blue (low loss) to pale yellow (high loss). */
const RAMP: [number, number, number][] = [[12, 22, 79], [33, 102, 172], [67, 162, 202], [168, 221, 181], [255, 255, 204]];

function rampColor(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const c = RAMP[i].map((v, k) => Math.round(v + (RAMP[i + 1][k] - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * Loss → [0, 1] on a log scale over at most five decades below the grid's largest loss, so
 * a grid point that lands exactly on the minimum (loss 0) does not wash out the rest.
 */
function scaler(grid: ContourGrid): (loss: number) => number {
  const all = grid.losses.flat().filter(Number.isFinite);
  const max = Math.max(1e-12, ...all);
  const lo = Math.log10(Math.max(max * 1e-5, Math.min(...all)));
  const hi = Math.log10(max);
  return (loss) => (Number.isFinite(loss) ? Math.max(0, (Math.log10(Math.max(1e-300, loss)) - lo) / (hi - lo || 1)) : 1);
}

/** One edge crossing per marching-squares case, as pairs of edges (0 top, 1 right, 2 bottom, 3 left). */
const SEGMENTS: number[][] = [[], [3, 2], [2, 1], [3, 1], [0, 1], [3, 0, 2, 1], [0, 2], [3, 0], [3, 0], [0, 2], [3, 2, 0, 1], [0, 1], [3, 1], [2, 1], [3, 2], []];

/** Line segments (grid coordinates) where the scaled loss crosses `level`. */
export function contourSegments(v: number[][], level: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const lerp = (a: number, b: number) => (a === b ? 0.5 : (level - a) / (b - a));
  for (let j = 0; j < v.length - 1; j++) {
    for (let i = 0; i < v[j].length - 1; i++) {
      const [a, b, c, d] = [v[j][i], v[j][i + 1], v[j + 1][i + 1], v[j + 1][i]];
      const code = (a > level ? 8 : 0) | (b > level ? 4 : 0) | (c > level ? 2 : 0) | (d > level ? 1 : 0);
      const edge = (e: number): [number, number] =>
        e === 0 ? [i + lerp(a, b), j] : e === 1 ? [i + 1, j + lerp(b, c)] : e === 2 ? [i + lerp(d, c), j + 1] : [i, j + lerp(a, d)];
      const s = SEGMENTS[code];
      for (let k = 0; k < s.length; k += 2) out.push([...edge(s[k]), ...edge(s[k + 1])]);
    }
  }
  return out;
}

function draw(ctx: CanvasRenderingContext2D, grid: ContourGrid, path: PathPoint[]): void {
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
  drawPath(ctx, path, px, py);
  drawAxes(ctx, grid, px, py);
}

function drawPath(ctx: CanvasRenderingContext2D, path: PathPoint[], px: (w: number) => number, py: (b: number) => number): void {
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
  for (const [p, color] of [[path[0], '#ffffff'], [path[path.length - 1], '#dc2626']] as const) {
    ctx.beginPath();
    ctx.arc(px(p.w), py(p.b), 5, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = '#0f172a';
    ctx.stroke();
  }
  ctx.restore();
}

function drawAxes(ctx: CanvasRenderingContext2D, grid: ContourGrid, px: (w: number) => number, py: (b: number) => number): void {
  ctx.fillStyle = '#334155';
  ctx.font = '13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  const ticks = (lo: number, hi: number) => niceTicks(lo, hi, 5).filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9);
  for (const w of ticks(grid.ws[0], grid.ws[grid.ws.length - 1])) ctx.fillText(formatNumber(w, 3), px(w), H - M.bottom + 16);
  ctx.fillText('weight w', M.left + (W - M.left - M.right) / 2, H - 6);
  ctx.textAlign = 'right';
  for (const b of ticks(grid.bs[0], grid.bs[grid.bs.length - 1])) ctx.fillText(formatNumber(b, 3), M.left - 6, py(b) + 4);
  ctx.save();
  ctx.translate(14, M.top + (H - M.top - M.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText('bias b', 0, 0);
  ctx.restore();
}

function Canvas({ grid, path }: { grid: ContourGrid; path: PathPoint[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    // jsdom (unit tests) has no 2D canvas and logs an error if asked for one.
    if (!canvas || /jsdom/i.test(navigator.userAgent)) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = W * dpr;
    canvas.height = H * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx, grid, path);
  }, [grid, path]);
  return <canvas ref={ref} className="contour-canvas" width={W} height={H} aria-hidden="true" />;
}

/** Where the grid's lowest loss is, and where the path starts and ends: the text alternative. */
function summarise(grid: ContourGrid | null, path: PathPoint[]): string {
  if (!grid) return 'Computing the loss map…';
  let best = { loss: Infinity, w: 0, b: 0 };
  grid.losses.forEach((row, j) => row.forEach((loss, i) => { if (loss < best.loss) best = { loss, w: grid.ws[i], b: grid.bs[j] }; }));
  const f = (v: number) => formatNumber(v, 3);
  const head = `Contour map of the loss for w from ${f(grid.ws[0])} to ${f(grid.ws[grid.ws.length - 1])} and b from ${f(grid.bs[0])} to ${f(grid.bs[grid.bs.length - 1])}. The lowest loss on this grid, ${formatNumber(best.loss)}, is near w = ${f(best.w)}, b = ${f(best.b)}.`;
  if (!path.length) return `${head} No descent path yet.`;
  const a = path[0];
  const z = path[path.length - 1];
  return `${head} The descent path starts at w = ${f(a.w)}, b = ${f(a.b)} (loss ${formatNumber(a.loss)}) and ends at w = ${f(z.w)}, b = ${f(z.b)} (loss ${formatNumber(z.loss)}).`;
}

/** The contour map in its accessible frame: summary, path table, optional export actions. */
export function ContourPlot({ title, grid, path, pending, actions }: ContourPlotProps) {
  return (
    <ChartFigure title={title} summary={summarise(grid, path)} hasData={!!grid} emptyText={pending ? 'Computing the loss map…' : 'No loss map yet.'} actions={actions}
      table={() => (
        <table>
          <caption>{path.length ? 'Descent path' : 'No descent path yet'}</caption>
          <thead><tr><th scope="col">Point</th><th scope="col">Weight</th><th scope="col">Bias</th><th scope="col">Loss</th></tr></thead>
          <tbody>{path.map((p, i) => (
            <tr key={i}><th scope="row">{i + 1}</th><td>{formatNumber(p.w)}</td><td>{formatNumber(p.b)}</td><td>{formatNumber(p.loss)}</td></tr>
          ))}</tbody>
        </table>
      )}>
      {grid && <Canvas grid={grid} path={path} />}
    </ChartFigure>
  );
}
