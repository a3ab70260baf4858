/**
 * What the Reduce lesson asks the worker besides runs: the dataset and its exact PCA, the
 * loss's largest curvature from nested tapes, where a new flower lands, and the four points.
 * Plain async functions, spread into the trainer API.
 */
import {
  AutoencoderTrainer,
  IRIS_AUTOENCODER_CONFIG,
  assertValidAutoencoderConfig,
  type AutoencoderConfig,
} from '../src/training/reduce/autoencoder.ts';
import { assertValidReduceConfig } from './reduce-run.ts';
import { autoencoderCurvature, type Curvature } from '../src/training/reduce/curvature.ts';
import { REDUCE_DATASETS, prepareDataset, type ReduceDataset } from '../src/training/reduce/dataset.ts';
import { IRIS_FEATURES, IRIS_SPECIES, type IrisSpecies } from '../src/training/reduce/iris.ts';
import {
  PAIRS,
  POINTS_3D,
  POINT_NAMES,
  STRESS_FLOOR,
  bestLayout,
  distances3d,
  initialStressState,
  pairsTable,
  stressCurvature,
  type StressConfig,
} from '../src/training/reduce/stress.ts';
import { ConfigError } from '../src/training/config.ts';
import { covariance, procrustes2 } from '../src/training/reduce/linalg.ts';

export interface DatasetInfo {
  dataset: ReduceDataset;
  features: readonly string[];
  species: IrisSpecies[];
  speciesNames: readonly IrisSpecies[];
  eigenvalues: number[];
  /** Each component's share of the variance. */
  explained: number[];
  /** The loss floor (λ₃ + λ₄)/d. */
  floor: number;
  /** The largest curvature at the minimum, 8·λ₁/d (the closed form nested tapes are checked against). */
  curvatureAtMinimum: number;
  /** Each measurement's variance as the lesson trains on it (cm² raw; 1 once z-scored); they sum to the eigenvalues' sum. */
  featureVariance: number[];
  /** How much each measurement counts in exact PCA's first direction (its unit vector's entries). */
  firstAxis: number[];
}

/** Exact PCA's picture of the flowers, and the learned one turned onto it (orthogonal Procrustes). */
export interface PcaPicture {
  /** Each flower at x·(PCA's two directions), row-major n×2. */
  pca: number[];
  /** Each flower at x·W·R, row-major n×2 (empty without W). */
  aligned: number[];
  /** The turn R applied to the learned picture, in degrees, and whether it also flips it. */
  turnDegrees: number;
  flipped: boolean;
  /** Half the side of a square frame that holds PCA's picture with room to spare: the axes stay put as W learns. */
  extent: number;
}

export interface StressInfo {
  names: readonly string[];
  points3d: number[][];
  pairs: string[];
  distances3d: number[];
  bestLayout: number[];
  floor: number;
}

/** rows · w for n×d rows and a d×2 w: each row's two coordinates. */
const projectRows = (rows: readonly (readonly number[])[], w: readonly (readonly number[])[]) =>
  rows.map((r) => [0, 1].map((c) => r.reduce((s, v, i) => s + v * w[i][c], 0)));

/**
 * Each dataset's rows and exact PCA's picture of them, worked out once: the page asks for W's
 * picture with every batch of a run, and the data and PCA's picture never change.
 */
const pcaPictures = new Map<ReduceDataset, { rows: number[][]; zp: number[][]; extent: number }>();
function pcaPictureOf(dataset: ReduceDataset) {
  let p = pcaPictures.get(dataset);
  if (!p) {
    const d = prepareDataset(dataset);
    const zp = projectRows(d.rows, d.pca.components);
    p = { rows: d.rows, zp, extent: 1.1 * Math.max(...zp.flat().map(Math.abs)) };
    pcaPictures.set(dataset, p);
  }
  return p;
}

const checkDataset = (d: unknown): ReduceDataset => {
  if (!(REDUCE_DATASETS as readonly unknown[]).includes(d))
    throw new ConfigError([{ field: 'dataset', message: `Dataset must be one of ${REDUCE_DATASETS.join(', ')}.` }]);
  return d as ReduceDataset;
};

export const reduceQueries = {
  /** The rows' exact PCA and what follows from it (computed once per call, in float64). */
  async datasetInfo(dataset: ReduceDataset): Promise<DatasetInfo> {
    const d = prepareDataset(checkDataset(dataset));
    return {
      dataset: d.dataset,
      features: IRIS_FEATURES,
      species: d.species,
      speciesNames: IRIS_SPECIES,
      eigenvalues: d.pca.eigenvalues,
      explained: d.pca.explained,
      floor: d.floor,
      curvatureAtMinimum: d.curvatureAtMinimum,
      featureVariance: covariance(d.rows).map((row, i) => row[i]),
      firstAxis: d.pca.components.map((row) => row[0]),
    };
  },

  /**
   * Exact PCA's picture, and the learned W's turned to face the same way: the best rotation (or
   * flip) R of x·W onto PCA's, so the two can be compared point by point as W learns.
   */
  async pcaPicture(dataset: ReduceDataset, weights?: number[]): Promise<PcaPicture> {
    const { rows, zp, extent } = pcaPictureOf(checkDataset(dataset));
    const k = rows[0].length;
    if (!weights || weights.length !== 2 * k || !weights.every(Number.isFinite))
      return { pca: zp.flat(), aligned: [], turnDegrees: 0, flipped: false, extent };
    const w = Array.from({ length: k }, (_, i) => [weights[2 * i], weights[2 * i + 1]]);
    const zl = projectRows(rows, w);
    const r = procrustes2(zl, zp);
    const aligned = zl.map(([x, y]) => [x * r[0][0] + y * r[1][0], x * r[0][1] + y * r[1][1]]);
    const flipped = r[0][0] * r[1][1] - r[0][1] * r[1][0] < 0;
    return {
      pca: zp.flat(),
      aligned: aligned.flat(),
      turnDegrees: (Math.atan2(r[0][1], r[0][0]) * 180) / Math.PI,
      flipped,
      extent,
    };
  },

  /** The loss's largest curvature at W (exact PCA's axes by default), by power iteration on Hessian-vector products. */
  async reduceCurvature(dataset: ReduceDataset, weights?: number[]): Promise<Curvature> {
    return autoencoderCurvature({ dataset: checkDataset(dataset) }, weights);
  },

  /** Where a flower measured in cm lands for the trained W (scaled with the dataset's own statistics). */
  async projectFlower(dataset: ReduceDataset, weights: number[], cm: number[]): Promise<[number, number]> {
    const config = assertValidAutoencoderConfig({
      ...IRIS_AUTOENCODER_CONFIG,
      dataset: checkDataset(dataset),
      dtype: 'float64',
    });
    if (
      !Array.isArray(cm) ||
      cm.length !== 4 ||
      !cm.every((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1000)
    ) {
      throw new ConfigError([
        { field: 'flower', message: 'A flower needs four measurements in cm, each between −1,000 and 1,000.' },
      ]);
    }
    return new AutoencoderTrainer(config, { step: 0, weights, firstLoss: null }).projectFlower(cm);
  },

  /** The four points A–D, their distances and the best flat layout. */
  async stressInfo(): Promise<StressInfo> {
    return {
      names: POINT_NAMES,
      points3d: POINT_NAMES.map((n) => [...POINTS_3D[n]]),
      pairs: PAIRS.map(([i, j]) => POINT_NAMES[i] + POINT_NAMES[j]),
      distances3d: distances3d(),
      bestLayout: bestLayout(),
      floor: STRESS_FLOOR,
    };
  },

  /** Where a run of `config` starts: its 2-D points before any step (and the four points' pair distances, the angle to PCA). */
  async reduceStart(
    config: unknown,
  ): Promise<{ points: number[]; weights: number[]; pairDistances: number[] | null; angle: number | null }> {
    const valid = assertValidReduceConfig(config);
    const { kind, ...settings } = valid;
    if (kind === 'stress') {
      const positions = initialStressState(settings as StressConfig).positions;
      return {
        points: positions,
        weights: positions,
        pairDistances: pairsTable(positions).map((p) => p.d2),
        angle: null,
      };
    }
    const t = new AutoencoderTrainer(settings as AutoencoderConfig);
    return { points: t.embedding().flat(), weights: t.state.weights, pairDistances: null, angle: t.angleToPca() };
  },

  /** The stress loss's largest curvature at the best layout, from nested tapes. */
  async stressCurvature(): Promise<Curvature> {
    return stressCurvature();
  },
};
