/**
 * A network run in the worker (lesson 3 and the Network page): one step is one epoch. Each
 * batch carries the epochs' rows (losses, accuracies, each layer's gradient size) and, at most
 * every `mapsMs` and at the end, the maps over the plane — the output and every hidden unit —
 * as typed arrays, so the page only paints. The weights go with every batch (the network
 * drawing colours its links by them).
 */
import { Columns } from '../src/training/columns.ts';
import { assertValidNetworkConfig, type NetworkConfig } from '../src/training/network/config.ts';
import { NetworkTrainer, type LineMaps, type NetworkState, type PlaneMaps } from '../src/training/network/trainer.ts';
import { sendBatch, type EndStatus, type RunEndOf, type Stepper } from './run-loop.ts';

export const NETWORK_COLUMNS = ['epochs', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;
export type NetworkColumn = (typeof NETWORK_COLUMNS)[number];

export interface NetworkBatch extends Record<NetworkColumn, Float64Array> {
  runId: number;
  fromEpoch: number;
  /** Each epoch's mean |dL/dW| per layer, row-major [epochs, layers]. */
  gradSizes: Float64Array;
  /** Every mini-batch's loss before its update, epoch by epoch ([epochs, batchesPerEpoch]). */
  batchLosses: Float64Array;
  batchesPerEpoch: number;
  layers: number;
  /** Every weight and bias after the batch's last epoch, layer by layer (W row-major [in, out], then b). */
  weights: Float64Array;
  /** The maps after the batch's last epoch, when they were due (plane problems only). */
  maps: PlaneMaps | null;
  /** One-input networks: the output and the last hidden layer's units along the input, with the maps. */
  curves: LineMaps | null;
  /** Confusion counts on the held-out examples, [actual][predicted], row-major classes². */
  confusion: Float64Array;
  /**
   * Small networks (at most WEIGHT_ROWS_MAX numbers): every epoch's weights, row-major
   * [epochs, weights.length], so a path through weight space can be drawn; empty otherwise.
   */
  weightRows: Float64Array;
}

/**
 * Cells per side of the output map and of each unit's map. The Playground samples its output on
 * 100 × 100; at 48 × 48 (drawn smoothed) a map of a 2 → 8 → 8 → 8 → 1 network costs the worker
 * ~4 ms instead of ~14, and with the page it measured 14–18 maps a second drawn at Max where
 * 64 × 64 gave 11–15 (bench:ui; the two share this machine's two cores).
 */
export const MAP_GRID = 48;

/**
 * Shortest gap between two map updates, in ms. A slice of epochs lasts ~16 ms, and with the
 * maps and the page taking the batch, flushes come every ~25–30 ms: at 33 ms only every other
 * flush carried maps (16 a second drawn, bench:ui); at 20 every flush does, up to 30 a second
 * (the page draws at most one map per 33 ms, MAPS_RENDER_MS).
 */
export const MAPS_MS = 20;
export const UNIT_GRID = 24;

/** Networks with at most this many weights and biases send every epoch's weights (lesson 3's paths). */
export const WEIGHT_ROWS_MAX = 16;

export type NetworkEnd = RunEndOf<NetworkState>;

export interface NetworkRunOptions {
  /** Cells per side of the output map (the Playground's is 100) and of each unit's map. */
  grid?: number;
  unitGrid?: number;
  /** Shortest time between the starts of two map updates, in ms (default 33: batches come every ~16 ms, so a map goes with every second or third, 20–30 a second; a 100×100 map of a 2 → 8 → 8 → 8 → 1 network takes ~14 ms; the rows go every batch). */
  mapsMs?: number;
  /** The epoch the run will stop at: its batch always carries the maps, so the last picture is the end's. */
  until?: number;
}

/** Flattens the weights layer by layer: W then b. */
export function flatWeights(s: NetworkState): Float64Array {
  return Float64Array.from(s.layers.flatMap((l) => [...l.w, ...l.b]));
}

export class NetworkRun implements Stepper<NetworkEnd> {
  readonly trainer: NetworkTrainer;
  private readonly rows = new Columns<NetworkColumn>(NETWORK_COLUMNS, 64);
  private grads: number[] = [];
  private weightRows: number[] = [];
  private batchLosses: number[] = [];
  private readonly keepWeights: boolean;
  private lastMaps = -Infinity;
  private mapsDue = true;
  lastStep: number;
  /** An epoch takes a millisecond or more: the loop looks at the clock after each. */
  readonly clockEvery = 1;

  constructor(
    readonly config: NetworkConfig,
    readonly runId: number,
    readonly onBatch: (b: NetworkBatch) => void | Promise<void>,
    from?: NetworkState,
    readonly options: NetworkRunOptions = {},
  ) {
    this.trainer = new NetworkTrainer(assertValidNetworkConfig(config), from);
    this.lastStep = this.trainer.epoch;
    this.keepWeights = flatWeights(this.trainer.state).length <= WEIGHT_ROWS_MAX;
    if (this.lastStep === 0) {
      // Epoch 0: where the run starts, so every chart begins at the untrained network.
      this.rows.push({ epochs: 0, ...this.trainer.evaluate() });
      this.grads.push(...new Array<number>(this.trainer.net.layers.length).fill(0));
      this.keepRow();
    }
  }

  step(): boolean {
    const r = this.trainer.step();
    if (![r.trainLoss, r.testLoss, ...r.gradSizes].every(Number.isFinite)) return false;
    this.rows.push({
      epochs: r.epoch,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss,
      trainAccuracy: r.trainAccuracy,
      testAccuracy: r.testAccuracy,
    });
    this.grads.push(...r.gradSizes);
    this.batchLosses.push(...r.batchLosses);
    this.keepRow();
    this.lastStep = r.epoch;
    if (r.epoch === this.options.until) this.mapsDue = true;
    return true;
  }

  private keepRow(): void {
    if (this.keepWeights) this.weightRows.push(...flatWeights(this.trainer.state));
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const now = performance.now();
    const mapsNow = this.mapsDue || now - this.lastMaps >= (this.options.mapsMs ?? MAPS_MS);
    const cols = this.rows.take();
    const maps = mapsNow ? this.trainer.maps(this.options.grid ?? MAP_GRID, this.options.unitGrid ?? UNIT_GRID) : null;
    if (mapsNow) {
      this.lastMaps = now;
      this.mapsDue = false;
    }
    const batch: NetworkBatch = {
      runId: this.runId,
      fromEpoch: cols.epochs[0] ?? this.lastStep,
      ...cols,
      gradSizes: Float64Array.from(this.grads),
      batchLosses: Float64Array.from(this.batchLosses),
      batchesPerEpoch: this.trainer.batchCount,
      layers: this.trainer.net.layers.length,
      weights: flatWeights(this.trainer.state),
      maps,
      curves: mapsNow ? this.trainer.curves() : null,
      confusion: Float64Array.from(this.trainer.confusion().flat()),
      weightRows: Float64Array.from(this.weightRows),
    };
    this.grads = [];
    this.weightRows = [];
    this.batchLosses = [];
    const arrays: ArrayBufferView[] = [
      ...NETWORK_COLUMNS.map((k) => cols[k]),
      batch.gradSizes,
      batch.batchLosses,
      batch.weights,
      batch.confusion,
      batch.weightRows,
    ];
    if (batch.maps) arrays.push(batch.maps.output, batch.maps.units, batch.maps.inputs);
    if (batch.curves) arrays.push(batch.curves.xs, batch.curves.output, batch.curves.units, batch.curves.pieces);
    await sendBatch(this.onBatch, batch, arrays);
  }

  end(status: EndStatus): NetworkEnd {
    const overflow =
      status === 'overflowed'
        ? `Overflowed at epoch ${this.lastStep + 1}: the numbers grew past what ${this.config.dtype} can hold, so the run stopped there. Try a smaller learning rate.`
        : undefined;
    return { runId: this.runId, status, lastStep: this.lastStep, message: overflow, state: this.trainer.state };
  }
}

/** Where a run starts and the maps' grids, as trainNetwork takes them. */
export interface NetworkRunFrom {
  from?: NetworkState;
  until?: number;
  grid?: number;
  unitGrid?: number;
}

/** Validates `config` (a ConfigError otherwise) and builds its run: from `from` up to `until` or the config's epochs more. */
export function prepareNetworkRun(
  config: unknown,
  onBatch: (b: NetworkBatch) => void | Promise<void>,
  opts: NetworkRunFrom & { runId: number },
): { steps: number; run: NetworkRun } {
  const valid = assertValidNetworkConfig(config);
  const start = opts.from?.epoch ?? 0;
  const steps = Math.min(opts.until ?? Infinity, start + valid.epochs);
  const run = new NetworkRun(valid, opts.runId, onBatch, opts.from, {
    grid: opts.grid,
    unitGrid: opts.unitGrid,
    until: steps,
  });
  return { steps, run };
}
