/**
 * The rows the autoencoder trains on, with everything the page compares them against: the
 * exact PCA of the same rows, the loss floor and the curvature limit it implies.
 */
import { center, loadIris, standardize, type IrisSpecies, type Scaling } from './iris.ts';
import { pca, reconstructionFloor, type Pca } from './linalg.ts';

export type { ReduceDataset } from './configs.ts';
import type { ReduceDataset } from './configs.ts';
export const REDUCE_DATASETS: readonly ReduceDataset[] = Object.freeze(['iris-z', 'iris-raw']);

/** Components kept: the plane the scatter draws. */
export const COMPONENTS = 2;

export interface ReduceData {
  dataset: ReduceDataset;
  /** n×d rows as trained on (centred, and scaled for 'iris-z'). */
  rows: number[][];
  species: IrisSpecies[];
  /** How a flower in cm becomes a row: (cm − mean) / scale. */
  scaling: Scaling;
  /** Exact PCA of `rows` keeping {@link COMPONENTS} axes. */
  pca: Pca;
  /** The lowest loss any W reaches: (λ₃ + λ₄) / d, 0.041868 for 'iris-z'. */
  floor: number;
  /**
   * The loss's largest curvature at its minimum, 8·λ₁/d: along W's first column the loss
   * varies as λ₁·(1 − s²)²/d, whose second derivative at s = 1 is 8·λ₁/d (= 2·λ₁ for d = 4).
   * curvature.ts measures it with nested tapes; this is the closed form to check it against.
   */
  curvatureAtMinimum: number;
}

/** Loads and prepares a dataset; a fresh object each call (nothing is shared or cached). */
export function prepareDataset(dataset: ReduceDataset): ReduceData {
  const iris = loadIris();
  const { rows, scaling } = dataset === 'iris-z' ? standardize(iris.measurements) : center(iris.measurements);
  const exact = pca(rows, COMPONENTS);
  const d = exact.eigenvalues.length;
  return {
    dataset,
    rows,
    species: iris.species,
    scaling,
    pca: exact,
    floor: reconstructionFloor(exact.eigenvalues, COMPONENTS),
    curvatureAtMinimum: (8 * exact.eigenvalues[0]) / d,
  };
}
