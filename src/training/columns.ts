/**
 * Named Float64Array columns that grow by doubling: a million training steps stay a handful of
 * typed arrays, not a million objects. The worker collects a batch in one; the store keeps a
 * run's whole history in another.
 */

/** The per-step values a run records; see RunRow for what each one means. */
export const RUN_COLUMNS = ['steps', 'loss', 'weight', 'bias', 'grad', 'gradBias'] as const;
export type RunColumn = (typeof RUN_COLUMNS)[number];

/**
 * One row of a run is one state: step k's parameters with the loss and gradients measured at
 * them (row 0 the start). Step 1 of the negator: weight 0.23, loss 13.62, slope 22.14.
 */
export type RunRow = Record<RunColumn, number>;

export class Columns<K extends string> {
  /** Rows filled so far. */
  length = 0;
  private cap: number;
  private readonly cols: Record<K, Float64Array>;

  constructor(
    readonly names: readonly K[],
    capacity = 64,
  ) {
    this.cap = Math.max(1, capacity);
    this.cols = Object.fromEntries(names.map((n) => [n, new Float64Array(this.cap)])) as Record<K, Float64Array>;
  }

  /** The column's storage; only its first `length` entries are rows (the array is replaced when it grows). */
  column(name: K): Float64Array {
    return this.cols[name];
  }

  /** Appends one row (missing names are stored as 0). */
  push(row: Partial<Record<K, number>>): void {
    this.ensure(this.length + 1);
    for (const n of this.names) this.cols[n][this.length] = row[n] ?? 0;
    this.length += 1;
  }

  /** Appends `count` rows given column by column (missing columns are left as 0). */
  append(block: Partial<Record<K, ArrayLike<number>>>, count: number): void {
    this.ensure(this.length + count);
    for (const n of this.names) {
      const src = block[n];
      if (src) this.cols[n].set(src, this.length);
      else this.cols[n].fill(0, this.length, this.length + count);
    }
    this.length += count;
  }

  /** Row i as an object (i < length). */
  row(i: number): Record<K, number> {
    return Object.fromEntries(this.names.map((n) => [n, this.cols[n][i]])) as Record<K, number>;
  }

  /** Copies the filled rows out, one exact-length array per column, and empties the columns. */
  take(): Record<K, Float64Array> {
    const out = Object.fromEntries(this.names.map((n) => [n, this.cols[n].slice(0, this.length)])) as Record<
      K,
      Float64Array
    >;
    this.length = 0;
    return out;
  }

  private ensure(needed: number): void {
    if (needed <= this.cap) return;
    while (this.cap < needed) this.cap *= 2;
    for (const n of this.names) {
      const next = new Float64Array(this.cap);
      next.set(this.cols[n].subarray(0, this.length));
      this.cols[n] = next;
    }
  }
}
