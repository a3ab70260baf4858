/**
 * Every question the pages ask the trainer worker, named once. A feature asks one with
 * `useQuery(queries.recordTape, input)` (or a hook below): the key is derived from the arguments
 * in `query-cache.ts`, answers are shared between components and kept, and `null` skips the call.
 * Arguments hold only what the answer depends on, so equal questions share one answer.
 */
import { NEGATOR_CONFIG, type TrainingConfig } from '../training/config.ts';
import type {
  ConfusedPair,
  DataPoints,
  ExampleThrough,
  LayerFiniteDifference,
  LayerParam,
  LayerTapeInput,
  LayerTapeResult,
  LayerViewData,
  NetworkConfig,
  NetworkData,
  StackLandscape,
  Curvature,
  DatasetInfo,
  Evaluation,
  FiniteDifference,
  Head,
  PcaPicture,
  Printout,
  ReduceRunConfig,
  StepResult,
  StressInfo,
  TapeStepInput,
  TapeStepResult,
  TrainerClient,
} from '../worker-client.ts';
import { defineQuery, useQuery, type QueryState } from './query-cache.ts';

export { useQuery, type Query, type QueryState } from './query-cache.ts';

/** What a loss depends on: the pairs, the model and the number type. */
export type LossSetting = Pick<TrainingConfig, 'pairs' | 'model' | 'dtype'>;

/** The loss setting of a config (the rest of it does not change a loss). */
export const lossSetting = (c: TrainingConfig): LossSetting => ({ pairs: c.pairs, model: c.model, dtype: c.dtype });

/** A full, valid config for the worker around a loss setting. */
const configOf = (s: LossSetting): TrainingConfig => ({
  ...NEGATOR_CONFIG,
  pairs: s.pairs,
  model: s.model,
  dtype: s.dtype,
});

type Dataset = Parameters<TrainerClient['datasetInfo']>[0];
/** Arguments of a question that has none. */
export type NoArgs = Record<string, never>;

/** The (w, b) loss map: losses[i][j] at bs[i], ws[j]. */
export interface LossGrid {
  ws: number[];
  bs: number[];
  losses: number[][];
}

const GRID_W = 61;
const GRID_B = 41;

export const queries = {
  /** The loss at `n` weights evenly spread over `domain` (bias fixed), in float64 for drawing. */
  lossCurve: defineQuery(
    'lossCurve',
    async (
      c,
      a: {
        pairs: TrainingConfig['pairs'];
        model: TrainingConfig['model'];
        domain: readonly [number, number];
        n: number;
        bias: number;
      },
    ) => {
      const r = await c.lossCurve(
        configOf({ pairs: a.pairs, model: a.model, dtype: 'float64' }),
        a.domain[0],
        a.domain[1],
        a.n,
        a.bias,
      );
      return r.weights.map((w, i) => ({ w, loss: r.losses[i] }));
    },
  ),

  /** The w + b model's loss over a grid of weights and biases: one lossCurve call per bias row, all in flight together. */
  lossGrid: defineQuery(
    'lossGrid',
    async (
      c,
      a: { pairs: TrainingConfig['pairs']; w: readonly [number, number]; b: readonly [number, number] },
    ): Promise<LossGrid> => {
      const bs = Array.from({ length: GRID_B }, (_, i) => a.b[0] + ((a.b[1] - a.b[0]) * i) / (GRID_B - 1));
      const cfg = configOf({ pairs: a.pairs, model: 'w+b', dtype: 'float64' });
      const rows = await Promise.all(bs.map((bias) => c.lossCurve(cfg, a.w[0], a.w[1], GRID_W, bias)));
      return { ws: rows[0].weights, bs, losses: rows.map((r) => r.losses) };
    },
  ),

  /** The loss and its slopes at weight and bias, in the setting's dtype. */
  measure: defineQuery('measure', (c, a: LossSetting & { weight: number; bias: number }): Promise<Head> =>
    c.measure(configOf(a), a.weight, a.bias),
  ),

  /** d²L/dw² at `weight` (nested tapes). */
  curvature: defineQuery('curvature', (c, a: LossSetting & { weight: number }): Promise<number> =>
    c.curvature(configOf(a), a.weight),
  ),

  /** The model's predictions and per-pair losses at weight and bias. */
  evaluate: defineQuery('evaluate', (c, a: LossSetting & { weight: number; bias: number }): Promise<Evaluation> =>
    c.evaluate(configOf(a), a.weight, a.bias),
  ),

  /** `evaluate` at several weights (bias 0), in their order. */
  evaluateWeights: defineQuery('evaluateWeights', (c, a: LossSetting & { weights: number[] }): Promise<Evaluation[]> =>
    Promise.all(a.weights.map((w) => c.evaluate(configOf(a), w))),
  ),

  /** The first step of a run with this config (the whole config matters: rate, optimizer…). */
  firstStep: defineQuery('firstStep', (c, config: TrainingConfig): Promise<StepResult> => c.step(config)),

  /** What the tutorial's loop prints for a run of this config (the loss inside each step, before its update). */
  printout: defineQuery('printout', (c, config: TrainingConfig): Promise<Printout> => c.printout(config)),

  /** One negator step on the tape, recorded for inspection (the Tape step and the Descent ledger). */
  recordTape: defineQuery('recordTape', (c, input: TapeStepInput): Promise<TapeStepResult> => c.recordTape(input)),

  /** (L(w + h) − L(w − h)) / 2h at the input's numbers, in its dtype. */
  finiteDifference: defineQuery(
    'finiteDifference',
    (c, a: { input: TapeStepInput; h: number }): Promise<FiniteDifference> => c.finiteDifference(a.input, a.h),
  ),

  /** The finite difference at each step size, in their order. */
  finiteDifferenceSweep: defineQuery(
    'finiteDifferenceSweep',
    (c, a: { input: TapeStepInput; hs: number[] }): Promise<FiniteDifference[]> =>
      Promise.all(a.hs.map((h) => c.finiteDifference(a.input, h))),
  ),

  /** The four points A–D, their distances and the best flat layout. */
  stressInfo: defineQuery('stressInfo', (c, _: NoArgs): Promise<StressInfo> => c.stressInfo()),

  /** Where a reduce run with this config starts. */
  reduceStart: defineQuery('reduceStart', (c, config: ReduceRunConfig) => c.reduceStart(config)),

  /** Exact PCA's picture of the flowers, and W's turned onto it (orthogonal Procrustes). */
  pcaPicture: defineQuery('pcaPicture', (c, a: { dataset: Dataset; weights: number[] | null }): Promise<PcaPicture> =>
    c.pcaPicture(a.dataset, a.weights ?? undefined),
  ),

  /** The engine's exact PCA of a dataset and what follows from it. */
  datasetInfo: defineQuery('datasetInfo', (c, a: { dataset: Dataset }): Promise<DatasetInfo> =>
    c.datasetInfo(a.dataset),
  ),

  /** The autoencoder's curvature on a dataset, and the stable learning rate it gives. */
  reduceCurvature: defineQuery('reduceCurvature', (c, a: { dataset: Dataset }): Promise<Curvature> =>
    c.reduceCurvature(a.dataset),
  ),

  /** A flower (four measurements in cm) through trained autoencoder weights: its point in 2-D. */
  projectFlower: defineQuery('projectFlower', (c, a: { dataset: Dataset; weights: ArrayLike<number>; cm: number[] }) =>
    c.projectFlower(a.dataset, Array.from(a.weights), a.cm),
  ),

  /** A plane data set's points, training then test, for the decision maps. */
  dataPoints: defineQuery('dataPoints', (c, a: { data: NetworkData }): Promise<DataPoints> => c.dataPoints(a.data)),

  /** The stacked negator's loss over a (w₁, w₂) grid. */
  stackLandscape: defineQuery(
    'stackLandscape',
    (
      c,
      a: { input: number; target: number; w1: [number, number]; w2: [number, number]; n: number },
    ): Promise<StackLandscape> => c.stackLandscape(a),
  ),

  /** One example through lesson 3's 1 → 2 → 1 network, on the tape and walked back. */
  layerTape: defineQuery('layerTape', (c, input: LayerTapeInput): Promise<LayerTapeResult> => c.layerTape(input)),

  /** The finite-difference check of one parameter of that network. */
  layerFiniteDifference: defineQuery(
    'layerFiniteDifference',
    (c, a: { input: LayerTapeInput; param: LayerParam; h: number }): Promise<LayerFiniteDifference> =>
      c.layerFiniteDifference(a.input, a.param, a.h),
  ),

  /** One example of a network run's data through given weights: its scores, probabilities and loss. */
  exampleThrough: defineQuery(
    'exampleThrough',
    (
      c,
      a: { config: NetworkConfig; weights: number[]; set: 'train' | 'test'; index: number },
    ): Promise<ExampleThrough> => c.exampleThrough(a.config, a.weights, a.set, a.index),
  ),

  /** Where a hidden layer of 2 units sends the plane's grid lines and the training points. */
  layerView: defineQuery(
    'layerView',
    (c, a: { config: NetworkConfig; weights: number[]; layer: number }): Promise<LayerViewData> =>
      c.layerView(a.config, a.weights, a.layer),
  ),

  /** Which two classes a network trained with `config` mixes up most. */
  confusedPair: defineQuery('confusedPair', (c, a: { config: NetworkConfig }): Promise<ConfusedPair> =>
    c.confusedPair(a.config),
  ),
};

/** The loss at `n` weights evenly spread over `domain` (bias fixed), in float64 for drawing. */
export function useLossCurve(
  config: TrainingConfig | null,
  domain: readonly [number, number],
  n = 161,
  bias = 0,
): QueryState<{ w: number; loss: number }[]> {
  return useQuery(queries.lossCurve, config && { pairs: config.pairs, model: config.model, domain, n, bias });
}

/** The loss and its slope at weight `w` (and bias `b`), measured by the engine in the config's dtype. */
export function useMeasure(config: TrainingConfig | null, w: number | undefined, b = 0): QueryState<Head> {
  return useQuery(queries.measure, config && w !== undefined ? { ...lossSetting(config), weight: w, bias: b } : null);
}
