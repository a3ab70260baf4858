/**
 * The scales of the app's own SVG plots, linear or logarithmic: data → pixels and back (for
 * dragging), and a view's domain and ticks from the data it must show. Pure. (The history
 * charts are recharts, with recharts' own scales.)
 */
import { niceTicks } from '../ticks.ts';

export interface Scale {
  /** Pixels for `v` (NaN for a value a log scale cannot place, v ≤ 0). */
  (v: number): number;
  invert(px: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
}

/** Maps [d0, d1] onto [r0, r1] (either may run backwards, as a y axis does). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const s = ((v: number) => r0 + (v - d0) * k) as Scale;
  s.invert = (px) => (k === 0 ? d0 : d0 + (px - r0) / k);
  s.domain = domain;
  s.range = range;
  return s;
}

/** Maps [d0, d1] (both > 0) onto [r0, r1] with equal distances per power of ten. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const inner = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range);
  const s = ((v: number) => (v > 0 ? inner(Math.log10(v)) : NaN)) as Scale;
  s.invert = (px) => 10 ** inner.invert(px);
  s.domain = domain;
  s.range = range;
  return s;
}

/** Round ticks covering [lo, hi], and the domain they span (so the data reaches the axis ends). */
export function niceView(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } {
  const ticks = niceTicks(lo, hi, count);
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** Smallest and largest finite value. */
export function finiteExtent(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return [lo, hi];
}

/** Keeps v inside [lo, hi]. */
export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
