/** The contour map's text alternative: where the lowest loss is and where the path starts and ends. */
import { formatNumber } from '../format.ts';
import type { ContourGrid, PathPoint } from './grid.ts';

/** What the map's two axes are: short names (w, b) and axis titles. */
export interface ContourAxes {
  x: string;
  y: string;
  xTitle: string;
  yTitle: string;
}

export const WB_AXES: ContourAxes = { x: 'w', y: 'b', xTitle: 'weight w', yTitle: 'bias b' };

/** Where the grid's lowest loss is, and where the path starts and ends: the text alternative. */
export function summarise(grid: ContourGrid | null, path: PathPoint[], axes: ContourAxes = WB_AXES): string {
  const { x: W, y: B } = axes;
  if (!grid) return 'Computing the loss map…';
  let best = { loss: Infinity, w: 0, b: 0 };
  grid.losses.forEach((row, j) =>
    row.forEach((loss, i) => {
      if (loss < best.loss) best = { loss, w: grid.ws[i], b: grid.bs[j] };
    }),
  );
  const f = (v: number) => formatNumber(v, 3);
  const head = `Contour map of the loss for ${W} from ${f(grid.ws[0])} to ${f(grid.ws[grid.ws.length - 1])} and ${B} from ${f(grid.bs[0])} to ${f(grid.bs[grid.bs.length - 1])}. The lowest loss on this grid, ${formatNumber(best.loss)}, is near ${W} = ${f(best.w)}, ${B} = ${f(best.b)}.`;
  if (!path.length) return `${head} No descent path yet.`;
  const a = path[0];
  const z = path[path.length - 1];
  return `${head} The descent path starts at ${W} = ${f(a.w)}, ${B} = ${f(a.b)} (loss ${formatNumber(a.loss)}) and ends at ${W} = ${f(z.w)}, ${B} = ${f(z.b)} (loss ${formatNumber(z.loss)}).`;
}
