/**
 * The geometry of "the step drawn on the curve": the tangent at the current weight, an arrow
 * for each step from one weight to the next, and the factor by which a step multiplies the
 * distance to the minimum. Pure functions of numbers the engine computed.
 */

/** A segment [x1, y1, x2, y2] in data coordinates. */
export type Segment = [number, number, number, number];

/**
 * The tangent to the loss curve at (w, loss) with slope `slope` (dL/dw), as a segment centred
 * on the point, `halfWidth` to each side, cut to the vertical range `y` so it never leaves the
 * view. Null when nothing of it is in view.
 */
export function tangentSegment(
  w: number,
  loss: number,
  slope: number,
  halfWidth: number,
  y: readonly [number, number],
): Segment | null {
  if (![w, loss, slope, halfWidth].every(Number.isFinite)) return null;
  let t0 = -halfWidth;
  let t1 = halfWidth;
  // Along the line (w + t, loss + slope·t), keep the t where y0 ≤ loss + slope·t ≤ y1.
  if (slope !== 0) {
    const a = (y[0] - loss) / slope;
    const b = (y[1] - loss) / slope;
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  } else if (loss < y[0] || loss > y[1]) return null;
  if (t1 <= t0) return null;
  return [w + t0, loss + slope * t0, w + t1, loss + slope * t1];
}

/** One gradient step as drawn: from where it started to where it landed on the curve. */
export interface StepArrow {
  /** The step this arrow is (its update moved the weight from `from` to `to`). */
  step: number;
  from: { w: number; loss: number };
  to: { w: number; loss: number };
  /** The gradient measured at `from`. */
  grad: number;
  /** The change of weight: −learning rate × gradient (as the engine rounded it, to − from). */
  dw: number;
}

/** A point of the descent: the weight after a step and the loss and slope measured there. */
export interface DescentPoint {
  step: number;
  w: number;
  loss: number;
  grad: number;
}

/**
 * An arrow per step between consecutive points of an unthinned descent path (step k−1 → k).
 * Consecutive points that are not consecutive steps (a thinned path) get no arrow.
 */
export function stepArrows(path: readonly DescentPoint[]): StepArrow[] {
  const out: StepArrow[] = [];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    if (b.step !== a.step + 1) continue;
    out.push({
      step: b.step,
      from: { w: a.w, loss: a.loss },
      to: { w: b.w, loss: b.loss },
      grad: a.grad,
      dw: b.w - a.w,
    });
  }
  return out;
}

/**
 * For the negator's parabola, w − (−1) after a step is (1 − η·d²L/dw²) times what it was
 * before: the factor each step multiplies the distance to the minimum by.
 */
export function stepFactor(learningRate: number, curvature: number): number {
  return 1 - learningRate * curvature;
}

/** What a factor means for the run, in a few words. */
export function factorMeaning(f: number): string {
  if (!Number.isFinite(f)) return '';
  if (Math.abs(f) < 1e-9) return 'one step lands exactly on the minimum';
  if (f > 0 && f < 1) return 'each step closes part of the gap, from one side';
  if (f < 0 && f > -1) return 'each step overshoots, zig-zagging inwards';
  if (Math.abs(f + 1) < 1e-9) return 'each step jumps to the mirror point: it never gets closer';
  if (f <= -1) return 'each step overshoots further: it zig-zags outwards and blows up';
  if (f === 1) return 'no step moves the weight';
  return 'each step moves away from the minimum';
}
