/**
 * A run's history as typed-array columns that grow by doubling: a million steps stay four
 * Float64Arrays, not a million objects. Mutated in place by `append`; readers key on `length`.
 */
import type { Batch } from '../worker-client.ts';

export type Series = 'loss' | 'weight' | 'bias';

export class RunHistory {
  length = 0;
  steps: Float64Array;
  loss: Float64Array;
  weight: Float64Array;
  bias: Float64Array;

  constructor(capacity = 64) {
    this.steps = new Float64Array(capacity);
    this.loss = new Float64Array(capacity);
    this.weight = new Float64Array(capacity);
    this.bias = new Float64Array(capacity);
  }

  /** Appends a batch's columns (copying them in); grows capacity by doubling. */
  append(b: Batch): void {
    const n = b.steps.length;
    this.ensure(this.length + n);
    this.steps.set(b.steps, this.length);
    this.loss.set(b.loss, this.length);
    this.weight.set(b.weight, this.length);
    if (b.bias) this.bias.set(b.bias, this.length);
    this.length += n;
  }

  private ensure(needed: number): void {
    let cap = this.steps.length;
    if (needed <= cap) return;
    while (cap < needed) cap *= 2;
    for (const key of ['steps', 'loss', 'weight', 'bias'] as const) {
      const next = new Float64Array(cap);
      next.set(this[key].subarray(0, this.length));
      this[key] = next;
    }
  }

  /** The last recorded values, or null before the first batch. */
  latest(): { step: number; loss: number; weight: number; bias: number } | null {
    const i = this.length - 1;
    if (i < 0) return null;
    return { step: this.steps[i], loss: this.loss[i], weight: this.weight[i], bias: this.bias[i] };
  }
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
  const ys = h[series];
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => ({ step: h.steps[i], value: ys[i] }));
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
    out.push({ step: h.steps[a], value: ys[a] });
    if (c !== a) out.push({ step: h.steps[c], value: ys[c] });
  }
  return out;
}
