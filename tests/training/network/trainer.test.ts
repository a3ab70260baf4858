// The network trainer on the Playground's data and the iris flowers: what it learns, where it
// cannot, how it splits, its settings' checks, and that its gradients are the loss's.
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  PLAYGROUND_DEFAULTS,
  networkIssues,
  type NetworkConfig,
} from '../../../src/training/network/config.ts';
import { irisSplit } from '../../../src/training/network/problem.ts';
import { NetworkTrainer } from '../../../src/training/network/trainer.ts';
import { GradientTape, mean, mul, softmaxCrossEntropy, square, sub, tensor } from '../../../src/engine/index.ts';
import { loadIris } from '../../../src/training/reduce/iris.ts';

const plane = (
  dataset: 'xor' | 'circle' | 'spiral',
  hidden: number[],
  extra: Partial<NetworkConfig> = {},
): NetworkConfig => ({
  ...PLAYGROUND_DEFAULTS,
  data: { kind: 'plane', dataset, points: 500, noise: 0, trainPercent: 50, seed: 2, features: ['x1', 'x2'] },
  hidden,
  ...extra,
});

const IRIS: NetworkConfig = {
  ...PLAYGROUND_DEFAULTS,
  data: { kind: 'iris', testCount: 30, seed: 1 },
  hidden: [8],
  loss: 'cross-entropy',
  learningRate: 0.1,
  epochs: 200,
};

const train = (c: NetworkConfig, epochs: number) => {
  const t = new NetworkTrainer(c);
  let last = t.step();
  for (let e = 1; e < epochs; e++) last = t.step();
  return { t, last };
};

describe('what a network can and cannot learn', () => {
  it('XOR: one tanh unit stays near chance; a hidden layer of 4 solves it', () => {
    expect(train(plane('xor', []), 200).last.testAccuracy).toBeLessThan(0.75);
    expect(train(plane('xor', [4]), 300).last.testAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('the circle, with the Playground defaults (2 → 4 → 2 → 1), reaches ≥ 95 % on held-out points', () => {
    expect(train(plane('circle', [4, 2]), 300).last.testAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('reports epoch 1 after one step, with losses and a gradient size per layer', () => {
    const { last } = train(plane('circle', [4, 2]), 1);
    expect(last.epoch).toBe(1);
    expect(last.gradSizes).toHaveLength(3);
    expect(last.gradSizes.every((g) => g > 0)).toBe(true);
    expect(last.trainLoss).toBeGreaterThan(0);
  });

  it('continues from a state with the same bits as one uninterrupted run', () => {
    const whole = train(plane('circle', [4, 2]), 6).t.state;
    const half = train(plane('circle', [4, 2]), 3).t.state;
    const resumed = new NetworkTrainer(plane('circle', [4, 2]), half);
    for (let e = 0; e < 3; e++) resumed.step();
    expect(resumed.state).toEqual(whole);
  });

  it('L2 regularization keeps the weights smaller than none does', () => {
    const size = (c: NetworkConfig) =>
      train(c, 50)
        .t.state.layers.flatMap((l) => l.w)
        .reduce((s, w) => s + w * w, 0);
    expect(size(plane('circle', [4, 2], { regularization: 'l2', regularizationRate: 0.3 }))).toBeLessThan(
      size(plane('circle', [4, 2])),
    );
  });

  it('draws maps of the plane: the output and each hidden unit, within their ranges', () => {
    const { t } = train(plane('circle', [4, 2]), 5);
    const m = t.maps(20, 10)!;
    expect(m.output).toHaveLength(400);
    expect(m.units).toHaveLength(6 * 100);
    expect(m.output.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(new NetworkTrainer(IRIS).maps(20)).toBeNull();
  });
});

describe('numbers to fit: |x| from 21 pairs on [−2, 2]', () => {
  const xs = Array.from({ length: 21 }, (_, i) => -2 + i * 0.2);
  const ABS: NetworkConfig = {
    ...PLAYGROUND_DEFAULTS,
    data: { kind: 'pairs', inputs: xs.map((x) => [x]), targets: xs.map(Math.abs) },
    hidden: [2],
    activation: 'relu',
    learningRate: 0.1,
    batchSize: 21,
    dtype: 'float64',
  };

  it('the best line is flat: w → 0 and b → the mean of |x|, 1.0476, with loss 0.1846 left', () => {
    const { t, last } = train({ ...ABS, hidden: [] }, 3000);
    const [{ w, b }] = t.state.layers;
    expect(Math.abs(w[0])).toBeLessThan(1e-9);
    expect(b[0]).toBeCloseTo(22 / 21, 9);
    expect(last.trainLoss).toBeCloseTo(0.1846, 4);
    expect(last.testLoss).toBe(0);
  });

  it('a 1 → 2 → 1 ReLU network bends it: loss under 1e-6 (seed 1), one unit per side of 0', () => {
    const { t, last } = train({ ...ABS, initSeed: 1 }, 3000);
    expect(last.trainLoss).toBeLessThan(1e-6);
    const [hidden] = t.state.layers;
    expect(Math.sign(hidden.w[0])).toBe(-Math.sign(hidden.w[1]));
  });

  it('seed 4: a unit dies on the way (its input below 0 for every x, so no gradient reaches it) and the fit stays stuck', () => {
    const { t, last } = train({ ...ABS, initSeed: 4 }, 3000);
    expect(last.trainLoss).toBeGreaterThan(0.1);
    const [{ w, b }] = t.state.layers;
    const dead = [0, 1].filter((k) => xs.every((x) => w[k] * x + b[k] < 0));
    expect(dead).toHaveLength(1);
  });

  it('its gradient is the loss’s: a 1 → 2 → 1 tanh network against central differences', () => {
    const c: NetworkConfig = { ...ABS, activation: 'tanh' };
    const t = new NetworkTrainer(c);
    const x = tensor(xs, 'float64', [21, 1]);
    const y = tensor(xs.map(Math.abs), 'float64', [21, 1]);
    const lossAt = (w0: number[]) => {
      const f = new NetworkTrainer(c, { epoch: 0, layers: [{ ...t.state.layers[0], w: w0 }, t.state.layers[1]] });
      return mean(mul(square(sub(f.net.forward(x), y)), 0.5)).item();
    };
    const tape = new GradientTape();
    const w = t.net.layers[0].w;
    const value = tape.record(() => mean(mul(square(sub(t.net.forward(x), y)), 0.5)));
    const g = Array.from(tape.gradient(value, w).data);
    const w0 = Array.from(w.data);
    g.forEach((gi, i) => {
      const up = [...w0],
        down = [...w0];
      up[i] += 1e-5;
      down[i] -= 1e-5;
      expect(Math.abs(gi - (lossAt(up) - lossAt(down)) / 2e-5)).toBeLessThan(1e-8);
    });
  });

  it('are checked: one target per example, squared error only', () => {
    expect(networkIssues({ ...ABS, data: { kind: 'pairs', inputs: [[1], [2]], targets: [1] } })[0].field).toBe(
      'data.targets',
    );
    expect(networkIssues({ ...ABS, data: { kind: 'pairs', inputs: [[1], [2, 3]], targets: [1, 2] } })[0].field).toBe(
      'data.inputs',
    );
    expect(networkIssues({ ...ABS, loss: 'cross-entropy' })[0].message).toMatch(/squared error/);
  });
});

describe('the iris flowers', () => {
  it('are split stratified (10 of each species held out) and by the seed', () => {
    const { species } = loadIris();
    const a = irisSplit(30, 1);
    expect(a.test).toHaveLength(30);
    expect(new Set([...a.train, ...a.test]).size).toBe(150);
    for (const s of ['setosa', 'versicolor', 'virginica'])
      expect(a.test.filter((i) => species[i] === s)).toHaveLength(10);
    expect(irisSplit(30, 1)).toEqual(a);
    expect(irisSplit(30, 2).test).not.toEqual(a.test);
  });

  it.each([1, 2, 3])('seed %i: 4 → 8 → 3 with cross-entropy names ≥ 90 % of the held-out flowers', (seed) => {
    const { t, last } = train({ ...IRIS, data: { kind: 'iris', testCount: 30, seed }, initSeed: seed }, 200);
    expect(last.testAccuracy).toBeGreaterThanOrEqual(0.9);
    const confusion = t.confusion();
    expect(confusion.flat().reduce((a, b) => a + b, 0)).toBe(30);
    expect(confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([10, 10, 10]);
  });
});

describe('gradients are the loss’s (central differences in float64)', () => {
  it.each([
    ['4 → 2 → 3', [2], 'float64'],
    ['4 → 8 → 3', [8], 'float64'],
    ['4 → 8 → 3', [8], 'float32'],
  ] as const)('%s in %s', (_name, hidden, dtype) => {
    const c: NetworkConfig = { ...IRIS, hidden: [...hidden], dtype, batchSize: 120 };
    const t = new NetworkTrainer(c);
    const sizes = t.net.spec.sizes;
    const { x, cls, n } = t.problem.train;
    const xs = tensor(Array.from(x), 'float64', [n, sizes[0]]);
    const y = tensor(
      Array.from({ length: n * 3 }, (_, i) => Number(cls[Math.floor(i / 3)] === i % 3)),
      'float64',
      [n, 3],
    );
    // The loss as a function of the first layer's weights, all else fixed, in float64.
    const start = t.state.layers;
    const loss = (w0: number[]) => {
      const f = new NetworkTrainer(
        { ...c, dtype: 'float64' },
        { epoch: 0, layers: [{ ...start[0], w: w0 }, ...start.slice(1)] },
      );
      return mean(softmaxCrossEntropy(y, f.net.forward(xs))).item();
    };
    const tape = new GradientTape();
    const w = t.net.layers[0].w;
    const value = tape.record(() =>
      mean(
        softmaxCrossEntropy(
          tensor(Array.from(y.data), dtype, [n, 3]),
          t.net.forward(tensor(Array.from(x), dtype, [n, sizes[0]])),
        ),
      ),
    );
    const g = Array.from(tape.gradient(value, w).data);
    const h = 1e-5;
    const w0 = Array.from(w.data);
    g.forEach((gi, i) => {
      const up = [...w0],
        down = [...w0];
      up[i] += h;
      down[i] -= h;
      const numeric = (loss(up) - loss(down)) / (2 * h);
      expect(Math.abs(gi - numeric)).toBeLessThan(dtype === 'float64' ? 1e-7 : 1e-4);
    });
  });
});

describe('settings', () => {
  it('are checked with a typed error naming each field', () => {
    expect(networkIssues(PLAYGROUND_DEFAULTS)).toEqual([]);
    const issues = networkIssues({ ...PLAYGROUND_DEFAULTS, hidden: [9], learningRate: 0, extra: 1 });
    expect(issues.map((i) => i.field).sort()).toEqual(['extra', 'hidden', 'learningRate']);
    expect(networkIssues({ ...IRIS, loss: 'squared' })[0].message).toMatch(/cross-entropy/);
    expect(() => new NetworkTrainer({ ...PLAYGROUND_DEFAULTS, epochs: -1 })).toThrow(ConfigError);
    expect(networkIssues(null)[0].message).toMatch(/object/);
  });
});
