/**
 * Axis ticks computed here, once per redraw, in plain floating point. Handing recharts the
 * domain and ticks skips its own nice-tick search (arbitrary-precision decimals), which was
 * the biggest cost of each redraw while a run streams in.
 */

/** About `count` round ticks (1, 2 or 5 × 10ⁿ apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const rough = (max - min) / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max + step * 0.5 && ticks.length < 50; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** Powers of ten covering [min, max] (both > 0), thinned to at most `count`. */
export function logTicks(min: number, max: number, count = 6): number[] {
  if (!(min > 0) || !(max > 0)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const every = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push(10 ** e);
  if (ticks[ticks.length - 1] < max) ticks.push(10 ** (lo + Math.ceil((hi - lo) / every) * every));
  return ticks;
}

/** Smallest and largest finite value of `key` over `rows`. */
export function extent(rows: Record<string, number>[], keys: string[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows)
    for (const k of keys) {
      const v = r[k];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return [lo, hi];
}

/** A plot's left margin for y tick labels `widest` px wide: the labels, a gap, the rotated title. */
export const leftForTicks = (widest: number): number => Math.ceil(Math.max(44, widest + 32));
