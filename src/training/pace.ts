/**
 * How fast a run is shown: a number of steps per second, "max" (as fast as the engine goes),
 * or "auto", the one rule for a run meant to be watched: WATCH_PACE steps per second, slow
 * enough to read each step, for a run that lasts WATCH_SECONDS or less at that pace; a longer
 * run goes faster, so it still lasts WATCH_SECONDS; one that would need more than
 * MAX_WATCH_PACE steps a second cannot be watched step by step, and runs at max.
 */

export const SPEEDS = [1, 2, 5, 10, 20, 50] as const;
export type Speed = (typeof SPEEDS)[number] | 'max' | 'auto';

/** The lessons' default: the tutorial's 40 steps take about 4 s. */
export const LESSON_SPEED: Speed = 10;
/** "auto": steps per second for a short run (the lessons' 10: the tutorial's 40 steps in 4 s)... */
export const WATCH_PACE = 10;
/** ...the time a longer run is paced to take... */
export const WATCH_SECONDS = 6;
/** ...and the fastest pace "auto" uses: past it, as fast as the engine goes. */
export const MAX_WATCH_PACE = 500;

/** Steps per second for a run of `steps` steps at `speed`; null means as fast as it can. */
export function stepsPerSecond(speed: Speed, steps: number): number | null {
  if (speed === 'max') return null;
  if (speed === 'auto') {
    const pace = Math.max(WATCH_PACE, steps / WATCH_SECONDS);
    return pace <= MAX_WATCH_PACE ? pace : null;
  }
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
