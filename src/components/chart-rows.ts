/**
 * The rows a history chart hands recharts: each series decimated to at most two points per
 * pixel column (its lowest and highest, so a spike in a million-step run still shows), then
 * merged by step into one row per step. Pure.
 */
import { finiteExtent } from './plot/scale.ts';

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
  /** A point to mark and name on the line: where a run that blew up was caught. */
  mark?: { step: number; value: number; label: string };
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
    // The marked point is always drawn, whatever decimation keeps.
    const points = decimate(s.points, x0, x1, columns);
    if (s.mark) points.push({ step: s.mark.step, value: s.mark.value });
    for (const p of points) {
      let row = byStep.get(p.step);
      if (!row) byStep.set(p.step, (row = { step: p.step } as ChartRow));
      row[key] = Number.isFinite(p.value) && (!log || p.value > 0) ? p.value : null;
    }
  });
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/** How a history chart's value axis is drawn, and what the chart says about it. */
export interface ValueAxis {
  log: boolean;
  /** Clip the axis to this range (a run that left it is cut off, and named in `note`). */
  clip?: [number, number];
  /** Said under the chart when the axis is not what was asked for; undefined otherwise. */
  note?: string;
}

/** Decades a linear axis can show before the smaller values flatten into its floor. */
const MAX_DECADES = 3;

const sci = (v: number) =>
  Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(1) : String(Number(v.toPrecision(3)));

/**
 * A linear axis flattens every series but one when the values span more than three decades
 * (a run that blew up to 1e13 beside runs near 0.1), and a run's own start when it rises a
 * thousandfold. Then: all values positive, a log axis,
 * said so; values of both signs (weights), the axis keeps to the other series' range and the
 * runs that leave it are named, with how far they went. A log axis asked for stays one.
 */
export function valueAxis(series: readonly PlotSeries[], logAsked: boolean): ValueAxis {
  if (logAsked) return { log: true };
  const spans = series
    .map((s) => ({ s, ext: finiteExtent(s.points.map((p) => p.value)) }))
    .filter(({ ext }) => Number.isFinite(ext[0]));
  if (!spans.length) return { log: false };
  const lo = Math.min(...spans.map((x) => x.ext[0]));
  const hi = Math.max(...spans.map((x) => x.ext[1]));
  if (lo > 0) {
    const decades = Math.log10(hi / lo);
    // One series falling towards zero reads well on a linear axis (its tail is near 0, and is);
    // it is a second series, or a run rising far above where it started, that gets flattened.
    const rose = spans.some(
      ({ s, ext }) => Number.isFinite(s.points[0]?.value) && ext[1] > 10 ** MAX_DECADES * s.points[0].value,
    );
    if (decades <= MAX_DECADES || (spans.length < 2 && !rose)) return { log: false };
    return {
      log: true,
      note: `Drawn on a log scale: the values run from ${sci(lo)} to ${sci(hi)}, ${Math.round(decades)} powers of ten, which a linear axis would flatten.`,
    };
  }
  // Both signs: a log axis cannot show them; keep to the series that stay within range.
  const size = (e: [number, number]) => Math.max(Math.abs(e[0]), Math.abs(e[1]));
  const tame = Math.min(...spans.map((x) => size(x.ext)));
  const limit = Math.max(tame, Number.MIN_VALUE) * 10 ** MAX_DECADES;
  const wild = spans.filter((x) => size(x.ext) > limit);
  if (!wild.length || wild.length === spans.length) return { log: false };
  const kept = spans.filter((x) => size(x.ext) <= limit);
  const clip: [number, number] = [Math.min(...kept.map((x) => x.ext[0])), Math.max(...kept.map((x) => x.ext[1]))];
  const names = wild.map(
    ({ s, ext }) => `${s.name} (to ${sci(Math.abs(ext[0]) > Math.abs(ext[1]) ? ext[0] : ext[1])})`,
  );
  return {
    log: false,
    clip,
    note: `Cut off at the edge: ${names.join(', ')} ${wild.length > 1 ? 'leave' : 'leaves'} the chart; the axis shows the other ${kept.length > 1 ? 'runs' : 'run'}.`,
  };
}
