/**
 * The words the page and the worker share: the types of the trainer API's arguments and answers.
 * Types only, so features and components may import it without reaching the worker client (lint
 * lets them import this file and not `worker-client.ts`; `tests/app/lint-boundaries.test.ts`
 * keeps it free of values).
 */
export type {
  Batch,
  EndStatus,
  NetworkBatch,
  NetworkEnd,
  ReduceBatch,
  ReduceEnd,
  ReduceRunConfig,
  RunEnd,
  StepResult,
  TrainOptions,
  TrainerApi,
} from '../workers/trainer-api.ts';
export type { Evaluation, Head, TrainerState } from './training/trainer.ts';
export type { DatasetInfo, PcaPicture, StressInfo } from '../workers/reduce-queries.ts';
export type { Curvature } from './training/reduce/curvature.ts';
export type { TapeEntry, TapeLeaf } from './engine/index.ts';
export type { FiniteDifference, TapeStepInput, TapeStepResult } from './training/tape-step.ts';
export type { Printout } from './training/printout.ts';
export type { NetworkConfig, NetworkData } from './training/network/config.ts';
export type {
  ConfusedPair,
  DataPoints,
  ExampleThrough,
  LayerViewData,
  StackLandscape,
} from '../workers/network-queries.ts';
export type {
  LayerFiniteDifference,
  LayerParam,
  LayerTapeInput,
  LayerTapeResult,
} from './training/network/layer-tape.ts';
export type { LineMaps, NetworkState, PlaneMaps } from './training/network/trainer.ts';
