// Lesson 3's engine side: the stacked negator without biases from given weights, the |x|
// network along its input, the backprop step's tape (a value used twice, a dead ReLU unit,
// checked against central differences), and the worker's lesson-3 questions.
import { describe, expect, it } from 'vitest';
import {
  PLAYGROUND_DEFAULTS,
  networkIssues,
  parameterCount,
  type NetworkConfig,
} from '../../../src/training/network/config.ts';
import { NetworkTrainer } from '../../../src/training/network/trainer.ts';
import {
  LAYER_PARAMS,
  LAYER_TAPE_DEFAULTS,
  layerFiniteDifference,
  recordLayerTape,
} from '../../../src/training/network/layer-tape.ts';
import { networkQueries } from '../../../workers/network-queries.ts';
import { NetworkRun } from '../../../workers/network-run.ts';
import type { NetworkBatch } from '../../../workers/network-run.ts';

export const STACK: NetworkConfig = {
  ...PLAYGROUND_DEFAULTS,
  data: { kind: 'pairs', inputs: [[3]], targets: [-3] },
  hidden: [1],
  activation: 'linear',
  learningRate: 0.01,
  batchSize: 1,
  epochs: 60,
  biases: false,
  init: [0.5, 0.5],
  dtype: 'float64',
};

describe('two linear layers without biases: ŷ = w₂·(w₁·x)', () => {
  it('has two numbers and starts from the given ones', () => {
    expect(parameterCount(STACK)).toBe(2);
    const t = new NetworkTrainer({ ...STACK, init: [0.5, -0.2] });
    expect(t.state.layers.map((l) => [l.w, l.b])).toEqual([
      [[0.5], []],
      [[-0.2], []],
    ]);
  });

  it('trains to a point of the hyperbola w₁·w₂ = −1, following the tape’s gradient', () => {
    const t = new NetworkTrainer({ ...STACK, init: [0.5, -0.2] });
    // One step by hand: L = (t − x·w₁·w₂)²·½ (the trainer's half squared error).
    const [w1, w2, x, y] = [0.5, -0.2, 3, -3];
    const r = x * w1 * w2 - y;
    t.step();
    const [[a], [b]] = t.state.layers.map((l) => l.w);
    expect(a).toBeCloseTo(w1 - 0.01 * r * x * w2, 12);
    expect(b).toBeCloseTo(w2 - 0.01 * r * x * w1, 12);
    for (let e = 1; e < 400; e++) t.step();
    const [[p], [q]] = t.state.layers.map((l) => l.w);
    expect(p * q).toBeCloseTo(-1, 6);
  });

  it('a symmetric start (w₁ = w₂) can never reach it: the two stay equal and shrink to the saddle at 0', () => {
    const t = new NetworkTrainer(STACK);
    let last = t.step();
    for (let e = 1; e < 200; e++) last = t.step();
    const [[p], [q]] = t.state.layers.map((l) => l.w);
    expect(Math.abs(p - q)).toBeLessThan(1e-8);
    expect(p * q).toBeGreaterThanOrEqual(0);
    expect(Math.abs(p)).toBeLessThan(1e-3);
    expect(last.trainLoss).toBeCloseTo(4.5, 4); // ½·(−3)²: nothing learnt
  });

  it('rejects starting weights of the wrong count, naming how many it needs', () => {
    const issues = networkIssues({ ...STACK, init: [1, 2, 3] });
    expect(issues).toEqual([
      { field: 'init', message: 'Starting weights: 2 finite numbers, one per weight and bias.' },
    ]);
    expect(networkIssues({ ...STACK, init: [1, Number.NaN] })[0].field).toBe('init');
    expect(networkIssues({ ...STACK, biases: 'no' })[0].field).toBe('biases');
  });

  it('a small run sends every epoch’s weights, so the path can be drawn', async () => {
    const batches: NetworkBatch[] = [];
    const run = new NetworkRun({ ...STACK, init: [0.5, -0.2] }, 1, (b) => void batches.push(b));
    for (let e = 0; e < 5; e++) run.step();
    await run.flush();
    const [b] = batches;
    expect(b.weightRows.length).toBe(6 * 2);
    expect(Array.from(b.weightRows.subarray(0, 2))).toEqual([0.5, -0.2]);
    expect(Array.from(b.weightRows.subarray(10))).toEqual(Array.from(b.weights));
  });
});

describe('|x| along its input', () => {
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

  it('the output is the sum of the pieces plus the bias, over [−3, 3]', () => {
    const t = new NetworkTrainer(ABS);
    for (let e = 0; e < 300; e++) t.step();
    const c = t.curves(61)!;
    expect(c.xs[0]).toBeCloseTo(-3, 6);
    expect(c.xs[60]).toBeCloseTo(3, 6);
    expect(c.unitCount).toBe(2);
    for (let i = 0; i < 61; i++) {
      expect(c.output[i]).toBeCloseTo(c.pieces[i] + c.pieces[61 + i] + c.bias, 5);
      expect(c.units[i]).toBeGreaterThanOrEqual(0);
    }
  });

  it('is not drawn for plane data', () => {
    expect(new NetworkTrainer(PLAYGROUND_DEFAULTS).curves()).toBeNull();
  });
});

describe('backprop through a layer: the 1 → 2 → 1 tape', () => {
  it.each(['float64', 'float32'] as const)('every parameter’s gradient matches central differences (%s)', (dtype) => {
    const input = { ...LAYER_TAPE_DEFAULTS, dtype };
    const r = recordLayerTape(input);
    for (const p of LAYER_PARAMS) {
      const fd = layerFiniteDifference(input, p, dtype === 'float64' ? 1e-5 : 1e-2);
      expect(Math.abs(fd.estimate - r.gradients[p])).toBeLessThan(dtype === 'float64' ? 1e-8 : 2e-3);
    }
  });

  it('x is read by both hidden units: its gradient is the sum of what each edge brings', () => {
    const r = recordLayerTape(LAYER_TAPE_DEFAULTS);
    expect(r.xParts[0]).not.toBe(0);
    expect(r.xParts[1]).not.toBe(0);
    expect(r.xParts[0] + r.xParts[1]).toBeCloseTo(r.gradients.x, 14);
  });

  it('tanh′ = 1 − tanh²: the local derivative of each unit’s tanh, from the engine', () => {
    const r = recordLayerTape(LAYER_TAPE_DEFAULTS);
    const tanhs = r.trace.flatMap((e, i) => (e.op === 'tanh' ? [i] : []));
    expect(tanhs).toHaveLength(2);
    tanhs.forEach((i, k) => expect(r.locals[i][0]).toBeCloseTo(1 - r.h[k] ** 2, 14));
  });

  it('under ReLU, unit 2’s input is negative: it passes no gradient back, so w₂ and b₂ get 0', () => {
    const r = recordLayerTape({ ...LAYER_TAPE_DEFAULTS, activation: 'relu' });
    expect(r.z[1]).toBeLessThan(0);
    expect(r.h[1]).toBe(0);
    expect(Math.abs(r.gradients.w2)).toBe(0);
    expect(Math.abs(r.gradients.b2)).toBe(0);
    expect(r.xParts[1]).toBe(0);
    expect(r.gradients.x).toBe(r.xParts[0]);
  });

  it('bad numbers are a typed error naming the field', () => {
    expect(() => recordLayerTape({ ...LAYER_TAPE_DEFAULTS, x: Number.NaN })).toThrow(/x must be a finite number/);
  });
});

describe('the worker’s lesson-3 questions', () => {
  it('the stacked loss over (w₁, w₂) is ½(x·w₁·w₂ − t)², zero along the hyperbola', async () => {
    const g = await networkQueries.stackLandscape({ input: 3, target: -3, w1: [-2, 2], w2: [-2, 2], n: 41 });
    expect(g.ws).toHaveLength(41);
    g.bs.forEach((w2, j) =>
      g.ws.forEach((w1, i) => expect(g.losses[j][i]).toBeCloseTo(0.5 * (3 * w1 * w2 + 3) ** 2, 10)),
    );
    expect(g.losses[30][10]).toBeCloseTo(0, 12); // w₁ = −1, w₂ = 1
    await expect(
      networkQueries.stackLandscape({ input: 3, target: -3, w1: [2, -2], w2: [-2, 2], n: 41 }),
    ).rejects.toThrow(/lo < hi/);
  });

  it('one iris flower through trained weights: probabilities sum to 1 and the loss is −log p(actual)', async () => {
    const config: NetworkConfig = {
      ...PLAYGROUND_DEFAULTS,
      data: { kind: 'iris', testCount: 30, seed: 1 },
      hidden: [8],
      loss: 'cross-entropy',
      learningRate: 0.1,
      epochs: 50,
      dtype: 'float64',
    };
    const t = new NetworkTrainer(config);
    for (let e = 0; e < 50; e++) t.step();
    const weights = t.state.layers.flatMap((l) => [...l.w, ...l.b]);
    const r = await networkQueries.exampleThrough(config, weights, 'test', 0);
    expect(r.inputs).toHaveLength(4);
    expect(r.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(r.loss).toBeCloseTo(-Math.log(r.probabilities[r.actual]), 12);
    expect(r.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('the iris network mixes up versicolor and virginica, never setosa', async () => {
    const r = await networkQueries.confusedPair({
      ...PLAYGROUND_DEFAULTS,
      data: { kind: 'iris', testCount: 30, seed: 1 },
      hidden: [8],
      loss: 'cross-entropy',
      learningRate: 0.1,
      epochs: 200,
    });
    expect(r.pair).toEqual([1, 2]);
    expect(r.count).toBeGreaterThan(0);
    const all = [...r.train, ...r.test];
    expect(all.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0)).toBe(150);
    expect(r.train[0][1] + r.train[0][2] + r.train[1][0] + r.train[2][0]).toBe(0);
    // A question cannot be paused: it refuses to train for long.
    await expect(
      networkQueries.confusedPair({
        ...PLAYGROUND_DEFAULTS,
        data: { kind: 'iris', testCount: 30, seed: 1 },
        hidden: [8],
        loss: 'cross-entropy',
        epochs: 100_000,
      }),
    ).rejects.toThrow(/at most 2,000 epochs/);
  });

  it('a plane data set’s points: training then test, by the split', async () => {
    const p = await networkQueries.dataPoints({
      ...(PLAYGROUND_DEFAULTS.data as Extract<NetworkConfig['data'], { kind: 'plane' }>),
      points: 100,
    });
    expect(p.train.length / 2).toBe(50);
    expect(p.testClass).toHaveLength(50);
  });
});
