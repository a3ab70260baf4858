/**
 * A run's history: one typed-array column per recorded value (see RunRow), growing by
 * doubling, mutated in place by `append`; readers key on `length` (or the run's `version`).
 */
import { Columns, RUN_COLUMNS, type RunColumn, type RunRow } from '../training/columns.ts';
import type { Batch } from '../worker-client.ts';

export type Series = 'loss' | 'weight' | 'bias' | 'grad';

/** One row of a history with its step number under `step`. */
export type LatestRow = Omit<RunRow, 'steps'> & { step: number };

export class RunHistory extends Columns<RunColumn> {
  constructor(capacity = 64) {
    super(RUN_COLUMNS, capacity);
  }

  get steps(): Float64Array {
    return this.column('steps');
  }
  get loss(): Float64Array {
    return this.column('loss');
  }
  get weight(): Float64Array {
    return this.column('weight');
  }
  get bias(): Float64Array {
    return this.column('bias');
  }
  get grad(): Float64Array {
    return this.column('grad');
  }
  get gradBias(): Float64Array {
    return this.column('gradBias');
  }

  /** Appends a batch's rows (copying them in). */
  appendBatch(b: Batch): void {
    this.append(b, b.steps.length);
  }

  /** The last row, or null before the first. */
  latest(): LatestRow | null {
    if (!this.length) return null;
    const { steps, ...rest } = this.row(this.length - 1);
    return { step: steps, ...rest };
  }

  /** Index of the row for `step`, or −1 (rows are consecutive steps). */
  indexOf(step: number): number {
    const i = step - (this.length ? this.steps[0] : 0);
    return i >= 0 && i < this.length && this.steps[i] === step ? i : -1;
  }
}

/** A point of the descent on the loss curve: one state's parameters with the loss and slope there. */
export interface CurvePoint {
  step: number;
  w: number;
  b: number;
  loss: number;
  /** dL/dw at (w, b). */
  grad: number;
}

/** Where the descent stood at each step (every row is a state): at most `max` points, always the first and the last. */
export function descentPath(h: RunHistory, max = 200): CurvePoint[] {
  const n = h.length;
  const stride = Math.max(1, Math.ceil(n / max));
  const out: CurvePoint[] = [];
  const at = (i: number) =>
    out.push({ step: h.steps[i], w: h.weight[i], b: h.bias[i], loss: h.loss[i], grad: h.grad[i] });
  for (let i = 0; i < n; i += stride) at(i);
  if (n && (n - 1) % stride !== 0) at(n - 1);
  return out;
}

/** One point of a chart: the step and the series' value there. */
export interface Point {
  step: number;
  value: number;
}

/**
 * At most ~`maxPoints` points of one series. Each bucket keeps its minimum and maximum (in
 * step order), so a spike in a million-step run still shows after downsampling.
 */
export function downsample(h: RunHistory, series: Series, maxPoints = 1000): Point[] {
  const n = h.length;
  const ys = h.column(series);
  const steps = h.steps;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => ({ step: steps[i], value: ys[i] }));
  const buckets = Math.floor(maxPoints / 2);
  const out: Point[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (ys[i] < ys[lo]) lo = i;
      if (ys[i] > ys[hi]) hi = i;
    }
    const [a, c] = lo <= hi ? [lo, hi] : [hi, lo];
    out.push({ step: steps[a], value: ys[a] });
    if (c !== a) out.push({ step: steps[c], value: ys[c] });
  }
  return out;
}
