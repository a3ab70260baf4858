// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { trainerApi, type ReduceBatch } from '../../workers/trainer-api.ts';
import {
  AutoencoderTrainer,
  IRIS_AUTOENCODER_CONFIG,
  type AutoencoderState,
} from '../../src/training/reduce/autoencoder.ts';
import { STRESS_CONFIG } from '../../src/training/reduce/stress.ts';

let ids = 70_000;

describe('the Reduce lesson in the worker', () => {
  it('knows the z-scored flowers: eigenvalues 2.9185, 0.9140, 0.1468, 0.0207; two components keep 95.81 %; floor 0.041868', async () => {
    const info = await trainerApi.datasetInfo('iris-z');
    expect(info.eigenvalues.map((v) => Number(v.toFixed(4)))).toEqual([2.9185, 0.914, 0.1468, 0.0207]);
    expect((info.explained[0] + info.explained[1]) * 100).toBeCloseTo(95.81, 2);
    expect(info.floor).toBeCloseTo(0.041868, 6);
    expect(info.species).toHaveLength(150);
    const raw = await trainerApi.datasetInfo('iris-raw');
    expect([raw.explained[0] * 100, raw.explained[1] * 100].map((v) => Number(v.toFixed(1)))).toEqual([92.5, 5.3]);
    // Each measurement's variance: 1 once z-scored; raw, petal length is most of it.
    for (const v of info.featureVariance) expect(v).toBeCloseTo(1, 10);
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    expect(sum(raw.featureVariance)).toBeCloseTo(sum(raw.eigenvalues), 10);
    expect(raw.featureVariance[2] / sum(raw.featureVariance)).toBeGreaterThan(0.6);
    expect(Math.abs(raw.firstAxis[2])).toBeGreaterThan(0.8);
    expect(Math.hypot(...info.firstAxis)).toBeCloseTo(1, 10);
  });

  it('measures the largest curvature at the minimum with nested tapes: 5.84 = 2·λ₁, so the limit is ≈ 0.343', async () => {
    const c = await trainerApi.reduceCurvature('iris-z');
    expect(c.curvature).toBeCloseTo(5.837, 3);
    expect(c.stableLearningRate).toBeCloseTo(0.343, 3);
  });

  it('streams a paced-or-not run with the flowers’ positions in every batch, and ends with its state', async () => {
    const batches: ReduceBatch[] = [];
    const end = await trainerApi.trainReduce(
      { kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG },
      (b) => {
        batches.push(b);
      },
      { runId: ids++, channel: 'r1' },
    );
    expect(end).toMatchObject({ status: 'done', lastStep: 300, state: { step: 300 } });
    const steps = batches.flatMap((b) => Array.from(b.steps));
    expect(steps).toEqual(Array.from({ length: 301 }, (_, i) => i));
    expect(batches.every((b) => b.points.length === 300 && b.weights.length === 8)).toBe(true);
    expect(end.elapsedMs).toBeGreaterThan(0);
  });

  it('a new flower lands where the same flower in the data lands', async () => {
    const end = await trainerApi.trainReduce(
      { kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' },
      () => undefined,
      { runId: ids++, channel: 'r2' },
    );
    const w = (end.state as { weights: number[] }).weights;
    const start = await trainerApi.reduceStart({ kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' });
    expect(start.points).toHaveLength(300);
    const first = await trainerApi.projectFlower('iris-z', w, [5.1, 3.5, 1.4, 0.2]); // flower 1 of the data
    const batches: ReduceBatch[] = [];
    await trainerApi.trainReduce(
      { kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' },
      (b) => {
        batches.push(b);
      },
      { runId: ids++, channel: 'r3' },
    );
    const last = batches[batches.length - 1].points;
    expect(first[0]).toBeCloseTo(last[0], 9);
    expect(first[1]).toBeCloseTo(last[1], 9);
    await expect(trainerApi.projectFlower('iris-z', w, [1, 2])).rejects.toMatchObject({ name: 'ConfigError' });
  });

  it('the four points: their 3-D distances, the start, and a run that settles near 1/9', async () => {
    const info = await trainerApi.stressInfo();
    expect(info.pairs).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);
    expect(info.distances3d[1]).toBe(2);
    const start = await trainerApi.reduceStart({ kind: 'stress', ...STRESS_CONFIG });
    expect(start.pairDistances).toHaveLength(6);
    const batches: ReduceBatch[] = [];
    await trainerApi.trainReduce(
      { kind: 'stress', ...STRESS_CONFIG },
      (b) => {
        batches.push(b);
      },
      { runId: ids++, channel: 'r4' },
    );
    const loss = batches.flatMap((b) => Array.from(b.loss));
    expect(Math.abs(loss[loss.length - 1] - 1 / 9)).toBeLessThan(1e-4);
    expect(batches[batches.length - 1].pairDistances).toHaveLength(6);
  });

  it('every row is a state: the last row’s loss and angle are those of the W the run ends with', async () => {
    const batches: ReduceBatch[] = [];
    const config = { kind: 'autoencoder' as const, ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' as const, steps: 5 };
    const end = await trainerApi.trainReduce(config, (b) => void batches.push(b), { runId: ids++, channel: 'r6' });
    const loss = batches.flatMap((b) => Array.from(b.loss));
    const angle = batches.flatMap((b) => Array.from(b.angle));
    const ended = new AutoencoderTrainer(
      { ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' },
      end.state as AutoencoderState,
    );
    expect(loss).toHaveLength(6);
    expect(loss[5]).toBe(ended.at().loss);
    expect(angle[5]).toBeCloseTo(ended.angleToPca(), 12);
    // Row 0 is the start: W's seeded values, before any update.
    const start = new AutoencoderTrainer({ ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' });
    expect(loss[0]).toBe(start.at().loss);
    expect(loss[1]).toBeLessThan(loss[0]);
  });

  it('PCA’s picture, and W’s turned onto it: small at the start, the same picture once trained', async () => {
    const start = await trainerApi.reduceStart({ kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' });
    const first = await trainerApi.pcaPicture('iris-z', start.weights);
    expect(first.pca).toHaveLength(300);
    const size = (xs: number[]) => Math.max(...xs.map(Math.abs));
    // W starts small: its picture is a fraction of PCA's, inside the frame PCA's sets.
    expect(size(first.aligned)).toBeLessThan(0.3 * size(first.pca));
    expect(first.extent).toBeGreaterThan(size(first.pca));
    const end = await trainerApi.trainReduce(
      { kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64', steps: 600 },
      () => undefined,
      { runId: ids++, channel: 'r7' },
    );
    const trained = await trainerApi.pcaPicture('iris-z', (end.state as AutoencoderState).weights);
    const gap = Math.max(...trained.aligned.map((v, i) => Math.abs(v - trained.pca[i])));
    expect(gap).toBeLessThan(0.02 * size(trained.pca));
    expect(await trainerApi.pcaPicture('iris-z')).toMatchObject({ aligned: [] });
  });

  it('the four points end once settled at the floor, and a slow run that barely moves does not', async () => {
    const quick = await trainerApi.trainReduce({ kind: 'stress', ...STRESS_CONFIG, steps: 300 }, () => undefined, {
      runId: ids++,
      channel: 'r8',
    });
    expect(quick.status).toBe('done');
    expect(quick.lastStep).toBeLessThan(150);
    expect(quick.message).toMatch(new RegExp(`^Settled at step ${quick.lastStep}:`));
    const slow = await trainerApi.trainReduce(
      { kind: 'stress', ...STRESS_CONFIG, learningRate: 0.0005, steps: 200 },
      () => undefined,
      { runId: ids++, channel: 'r9' },
    );
    expect(slow).toMatchObject({ status: 'done', lastStep: 200 });
    expect(slow.message).toBeUndefined();
  });

  it('rejects a bad config with a typed error', async () => {
    await expect(
      trainerApi.trainReduce({ kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG, learningRate: -1 }, () => undefined, {
        runId: ids++,
      }),
    ).rejects.toMatchObject({ name: 'ConfigError' });
  });

  it('a Stop sent the moment a run starts (its code still loading) ends it at step 0', async () => {
    const runId = ids++;
    const batches: ReduceBatch[] = [];
    const ended = trainerApi.trainReduce(
      { kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG },
      (b) => {
        batches.push(b);
      },
      { runId, channel: 'r-stop' },
    );
    await trainerApi.stop(runId);
    const end = await ended;
    expect(end.status).toBe('stopped');
    expect(end.lastStep).toBe(0);
  });
});
