/**
 * Turns a network run's data settings into training and test sets: the Playground's points
 * with the chosen input features, or the iris flowers z-scored with the training flowers'
 * means and deviations, split stratified by species. Pure and seeded.
 */
import { loadIris, IRIS_SPECIES } from '../reduce/iris.ts';
import { mulberry32 } from '../random.ts';
import { classesOf, classifyPoints } from './datasets.ts';
import type { Feature, NetworkData } from './config.ts';

/** Examples: inputs row-major [n, inputs] and each one's class (0, 1, … ) or, for regression, its target. */
export interface Examples {
  x: Float64Array;
  cls: Int32Array;
  n: number;
  /** Regression targets (empty for classification). */
  target?: Float64Array;
}

export interface Problem {
  inputs: number;
  /** Classes to tell apart; 0 for regression (one number to fit per example). */
  classes: number;
  /** The names of the inputs, in column order. */
  inputNames: string[];
  /** The names of the classes (for a plane data set: the labels −1 and +1). */
  classNames: string[];
  train: Examples;
  test: Examples;
}

const FEATURE_OF: Record<Feature, (x1: number, x2: number) => number> = {
  x1: (a) => a,
  x2: (_a, b) => b,
  x1Squared: (a) => a * a,
  x2Squared: (_a, b) => b * b,
  x1x2: (a, b) => a * b,
  sinX1: (a) => Math.sin(a),
  sinX2: (_a, b) => Math.sin(b),
};

/** The features of plane points (row-major [n, 2]) as network inputs: [n, features.length]. */
export function featureRows(points: ArrayLike<number>, features: readonly Feature[]): Float64Array {
  const n = points.length / 2;
  const f = features.map((k) => FEATURE_OF[k]);
  const out = new Float64Array(n * f.length);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < f.length; j++) out[i * f.length + j] = f[j](points[2 * i], points[2 * i + 1]);
  return out;
}

function examples(x: Float64Array, cls: number[]): Examples {
  return { x, cls: Int32Array.from(cls), n: cls.length };
}

function planeProblem(
  d: Extract<NetworkData, { kind: 'plane' }>,
): Problem & { trainPoints: Float64Array; testPoints: Float64Array } {
  const all = classifyPoints(d.dataset, d.points, d.noise, d.seed);
  return splitPoints(all.x, all.label, classesOf(d.dataset), d.trainPercent, d.features);
}

/** Points and labels (±1 for two classes, 0–2 for three, numbers to fit for none) split into training and test sets. */
function splitPoints(
  xy: Float64Array,
  label: Float64Array,
  classes: number,
  trainPercent: number,
  features: readonly Feature[],
): Problem & { trainPoints: Float64Array; testPoints: Float64Array } {
  const n = label.length;
  const nTrain = Math.max(1, Math.min(n - 1, Math.round((n * trainPercent) / 100)));
  const cls = Array.from(label, (l) => (classes === 2 ? (l > 0 ? 1 : 0) : classes === 3 ? l : 0));
  const trainPoints = xy.slice(0, 2 * nTrain);
  const testPoints = xy.slice(2 * nTrain);
  const train = examples(featureRows(trainPoints, features), cls.slice(0, nTrain));
  const test = examples(featureRows(testPoints, features), cls.slice(nTrain));
  if (classes === 0) {
    train.target = label.slice(0, nTrain);
    test.target = label.slice(nTrain);
  }
  return {
    inputs: features.length,
    classes,
    inputNames: [...features],
    classNames: classes === 3 ? ['A', 'B', 'C'] : classes === 2 ? ['−1', '+1'] : [],
    train,
    test,
    trainPoints,
    testPoints,
  };
}

/** The learner's points, shuffled by the seed, then split (their classes 0 and 1 stand for −1 and +1). */
function ownPoints(
  d: Extract<NetworkData, { kind: 'points' }>,
): Problem & { trainPoints: Float64Array; testPoints: Float64Array } {
  const n = d.labels.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = mulberry32(d.seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const xy = new Float64Array(2 * n);
  const label = new Float64Array(n);
  order.forEach((from, to) => {
    xy[2 * to] = d.xy[2 * from];
    xy[2 * to + 1] = d.xy[2 * from + 1];
    label[to] = d.classes === 2 ? (d.labels[from] ? 1 : -1) : d.labels[from];
  });
  const p = splitPoints(xy, label, d.classes, d.trainPercent, d.features);
  return d.classes === 2 ? { ...p, classNames: ['A', 'B'] } : p;
}

/** Flower indices of each species, shuffled by the seed; the first testCount/3 of each are held out. */
export function irisSplit(testCount: number, seed: number): { train: number[]; test: number[] } {
  const { species } = loadIris();
  const rand = mulberry32(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const s of IRIS_SPECIES) {
    const idx = species.flatMap((v, i) => (v === s ? [i] : []));
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    test.push(...idx.slice(0, testCount / 3));
    train.push(...idx.slice(testCount / 3));
  }
  // Interleave the species in training order, so every mini-batch sees all three.
  const order = train.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { train: order.map((i) => train[i]), test };
}

function irisProblem(d: Extract<NetworkData, { kind: 'iris' }>): Problem {
  const { measurements, species } = loadIris();
  const split = irisSplit(d.testCount, d.seed);
  const cols = measurements[0].length;
  const mean = new Array<number>(cols).fill(0);
  const sd = new Array<number>(cols).fill(0);
  for (const i of split.train) measurements[i].forEach((v, j) => (mean[j] += v / split.train.length));
  for (const i of split.train)
    measurements[i].forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / (split.train.length - 1)));
  const scale = sd.map(Math.sqrt);
  const rows = (ids: number[]) => {
    const x = new Float64Array(ids.length * cols);
    ids.forEach((f, r) => measurements[f].forEach((v, j) => (x[r * cols + j] = (v - mean[j]) / scale[j])));
    return examples(
      x,
      ids.map((f) => IRIS_SPECIES.indexOf(species[f])),
    );
  };
  return {
    inputs: cols,
    classes: 3,
    inputNames: ['sepal length', 'sepal width', 'petal length', 'petal width'],
    classNames: [...IRIS_SPECIES],
    train: rows(split.train),
    test: rows(split.test),
  };
}

function pairsProblem(d: Extract<NetworkData, { kind: 'pairs' }>): Problem {
  const n = d.inputs.length;
  const width = d.inputs[0].length;
  const train: Examples = {
    x: Float64Array.from(d.inputs.flat()),
    cls: new Int32Array(n),
    n,
    target: Float64Array.from(d.targets),
  };
  const test: Examples = { x: new Float64Array(0), cls: new Int32Array(0), n: 0, target: new Float64Array(0) };
  const inputNames = width === 1 ? ['x'] : Array.from({ length: width }, (_, i) => `x${i + 1}`);
  return { inputs: width, classes: 0, inputNames, classNames: [], train, test };
}

/** The problem a run trains on; plane problems also keep their points (x₁, x₂) for drawing. */
export function prepareProblem(d: NetworkData): Problem & { trainPoints?: Float64Array; testPoints?: Float64Array } {
  if (d.kind === 'points') return ownPoints(d);
  return d.kind === 'iris' ? irisProblem(d) : d.kind === 'pairs' ? pairsProblem(d) : planeProblem(d);
}
