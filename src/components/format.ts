/**
 * Numbers as learners read them: four significant digits, scientific notation for the very
 * small or large, and never "NaN" or "Infinity" (those become a dash with a reason nearby).
 */
import { groupDigits } from '../training/digits.ts';

export function formatNumber(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) return v.toExponential(Math.max(0, digits - 2)).replace('e+', 'e');
  return String(unrounded(v, digits));
}

/**
 * v to `digits` significant digits, with more where the short form would look exact but is
 * not: −0.99999982 must not read as "-1".
 */
function unrounded(v: number, digits: number): number {
  for (const d of [digits, 8, 17]) {
    const shown = Number(v.toPrecision(Math.max(d, digits)));
    if (shown === v || !Number.isInteger(shown)) return shown;
  }
  return v;
}

/**
 * The three numbers of a printed update "a + g · k = c", each with the fewest digits (four at
 * least) at which the sum, worked from the printed numbers, rounds to the printed result: a
 * learner who checks it by hand finds it adds up. `k` is printed as given (−learning rate).
 */
export function formatUpdate(a: number, g: number, k: number, c: number): [string, string, string] {
  let shown: [string, string, string] = [formatNumber(a), formatNumber(g), formatNumber(c)];
  for (let digits = 4; digits <= 17; digits++) {
    shown = [formatNumber(a, digits), formatNumber(g, digits), formatNumber(c, digits)];
    const [A, G, C] = shown.map(Number);
    if (![A, G, C].every(Number.isFinite)) return shown;
    // Half a unit in the last printed place of c: the sum must land within it.
    const half = c === 0 ? 0.5 * 10 ** -digits : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(C || c))) - digits + 1);
    // Strictly inside: a sum that lands on a half would round either way by hand.
    if (Math.abs(A + G * k - C) < half * (1 - 1e-9)) return shown;
  }
  return shown;
}

/**
 * The terms of a printed sum "a + b + … = total", each with the fewest digits (four at least)
 * at which the printed terms, added by hand, round to the printed total.
 */
export function formatSum(terms: readonly number[], total: number): { terms: string[]; total: string } {
  let shown = { terms: terms.map((t) => formatNumber(t)), total: formatNumber(total) };
  for (let digits = 4; digits <= 17; digits++) {
    shown = { terms: terms.map((t) => formatNumber(t, digits)), total: formatNumber(total, digits) };
    const T = terms.map((_, i) => Number(shown.terms[i]));
    const C = Number(shown.total);
    if (![...T, C].every(Number.isFinite)) return shown;
    const half =
      total === 0 ? 0.5 * 10 ** -digits : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(C || total))) - digits + 1);
    if (Math.abs(T.reduce((a, b) => a + b, 0) - C) < half * (1 - 1e-9)) return shown;
  }
  return shown;
}

/** Every digit the dtype holds, for the precision experiment. */
export function formatExact(v: number | null | undefined, dtype: 'float32' | 'float64'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return dtype === 'float32' ? String(Number(Math.fround(v).toPrecision(8))) : String(v);
}

/** "1 step", "40 steps", "1,000 steps". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${groupDigits(n)} ${n === 1 ? noun : nouns}`;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};

/** A log axis's tick, as a power of ten: 10⁻², 10⁰, 10¹⁴. */
export const powerOfTen = (v: number) =>
  `10${String(Math.round(Math.log10(v))).replace(/[-\d]/g, (c) => SUPERSCRIPT[c])}`;
