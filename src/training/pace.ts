/**
 * How fast a run is shown: a number of steps per second, "max" (as fast as the engine goes),
 * or "auto" — short runs paced so they last at least AUTO_SECONDS, long ones at max.
 */

export const SPEEDS = [1, 2, 5, 10, 20, 50] as const;
export type Speed = (typeof SPEEDS)[number] | 'max' | 'auto';

/** The lessons' default: the tutorial's 40 steps take about 4 s. */
export const LESSON_SPEED: Speed = 10;
/** Runs up to this many steps are paced by "auto"; longer ones run at max. */
export const AUTO_MAX_STEPS = 200;
export const AUTO_SECONDS = 2;

/** Steps per second for a run of `steps` steps at `speed`; null means as fast as it can. */
export function stepsPerSecond(speed: Speed, steps: number): number | null {
  if (speed === 'max') return null;
  if (speed === 'auto') return steps <= AUTO_MAX_STEPS ? Math.max(1, steps / AUTO_SECONDS) : null;
  return speed;
}

/** A stored or typed value as a Speed, or undefined when it is not one. */
export function readSpeed(v: unknown): Speed | undefined {
  if (v === 'max' || v === 'auto') return v;
  return (SPEEDS as readonly unknown[]).includes(v) ? (v as Speed) : undefined;
}

/** "10 steps/s", "Max", "Auto". */
export function speedLabel(speed: Speed): string {
  if (speed === 'max') return 'Max';
  if (speed === 'auto') return 'Auto';
  return `${speed} step${speed === 1 ? '' : 's'}/s`;
}
