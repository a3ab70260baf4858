/**
 * The Network page's settings as the learner left them: text fields as typed, choices, toggles
 * and their own points. Read field by field from storage or a share link (what cannot be read
 * is reset and named), and turned into a network run's config with a message per field.
 * Pure: the page, the store and the share links use this one reading.
 */
import { parseNumberField } from '../config.ts';
import { FEATURES, NETWORK_LIMITS, type Feature, type NetworkConfig } from './config.ts';
import { classesOf, type ClassifyDataset } from './datasets.ts';

export const PROBLEMS = ['classification', 'regression'] as const;
export type Problem = (typeof PROBLEMS)[number];

/** The Dataset select's choices, per problem ('points' is "Your points"). */
export const CLASSIFY_SETS = ['circle', 'xor', 'gaussian', 'spiral', 'moons', 'blobs', 'points'] as const;
export const REGRESS_SETS = ['plane', 'multigauss'] as const;
export type DatasetChoice = (typeof CLASSIFY_SETS)[number] | (typeof REGRESS_SETS)[number];

export const DATASET_NAMES: Record<DatasetChoice, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gaussian: 'Gaussian',
  spiral: 'Spiral',
  moons: 'Moons',
  blobs: 'Three blobs',
  points: 'Your points',
  plane: 'Plane',
  multigauss: 'Multi-Gaussian',
};

export const FEATURE_NAMES: Record<Feature, string> = {
  x1: 'x₁',
  x2: 'x₂',
  x1Squared: 'x₁²',
  x2Squared: 'x₂²',
  x1x2: 'x₁x₂',
  sinX1: 'sin(x₁)',
  sinX2: 'sin(x₂)',
};

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export const LOSSES = ['squared', 'cross-entropy'] as const;

/** The learner's own points: (x₁, x₂) flat and each one's class (0 = A, 1 = B, 2 = C). */
export interface OwnPoints {
  xy: number[];
  labels: number[];
}

export interface NetworkDraft {
  problem: Problem;
  dataset: DatasetChoice;
  noise: string;
  trainPercent: string;
  seed: string;
  features: Feature[];
  /** Hidden layer sizes as typed: "4, 2"; empty for none. */
  hidden: string;
  activation: (typeof ACTIVATIONS)[number];
  regularization: (typeof REGULARIZATIONS)[number];
  regularizationRate: string;
  learningRate: string;
  batchSize: string;
  epochs: string;
  loss: (typeof LOSSES)[number];
  /** Classes of "Your points": 2 or 3. */
  classes: '2' | '3';
  showTest: boolean;
  discretize: boolean;
  /** Go on until paused: the run's end is the longest allowed, not Epochs. */
  untilPaused: boolean;
}

/** TensorFlow Playground's defaults (circle, 2 → 4 → 2 → 1 tanh, lr 0.03, batch 10). */
export const NETWORK_DRAFT_DEFAULTS: NetworkDraft = Object.freeze({
  problem: 'classification',
  dataset: 'circle',
  noise: '0',
  trainPercent: '50',
  seed: '1',
  features: ['x1', 'x2'],
  hidden: '4, 2',
  activation: 'tanh',
  regularization: 'none',
  regularizationRate: '0',
  learningRate: '0.03',
  batchSize: '10',
  epochs: '1000',
  loss: 'squared',
  classes: '2',
  showTest: false,
  discretize: false,
  untilPaused: false,
}) as NetworkDraft;

/** Points per data set: the Playground's 500 for classification and 1,200 for regression. */
export const pointsFor = (p: Problem) => (p === 'regression' ? 1200 : 500);

/** Each text field's label, as the page shows it. */
export const DRAFT_LABELS = {
  noise: 'Noise',
  trainPercent: 'Training data (%)',
  seed: 'Seed',
  hidden: 'Hidden layers',
  regularizationRate: 'Regularization rate',
  learningRate: 'Learning rate',
  batchSize: 'Batch size',
  epochs: 'Epochs',
} as const;
export type DraftField = keyof typeof DRAFT_LABELS;

/** "4, 2" as layer sizes, or what is wrong with it. */
export function readHidden(text: string): number[] | string {
  const t = text.trim();
  if (t === '') return [];
  const parts = t.split(/[\s,]+/).filter(Boolean);
  const sizes = parts.map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= NETWORK_LIMITS.maxUnits))
    return `Hidden layers: whole numbers from 1 to ${NETWORK_LIMITS.maxUnits}, separated by commas ("4, 2"), or empty for none.`;
  if (sizes.length > NETWORK_LIMITS.maxLayers) return `Hidden layers: at most ${NETWORK_LIMITS.maxLayers} layers.`;
  return sizes;
}

/** Layer sizes as the field shows them. */
export const hiddenText = (sizes: readonly number[]) => sizes.join(', ');

function ranged(
  text: string,
  label: string,
  lo: number,
  hi: number,
  whole: boolean,
  errors: Partial<Record<DraftField, string>>,
  field: DraftField,
): number | undefined {
  const r = parseNumberField(text, label);
  if (!r.ok) errors[field] = r.message;
  else if (whole && !Number.isInteger(r.value)) errors[field] = `${label} must be a whole number.`;
  else if (r.value < lo || r.value > hi)
    errors[field] = `${label} must be from ${lo.toLocaleString('en')} to ${hi.toLocaleString('en')}.`;
  else return r.value;
  return undefined;
}

/** How many classes the draft's data has (0: numbers to fit). */
export function draftClasses(d: Pick<NetworkDraft, 'problem' | 'dataset' | 'classes'>): number {
  if (d.problem === 'regression') return 0;
  return d.dataset === 'points' ? Number(d.classes) : classesOf(d.dataset as ClassifyDataset);
}

export interface ReadDraft {
  config: NetworkConfig | null;
  errors: Partial<Record<DraftField | 'points' | 'loss' | 'features', string>>;
}

/** The draft as a run's config, or every field's problem. */
export function configOfDraft(d: NetworkDraft, points: OwnPoints): ReadDraft {
  const errors: ReadDraft['errors'] = {};
  const noise = ranged(d.noise, DRAFT_LABELS.noise, 0, 50, false, errors, 'noise');
  const trainPercent = ranged(d.trainPercent, DRAFT_LABELS.trainPercent, 10, 90, false, errors, 'trainPercent');
  const seed = ranged(d.seed, DRAFT_LABELS.seed, 0, 2 ** 32 - 1, true, errors, 'seed');
  const rate = ranged(
    d.regularizationRate,
    DRAFT_LABELS.regularizationRate,
    0,
    10,
    false,
    errors,
    'regularizationRate',
  );
  const lr = ranged(d.learningRate, DRAFT_LABELS.learningRate, 0, 10, false, errors, 'learningRate');
  if (lr === 0) errors.learningRate = 'Learning rate must be greater than 0.';
  const batch = ranged(d.batchSize, DRAFT_LABELS.batchSize, 1, NETWORK_LIMITS.maxPoints, true, errors, 'batchSize');
  const epochs = d.untilPaused
    ? NETWORK_LIMITS.maxEpochs
    : ranged(d.epochs, DRAFT_LABELS.epochs, 1, NETWORK_LIMITS.maxEpochs, true, errors, 'epochs');
  const hidden = readHidden(d.hidden);
  if (typeof hidden === 'string') errors.hidden = hidden;
  if (d.features.length === 0) errors.features = 'Pick at least one input feature.';
  const classes = draftClasses(d);
  if (classes === 0 && d.loss === 'cross-entropy')
    errors.loss = 'Numbers to fit need squared error: cross-entropy is for classes.';
  if (classes === 3 && d.loss === 'squared')
    errors.loss = 'Three classes need cross-entropy: squared error here has one ±1 output.';
  const own = d.problem === 'classification' && d.dataset === 'points';
  if (own && points.labels.length < 2) errors.points = 'Add at least 2 points: pick a class and click the map.';
  if (own && points.labels.some((l) => l >= classes))
    errors.points = 'Some points are of class C: choose 3 classes, or clear them.';
  if (Object.keys(errors).length || typeof hidden === 'string') return { config: null, errors };
  const features = [...d.features];
  const data: NetworkConfig['data'] = own
    ? {
        kind: 'points',
        xy: points.xy,
        labels: points.labels,
        classes: classes as 2 | 3,
        trainPercent: trainPercent!,
        seed: seed!,
        features,
      }
    : {
        kind: 'plane',
        dataset: d.dataset as ClassifyDataset,
        points: pointsFor(d.problem),
        noise: noise! / 100,
        trainPercent: trainPercent!,
        seed: seed!,
        features,
      };
  return {
    config: {
      data,
      hidden,
      activation: d.activation,
      loss: d.loss,
      learningRate: lr!,
      batchSize: batch!,
      regularization: d.regularization,
      regularizationRate: rate!,
      epochs: epochs!,
      initSeed: seed!,
      dtype: 'float32',
    },
    errors,
  };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 200;

/** A stored or linked draft, field by field: what is not readable is its default, and named. */
export function readNetworkDraft(raw: unknown): { value: NetworkDraft; reset: string[] } {
  const r = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const d: NetworkDraft = { ...NETWORK_DRAFT_DEFAULTS, features: [...NETWORK_DRAFT_DEFAULTS.features] };
  const reset: string[] = [];
  const choice = <K extends keyof NetworkDraft>(k: K, allowed: readonly unknown[], label: string) => {
    if (r[k] === undefined) return;
    if (allowed.includes(r[k])) (d[k] as unknown) = r[k];
    else reset.push(label);
  };
  choice('problem', PROBLEMS, 'Problem');
  choice('dataset', d.problem === 'regression' ? REGRESS_SETS : CLASSIFY_SETS, 'Dataset');
  if (d.problem === 'regression' && !(REGRESS_SETS as readonly string[]).includes(d.dataset)) d.dataset = 'plane';
  choice('activation', ACTIVATIONS, 'Activation');
  choice('regularization', REGULARIZATIONS, 'Regularization');
  choice('loss', LOSSES, 'Loss');
  choice('classes', ['2', '3'], 'Classes');
  choice('showTest', [true, false], 'Show test data');
  choice('discretize', [true, false], 'Discretize output');
  choice('untilPaused', [true, false], 'Go on until paused');
  for (const k of Object.keys(DRAFT_LABELS) as DraftField[]) {
    if (r[k] === undefined) continue;
    if (isText(r[k])) d[k] = r[k];
    else reset.push(DRAFT_LABELS[k]);
  }
  if (r.features !== undefined) {
    const f = r.features;
    if (Array.isArray(f) && f.every((x) => (FEATURES as readonly unknown[]).includes(x)))
      d.features = FEATURES.filter((x) => f.includes(x));
    else reset.push('Features');
  }
  return { value: d, reset };
}

/** Own points as stored or linked: kept whole when every point is readable, else dropped (and named). */
export function readOwnPoints(raw: unknown): { value: OwnPoints; reset: string[] } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const { xy, labels } = r;
  const ok =
    Array.isArray(xy) &&
    Array.isArray(labels) &&
    xy.length === 2 * labels.length &&
    labels.length <= NETWORK_LIMITS.maxPoints &&
    xy.every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 6) &&
    labels.every((l) => l === 0 || l === 1 || l === 2);
  if (ok) return { value: { xy: [...(xy as number[])], labels: [...(labels as number[])] }, reset: [] };
  return { value: { xy: [], labels: [] }, reset: raw === undefined ? [] : ['Your points'] };
}
