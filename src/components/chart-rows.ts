/**
 * The rows a history chart hands recharts: each series decimated to at most two points per
 * pixel column (its lowest and highest, so a spike in a million-step run still shows), then
 * merged by step into one row per step. Pure.
 */

/** One point of a series: the step and the series' value there. */
export interface StepPoint {
  step: number;
  value: number;
}

export interface PlotSeries {
  key: string;
  name: string;
  color: string;
  points: StepPoint[];
}

/** One row of chart data: the step and series i's value under `s<i>` (null: not drawn there). */
export type ChartRow = { step: number } & Record<`s${number}`, number | null>;

/** The data key of series i (keys are indices, so a series' own key never needs escaping). */
export const seriesKey = (i: number): `s${number}` => `s${i}`;

/**
 * At most two points per column of `columns` equal columns over steps [x0, x1]: the lowest and
 * highest value in each, in step order, plus the first and last point (the run's start and
 * its newest state always show). Points must be in step order. Non-finite values are kept
 * (they mark where a run diverged) but never chosen over finite ones.
 */
export function decimate(points: readonly StepPoint[], x0: number, x1: number, columns: number): StepPoint[] {
  const n = points.length;
  if (n <= 2 * columns + 2 || !(x1 > x0) || columns < 1) return points.slice();
  const out: StepPoint[] = [points[0]];
  const per = columns / (x1 - x0);
  let col = -1;
  let lo = -1;
  let hi = -1;
  const flush = () => {
    if (lo < 0) return;
    const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
    if (a > 0) out.push(points[a]);
    if (b !== a && b > 0) out.push(points[b]);
  };
  const better = (i: number, j: number, sign: 1 | -1) => {
    const vi = points[i].value;
    const vj = points[j].value;
    if (!Number.isFinite(vj)) return Number.isFinite(vi);
    return Number.isFinite(vi) && sign * (vi - vj) > 0;
  };
  for (let i = 1; i < n - 1; i++) {
    const c = Math.min(columns - 1, Math.max(0, Math.floor((points[i].step - x0) * per)));
    if (c !== col) {
      flush();
      col = c;
      lo = hi = i;
      continue;
    }
    if (better(i, lo, -1)) lo = i;
    if (better(i, hi, 1)) hi = i;
  }
  flush();
  out.push(points[n - 1]);
  return out;
}

/**
 * One row per step that any series has, with each series' value under its key. Values a log
 * axis cannot place (≤ 0) and non-finite ones are null: recharts leaves a gap there.
 */
export function chartRows(
  series: readonly PlotSeries[],
  { columns, x0, x1, log = false }: { columns: number; x0: number; x1: number; log?: boolean },
): ChartRow[] {
  const byStep = new Map<number, ChartRow>();
  series.forEach((s, i) => {
    const key = seriesKey(i);
    for (const p of decimate(s.points, x0, x1, columns)) {
      let row = byStep.get(p.step);
      if (!row) byStep.set(p.step, (row = { step: p.step } as ChartRow));
      row[key] = Number.isFinite(p.value) && (!log || p.value > 0) ? p.value : null;
    }
  });
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}
