/**
 * Network runs (lesson 3 and the Network page), one per channel: the only code that starts,
 * paces, pauses, steps or stops them. Each keeps its losses and accuracies per epoch, each
 * layer's gradient size per epoch, and the latest weights, maps and confusion counts.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { Columns } from '../training/columns.ts';
import { stepsPerSecond, type Speed } from '../training/pace.ts';
import type { LineMaps, NetworkBatch, NetworkConfig, NetworkState, PlaneMaps } from '../worker-client.ts';
import { newRunId } from './batch-receiver.ts';
import { getTrainerClient } from './trainer-client.ts';
import { failure, runSlice, type RunBase, type RunControls } from './run-slice.ts';

export const NETWORK_COLUMNS = ['epochs', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;
export type NetworkColumn = (typeof NETWORK_COLUMNS)[number];

/** A network config with its epochs as the run's steps (what every run's pacing counts). */
export type NetworkRunConfig = NetworkConfig & { steps: number };

export const networkRun = (config: NetworkConfig): NetworkRunConfig => ({ ...config, steps: config.epochs });

export interface NetworkRunView extends RunBase<NetworkRunConfig> {
  /** Per epoch (0 = the untrained network): losses and accuracies on the training and test sets. */
  history: Columns<NetworkColumn>;
  /** Per epoch, each layer's mean |dL/dW| (input side first): one column per layer. */
  gradSizes: Columns<string>;
  /**
   * Every update's mini-batch loss (measured before the update), at most BATCH_ROWS_MAX of them:
   * `at` is the epoch it fell in plus its place in that epoch (epoch 3's second of 12 is 2 + 2/12).
   */
  batchHistory: Columns<'at' | 'loss'>;
  /** Every weight and bias after the latest epoch, layer by layer (W row-major [in, out], then b). */
  weights: Float64Array | null;
  maps: PlaneMaps | null;
  /** One-input networks: the output and the last hidden layer along the input. */
  curves: LineMaps | null;
  /** Small networks: every epoch's weights and biases (flat, as `weights`), one column per number; empty otherwise. */
  weightHistory: Columns<string>;
  /** Held-out confusion counts [actual][predicted], row-major. */
  confusion: Float64Array | null;
  state: NetworkState | null;
}

export interface NetworkStoreState extends RunControls {
  runs: Record<string, NetworkRunView | undefined>;
  train(channel: string, config: NetworkConfig, speed?: Speed): Promise<void>;
  /** One epoch: of the paused run, or further along the ended run with these settings, or the first of a new one. */
  step(channel: string, config: NetworkConfig): Promise<void>;
}

const sameSettings = (a: NetworkRunConfig, b: NetworkRunConfig) => JSON.stringify(a) === JSON.stringify(b);

const layerColumns = (layers: number) => Array.from({ length: layers }, (_, i) => `layer${i}`);
/** Longest wait before a network run's batches are shown. */
export const MAPS_RENDER_MS = 33;

/** Mini-batch losses kept per run (a long run keeps its first ones: charts of them are of short runs). */
export const BATCH_ROWS_MAX = 200_000;

/** Columns of the weight history: p0, p1, … in the order of `weights`. */
const layerWeightNames = (k: number) => Array.from({ length: k }, (_, i) => `p${i}`);

export const networkStore = createStore<NetworkStoreState>()((set, get) => {
  const slice = runSlice<NetworkRunConfig, NetworkRunView>(get, set);
  const { patch, put } = slice;

  const run = async (
    channel: string,
    config: NetworkRunConfig,
    speed: Speed,
    from?: NetworkRunView,
    until?: number,
  ) => {
    const layers = config.hidden.length + 1;
    const view: NetworkRunView = from
      ? { ...from, runId: newRunId(), status: 'running', speed }
      : {
          runId: newRunId(),
          channel,
          config,
          status: 'running',
          speed,
          history: new Columns(NETWORK_COLUMNS),
          gradSizes: new Columns(layerColumns(layers)),
          batchHistory: new Columns(['at', 'loss'] as const),
          weights: null,
          maps: null,
          curves: null,
          weightHistory: new Columns<string>([]),
          confusion: null,
          state: null,
          version: 0,
        };
    put(view);
    const r = slice.receiver<NetworkBatch>(
      channel,
      view.runId,
      (cur, b) => {
        cur.history.append(b, b.epochs.length);
        const names = layerColumns(b.layers);
        for (let e = 0; e < b.epochs.length; e++)
          cur.gradSizes.push(Object.fromEntries(names.map((n, l) => [n, b.gradSizes[e * b.layers + l]])));
        const per = b.batchesPerEpoch;
        for (let e = 0; e < b.batchLosses.length / per && cur.batchHistory.length < BATCH_ROWS_MAX; e++) {
          const epoch = b.epochs[b.epochs.length - b.batchLosses.length / per + e];
          for (let k = 0; k < per; k++)
            cur.batchHistory.push({ at: epoch - 1 + (k + 1) / per, loss: b.batchLosses[e * per + k] });
        }
        if (b.weightRows.length) {
          const k = b.weights.length;
          if (cur.weightHistory.names.length !== k) cur.weightHistory = new Columns(layerWeightNames(k));
          const names = cur.weightHistory.names;
          for (let e = 0; e < b.weightRows.length / k; e++)
            cur.weightHistory.push(Object.fromEntries(names.map((n, j) => [n, b.weightRows[e * k + j]])));
        }
        Object.assign(cur, {
          weights: b.weights,
          confusion: b.confusion,
          maps: b.maps ?? cur.maps,
          curves: b.curves ?? cur.curves,
        });
      },
      // Its maps move: shown about 30 times a second, at Max too (the worker sends them 20–30 a second).
      MAPS_RENDER_MS,
    );
    const { steps: _steps, ...network } = config;
    try {
      const end = await getTrainerClient().trainNetwork(network, r.onBatch, {
        runId: view.runId,
        channel: `network:${channel}`,
        stepsPerSecond: from ? null : stepsPerSecond(speed, config.steps),
        from: from?.state ?? undefined,
        until,
      });
      r.flush();
      patch(channel, view.runId, {
        status: from ? 'stepped' : end.status,
        message: end.message,
        elapsedMs: from ? undefined : end.elapsedMs,
        state: end.state,
      });
    } catch (e) {
      r.flush();
      patch(channel, view.runId, { status: 'error', message: failure(e) });
    }
  };

  return {
    runs: {},
    ...slice.actions,
    async train(channel, config, speed = 'auto') {
      slice.endPrevious(channel);
      await run(channel, networkRun(config), speed);
    },
    async step(channel, config) {
      const c = networkRun(config);
      await slice.step(
        channel,
        c,
        sameSettings,
        (cur) => run(channel, c, cur.speed, cur, cur.state.epoch + 1),
        // A first Step: a run of one epoch, kept as this config's run.
        () => run(channel, c, 'max', undefined, 1),
      );
    },
  };
});

export function useNetwork<T>(selector: (s: NetworkStoreState) => T): T {
  return useStore(networkStore, selector);
}
