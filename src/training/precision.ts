/**
 * How finely float32 can tell numbers apart: the gap between neighbouring float32 values near
 * v, and the update below which adding it to v rounds straight back to v. Pure.
 */

/** The distance from |v| to the next float32 number away from zero (2⁻²³ × 2^⌊log₂|v|⌋). */
export function float32Gap(v: number): number {
  const a = Math.abs(Math.fround(v));
  if (a === 0) return 2 ** -149;
  const e = Math.floor(Math.log2(a));
  return 2 ** (Math.max(e, -126) - 23);
}

/**
 * Half the gap between float32 neighbours on the side towards zero, where the weights near
 * −1 live (just above −1, |w| < 1): an update smaller than this rounds away entirely.
 */
export function float32HalfGapBelow(v: number): number {
  const a = Math.abs(Math.fround(v));
  // For |v| just below a power of two the neighbours towards zero are half as far apart.
  const below = a > 0 && Math.log2(a) % 1 === 0 ? float32Gap(a) / 2 : float32Gap(a);
  return below / 2;
}

/** Whether adding `update` to the float32 number `w` changes it. */
export const float32Moves = (w: number, update: number): boolean =>
  Math.fround(Math.fround(w) + Math.fround(update)) !== Math.fround(w);
