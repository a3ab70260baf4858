import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reduceStore } from '../../src/store/reduce-store.ts';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import { trainerApi } from '../../workers/trainer-api.ts';
import { IRIS_AUTOENCODER_CONFIG } from '../../src/training/reduce/autoencoder.ts';
import { STRESS_CONFIG } from '../../src/training/reduce/stress.ts';
import type { ReduceRunConfig } from '../../src/worker-client.ts';

const iris = (over: Partial<typeof IRIS_AUTOENCODER_CONFIG> = {}): ReduceRunConfig => ({
  kind: 'autoencoder',
  ...IRIS_AUTOENCODER_CONFIG,
  dtype: 'float64',
  ...over,
});
const col = (channel: string, k: 'loss' | 'angle' | 'steps') => {
  const r = reduceStore.getState().runs[channel]!;
  return Array.from(r.history.column(k).subarray(0, r.history.length));
};

beforeEach(() => {
  setTrainerClient(trainerApi);
  reduceStore.setState({ runs: {} });
});
afterEach(() => setTrainerClient(null));

describe('reduce store', () => {
  it('trains the iris autoencoder: rows 0…300, the loss reaches the PCA floor, the angle falls below 1°', async () => {
    await reduceStore.getState().train('iris', iris());
    const run = reduceStore.getState().runs.iris!;
    expect(run.status).toBe('done');
    expect(col('iris', 'steps')).toEqual(Array.from({ length: 301 }, (_, i) => i));
    expect(Math.abs(col('iris', 'loss')[300] - 0.041868)).toBeLessThan(1e-5);
    expect(col('iris', 'angle')[300]).toBeLessThan(1);
    expect(run.points).toHaveLength(300); // 150 flowers × 2
    expect(run.weights).toHaveLength(8);
    expect(run.state?.step).toBe(300);
  });

  it('Step continues the run exactly: 10 steps then 2 Steps is the 12-step run', async () => {
    await reduceStore.getState().train('a', iris({ steps: 10 }));
    await reduceStore.getState().step('a', iris({ steps: 10 }));
    await reduceStore.getState().step('a', iris({ steps: 10 }));
    await reduceStore.getState().train('b', iris({ steps: 12 }));
    expect(col('a', 'loss')).toEqual(col('b', 'loss'));
    expect(reduceStore.getState().runs.a!.status).toBe('stepped');
  });

  it('a first Step starts a one-step run that the next Step continues', async () => {
    await reduceStore.getState().step('p', { kind: 'stress', ...STRESS_CONFIG });
    await reduceStore.getState().step('p', { kind: 'stress', ...STRESS_CONFIG });
    expect(col('p', 'steps')).toEqual([0, 1, 2]);
    expect(reduceStore.getState().runs.p!.pairDistances).toHaveLength(6);
  });

  it('learning rate 1.0 blows up: marked where it was caught, stopped on the overflow, nothing non-finite kept', async () => {
    await reduceStore.getState().train('x', iris({ learningRate: 1, steps: 300 }));
    const run = reduceStore.getState().runs.x!;
    expect(['overflowed', 'diverged']).toContain(run.status);
    expect(run.divergedAt).toBeGreaterThan(0);
    expect(run.message).toMatch(/blew up/);
    expect(col('x', 'loss').every(Number.isFinite)).toBe(true);
  });
});
