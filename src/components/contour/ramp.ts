/**
 * The contour map's colours: loss → [0, 1] on a log scale, and [0, 1] → a colour from dark
 * blue (low) to pale yellow (high). Pure functions, tested apart from the canvas.
 */
import type { ContourGrid } from './grid.ts';

/** Dark blue (low loss) to pale yellow (high loss). */
const RAMP: [number, number, number][] = [
  [12, 22, 79],
  [33, 102, 172],
  [67, 162, 202],
  [168, 221, 181],
  [255, 255, 204],
];

export function rampColor(t: number): string {
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
export function scaler(grid: ContourGrid): (loss: number) => number {
  const all = grid.losses.flat().filter(Number.isFinite);
  const max = Math.max(1e-12, ...all);
  const lo = Math.log10(Math.max(max * 1e-5, Math.min(...all)));
  const hi = Math.log10(max);
  return (loss) =>
    Number.isFinite(loss) ? Math.max(0, (Math.log10(Math.max(1e-300, loss)) - lo) / (hi - lo || 1)) : 1;
}
