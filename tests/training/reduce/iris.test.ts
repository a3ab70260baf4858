import { describe, expect, it } from 'vitest';
import {
  IRIS_FEATURES,
  IRIS_SPECIES,
  applyScaling,
  center,
  loadIris,
  standardize,
} from '../../../src/training/reduce/iris.ts';
import { ReduceError } from '../../../src/training/reduce/errors.ts';

describe('loadIris', () => {
  it('has Fisher’s 150 flowers, 50 of each species, four measurements in cm', () => {
    const { measurements, species } = loadIris();
    expect(measurements).toHaveLength(150);
    expect(measurements.every((r) => r.length === IRIS_FEATURES.length)).toBe(true);
    for (const s of IRIS_SPECIES) expect(species.filter((x) => x === s)).toHaveLength(50);
    expect(measurements[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
    // Rows 35 and 38 are Fisher's values, not the UCI copy's typos.
    expect(measurements[34]).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(measurements[37]).toEqual([4.9, 3.6, 1.4, 0.1]);
  });

  it('returns a fresh copy each time', () => {
    const a = loadIris();
    a.measurements[0][0] = 99;
    expect(loadIris().measurements[0][0]).toBe(5.1);
  });
});

describe('standardize', () => {
  it('gives every column mean 0 and population standard deviation 1', () => {
    const { rows, scaling } = standardize(loadIris().measurements);
    for (let j = 0; j < 4; j++) {
      const col = rows.map((r) => r[j]);
      const mean = col.reduce((s, x) => s + x, 0) / col.length;
      const variance = col.reduce((s, x) => s + (x - mean) ** 2, 0) / col.length;
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(1, 12);
    }
    // Population std of sepal length (divide by 150, not 149).
    expect(scaling.scale[0]).toBeCloseTo(0.8253012917851409, 12);
  });

  it('places a new flower with exactly the arithmetic used for the data', () => {
    const cm = loadIris().measurements;
    const { rows, scaling } = standardize(cm);
    expect(applyScaling([cm[17]], scaling)[0]).toEqual(rows[17]);
  });

  it('rejects a constant column', () => {
    expect(() =>
      standardize([
        [1, 2],
        [1, 3],
      ]),
    ).toThrow(ReduceError);
    expect(() =>
      standardize([
        [1, 2],
        [1, 3],
      ]),
    ).toThrow(/column 1 is constant/);
  });

  it('center keeps centimetres and only removes the means', () => {
    const { rows, scaling } = center([
      [1, 10],
      [3, 20],
    ]);
    expect(rows).toEqual([
      [-1, -5],
      [1, 5],
    ]);
    expect(scaling).toEqual({ mean: [2, 15], scale: [1, 1] });
  });
});
