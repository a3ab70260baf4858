/**
 * A network run's settings: the data (a Playground plane data set, or the iris flowers), the
 * network's shape, its loss and the update rule's numbers. Checked here, by the same code the
 * worker runs, with the first lesson's field issues and ConfigError.
 */
import { ConfigError, type FieldIssue } from '../config.ts';
import type { DType } from '../../engine/index.ts';
import { classesOf, type ClassifyDataset } from './datasets.ts';
import type { Activation } from './mlp.ts';

export { ConfigError, type FieldIssue };

/** The Playground's input features, computed from a point (x₁, x₂). */
export const FEATURES = Object.freeze(['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'] as const);
export type Feature = (typeof FEATURES)[number];

export type NetworkData =
  | {
      kind: 'plane';
      dataset: ClassifyDataset;
      /** How many points in all (training and test). */
      points: number;
      /** 0–0.5, the Playground's noise slider ÷ 100. */
      noise: number;
      /** Percent of the points used for training, 10–90. */
      trainPercent: number;
      seed: number;
      features: Feature[];
    }
  | {
      /** Regression on given examples (lesson 3's |x|): every one is trained on; there is no test set. */
      kind: 'pairs';
      /** Each example's inputs, the same count for all (1 to 7). */
      inputs: number[][];
      targets: number[];
    }
  | {
      /** The learner's own points on the plane (the Network page's "Your points"). */
      kind: 'points';
      /** (x₁, x₂) of each point, flat. */
      xy: number[];
      /** Each point's class, 0 to classes − 1. */
      labels: number[];
      classes: 2 | 3;
      trainPercent: number;
      /** Seed of the shuffle before the split. */
      seed: number;
      features: Feature[];
    }
  | {
      kind: 'iris';
      /** Flowers held out for the test, stratified by species (a multiple of 3). */
      testCount: number;
      seed: number;
    };

export type NetworkLoss = 'squared' | 'cross-entropy';
export type Regularization = 'none' | 'l1' | 'l2';

export interface NetworkConfig {
  data: NetworkData;
  /** Hidden layer sizes from the input side, e.g. [4, 2]; empty for none. */
  hidden: number[];
  activation: Activation;
  /**
   * 'squared': one tanh output, labels ±1, ½(output − label)² (the Playground's; two classes
   * only). 'cross-entropy': one output per class, softmax cross-entropy.
   */
  loss: NetworkLoss;
  learningRate: number;
  batchSize: number;
  regularization: Regularization;
  regularizationRate: number;
  /** Epochs (passes over the training points) in the run. */
  epochs: number;
  /** Seed of the starting weights. */
  initSeed: number;
  dtype: DType;
  /** false: no biases anywhere (lesson 3's stacked negator, ŷ = w₂·(w₁·x)); true when omitted. */
  biases?: boolean;
  /**
   * Starting weights instead of the seed's, flat as the worker sends them: layer by layer, W
   * row-major [in, out] then b (no b without biases). Lesson 3 starts from given numbers; the
   * Network page starts from weights the learner edited.
   */
  init?: number[];
}

export const NETWORK_LIMITS = Object.freeze({
  maxLayers: 6,
  maxUnits: 8,
  maxEpochs: 100_000,
  maxLearningRate: 10,
  maxRegularizationRate: 10,
  minPoints: 10,
  maxPoints: 2000,
});

/** TensorFlow Playground's defaults: circle, 2 → 4 → 2 → 1 tanh, lr 0.03, batch 10. */
export const PLAYGROUND_DEFAULTS: NetworkConfig = Object.freeze({
  data: { kind: 'plane', dataset: 'circle', points: 500, noise: 0, trainPercent: 50, seed: 1, features: ['x1', 'x2'] },
  hidden: [4, 2],
  activation: 'tanh',
  loss: 'squared',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
  epochs: 1000,
  initSeed: 1,
  dtype: 'float32',
}) as NetworkConfig;

const DATASETS: readonly string[] = ['circle', 'xor', 'gaussian', 'spiral', 'moons', 'blobs', 'plane', 'multigauss'];
const ACTIVATIONS: readonly string[] = ['relu', 'tanh', 'sigmoid', 'linear'];
const LOSSES: readonly string[] = ['squared', 'cross-entropy'];
const REGULARIZATIONS: readonly string[] = ['none', 'l1', 'l2'];
const KEYS = [...Object.keys(PLAYGROUND_DEFAULTS), 'biases', 'init'];

type Issues = FieldIssue[];

function num(v: unknown, field: string, label: string, issues: Issues, lo: number, hi: number, whole = false): void {
  if (typeof v !== 'number' || !Number.isFinite(v))
    issues.push({ field, message: `${label} must be a finite number.` });
  else if (whole && !Number.isInteger(v)) issues.push({ field, message: `${label} must be a whole number.` });
  else if (v < lo || v > hi)
    issues.push({ field, message: `${label} must be from ${lo.toLocaleString('en')} to ${hi.toLocaleString('en')}.` });
}

function oneOf(v: unknown, field: string, label: string, allowed: readonly string[], issues: Issues): void {
  if (typeof v !== 'string' || !allowed.includes(v))
    issues.push({ field, message: `${label} must be one of ${allowed.join(', ')}.` });
}

function checkData(d: unknown, issues: Issues): void {
  if (typeof d !== 'object' || d === null)
    return void issues.push({ field: 'data', message: 'Data must be an object.' });
  const data = d as Record<string, unknown>;
  if (data.kind !== 'pairs') num(data.seed, 'data.seed', 'Data seed', issues, 0, 2 ** 32 - 1, true);
  if (data.kind === 'pairs') return checkPairs(data, issues);
  if (data.kind === 'iris') {
    num(data.testCount, 'data.testCount', 'Test flowers', issues, 3, 120, true);
    if (typeof data.testCount === 'number' && data.testCount % 3 !== 0)
      issues.push({
        field: 'data.testCount',
        message: 'Test flowers must be a multiple of 3 (one share per species).',
      });
    return;
  }
  if (data.kind === 'points') return checkPoints(data, issues);
  if (data.kind !== 'plane')
    return void issues.push({ field: 'data.kind', message: 'Data must be a plane data set or the iris flowers.' });
  oneOf(data.dataset, 'data.dataset', 'Dataset', DATASETS, issues);
  num(data.points, 'data.points', 'Points', issues, NETWORK_LIMITS.minPoints, NETWORK_LIMITS.maxPoints, true);
  num(data.noise, 'data.noise', 'Noise', issues, 0, 0.5);
  num(data.trainPercent, 'data.trainPercent', 'Training data', issues, 10, 90);
  checkFeatures(data.features, issues);
}

function checkFeatures(f: unknown, issues: Issues): void {
  if (!Array.isArray(f) || f.length === 0 || !f.every((x) => (FEATURES as readonly unknown[]).includes(x)))
    issues.push({ field: 'data.features', message: 'Pick at least one input feature.' });
}

function checkPoints(data: Record<string, unknown>, issues: Issues): void {
  const { xy, labels, classes } = data;
  if (classes !== 2 && classes !== 3) issues.push({ field: 'data.classes', message: 'Classes must be 2 or 3.' });
  const n = Array.isArray(labels) ? labels.length : 0;
  const inPlane = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 6;
  if (!Array.isArray(xy) || xy.length !== 2 * n || !xy.every(inPlane))
    issues.push({ field: 'data.xy', message: 'Each point needs two coordinates from −6 to 6.' });
  if (n < 2 || n > NETWORK_LIMITS.maxPoints)
    issues.push({
      field: 'data.labels',
      message: `Your points: 2 to ${NETWORK_LIMITS.maxPoints.toLocaleString('en')} of them.`,
    });
  else if (
    !(labels as unknown[]).every(
      (l) => Number.isInteger(l) && (l as number) >= 0 && (l as number) < (classes as number),
    )
  )
    issues.push({ field: 'data.labels', message: `Each point's class must be one of the ${String(classes)} classes.` });
  num(data.trainPercent, 'data.trainPercent', 'Training data', issues, 10, 90);
  checkFeatures(data.features, issues);
}

function checkPairs(data: Record<string, unknown>, issues: Issues): void {
  const { inputs, targets } = data;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e6;
  const rows = Array.isArray(inputs) ? inputs : [];
  const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
  const ok =
    rows.length >= 1 &&
    rows.length <= NETWORK_LIMITS.maxPoints &&
    width >= 1 &&
    width <= FEATURES.length &&
    rows.every((r) => Array.isArray(r) && r.length === width && r.every(finite));
  if (!ok)
    issues.push({
      field: 'data.inputs',
      message: `Inputs: 1 to ${NETWORK_LIMITS.maxPoints.toLocaleString('en')} examples, each 1 to ${FEATURES.length} finite numbers (at most 1,000,000 in size), all the same length.`,
    });
  if (!Array.isArray(targets) || targets.length !== rows.length || !targets.every(finite))
    issues.push({ field: 'data.targets', message: 'Targets: one finite number per example.' });
}

function checkHidden(h: unknown, issues: Issues): void {
  const ok =
    Array.isArray(h) &&
    h.length <= NETWORK_LIMITS.maxLayers &&
    h.every((n) => Number.isInteger(n) && n >= 1 && n <= NETWORK_LIMITS.maxUnits);
  if (!ok)
    issues.push({
      field: 'hidden',
      message: `Hidden layers: up to ${NETWORK_LIMITS.maxLayers} layers of 1 to ${NETWORK_LIMITS.maxUnits} units each.`,
    });
}

/** How many inputs the data gives the network, and how many outputs the loss needs. */
function ends(c: Pick<NetworkConfig, 'data' | 'loss'>): [number, number] {
  const d = c.data;
  const inputs = d.kind === 'iris' ? 4 : d.kind === 'pairs' ? (d.inputs[0]?.length ?? 0) : d.features.length;
  const classes =
    d.kind === 'iris' ? 3 : d.kind === 'plane' ? classesOf(d.dataset) : d.kind === 'points' ? d.classes : 0;
  return [inputs, c.loss === 'cross-entropy' ? classes : 1];
}

/** The network's layer sizes, inputs to outputs, e.g. [2, 4, 2, 1]. */
export function layerSizes(c: Pick<NetworkConfig, 'data' | 'loss' | 'hidden'>): number[] {
  const [inputs, outputs] = ends(c);
  return [inputs, ...c.hidden, outputs];
}

/** How many numbers the network has: every weight, and every bias unless it has none. */
export function parameterCount(c: Pick<NetworkConfig, 'data' | 'loss' | 'hidden' | 'biases'>): number {
  const sizes = layerSizes(c);
  let n = 0;
  for (let l = 1; l < sizes.length; l++) n += sizes[l - 1] * sizes[l] + (c.biases === false ? 0 : sizes[l]);
  return n;
}

function checkInit(c: Record<string, unknown>, issues: Issues): void {
  if (c.biases !== undefined && typeof c.biases !== 'boolean')
    issues.push({ field: 'biases', message: 'Biases must be true or false.' });
  if (c.init === undefined) return;
  // The sizes can be read only from valid data and layers; their own issues say what is wrong.
  if (issues.some((i) => i.field.startsWith('data') || i.field === 'hidden' || i.field === 'loss')) return;
  const want = parameterCount(c as unknown as NetworkConfig);
  const v = c.init;
  if (!Array.isArray(v) || v.length !== want || !v.every((x) => typeof x === 'number' && Number.isFinite(x)))
    issues.push({ field: 'init', message: `Starting weights: ${want} finite numbers, one per weight and bias.` });
}

/** Every problem with `raw` as a network run's settings (empty when it is valid). */
export function networkIssues(raw: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return [{ field: '', message: 'Settings must be an object.' }];
  const c = raw as Record<string, unknown>;
  for (const key of Object.keys(c)) if (!KEYS.includes(key)) issues.push({ field: key, message: 'Unknown setting.' });
  checkData(c.data, issues);
  checkHidden(c.hidden, issues);
  oneOf(c.activation, 'activation', 'Activation', ACTIVATIONS, issues);
  oneOf(c.loss, 'loss', 'Loss', LOSSES, issues);
  num(c.learningRate, 'learningRate', 'Learning rate', issues, 0, NETWORK_LIMITS.maxLearningRate);
  if (c.learningRate === 0) issues.push({ field: 'learningRate', message: 'Learning rate must be greater than 0.' });
  num(c.batchSize, 'batchSize', 'Batch size', issues, 1, NETWORK_LIMITS.maxPoints, true);
  oneOf(c.regularization, 'regularization', 'Regularization', REGULARIZATIONS, issues);
  num(
    c.regularizationRate,
    'regularizationRate',
    'Regularization rate',
    issues,
    0,
    NETWORK_LIMITS.maxRegularizationRate,
  );
  num(c.epochs, 'epochs', 'Epochs', issues, 1, NETWORK_LIMITS.maxEpochs, true);
  num(c.initSeed, 'initSeed', 'Seed', issues, 0, 2 ** 32 - 1, true);
  oneOf(c.dtype, 'dtype', 'Precision', ['float32', 'float64'], issues);
  const data = c.data as { kind?: unknown } | null;
  if (c.loss === 'cross-entropy' && data?.kind === 'pairs')
    issues.push({ field: 'loss', message: 'Numbers to fit need squared error: cross-entropy is for classes.' });
  if (c.loss === 'squared' && data?.kind === 'iris')
    issues.push({ field: 'loss', message: 'Three species need cross-entropy: squared error here has one ±1 output.' });
  const d = c.data as { kind?: unknown; dataset?: unknown; classes?: unknown } | null;
  const classes =
    d?.kind === 'plane' && typeof d.dataset === 'string' && DATASETS.includes(d.dataset)
      ? classesOf(d.dataset as ClassifyDataset)
      : d?.kind === 'points'
        ? d.classes
        : undefined;
  if (classes === 0 && c.loss === 'cross-entropy')
    issues.push({ field: 'loss', message: 'Numbers to fit need squared error: cross-entropy is for classes.' });
  if (classes === 3 && c.loss === 'squared')
    issues.push({ field: 'loss', message: 'Three classes need cross-entropy: squared error here has one ±1 output.' });
  checkInit(c, issues);
  return issues;
}

/** `raw` as a NetworkConfig, or a ConfigError listing every problem. */
export function assertValidNetworkConfig(raw: unknown): NetworkConfig {
  const issues = networkIssues(raw);
  if (issues.length) throw new ConfigError(issues);
  return raw as NetworkConfig;
}
