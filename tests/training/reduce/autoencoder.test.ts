import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/engine/index.ts';
import {
  AutoencoderTrainer,
  IRIS_AUTOENCODER_CONFIG,
  autoencoderLoss,
  initialWeights,
  validateAutoencoderConfig,
  assertValidAutoencoderConfig,
  type AutoencoderConfig,
  type AutoencoderStep,
} from '../../../src/training/reduce/autoencoder.ts';
import { ConfigError } from '../../../src/training/config.ts';
import { prepareDataset } from '../../../src/training/reduce/dataset.ts';
import { loadIris } from '../../../src/training/reduce/iris.ts';
import { maxRelativeError, numericGradient, tapeGradient } from './fd.ts';

const F64: AutoencoderConfig = { ...IRIS_AUTOENCODER_CONFIG, dtype: 'float64' };
const FLOOR = 0.041868;

function run(
  config: AutoencoderConfig,
  steps = config.steps,
): { records: AutoencoderStep[]; trainer: AutoencoderTrainer } {
  const trainer = new AutoencoderTrainer(config);
  const records: AutoencoderStep[] = [];
  for (let i = 0; i < steps && !trainer.divergence; i++) records.push(trainer.step());
  return { records, trainer };
}

describe('autoencoderLoss gradient', () => {
  const x = tensor(prepareDataset('iris-z').rows, 'float64');
  const f = (w: Parameters<typeof autoencoderLoss>[1]) => autoencoderLoss(x, w);

  it.each([
    ['the seeded start', initialWeights(1, 4)],
    ['a large W', initialWeights(9, 4).map((v) => 8 * v)],
  ])('matches central differences at %s (float64)', (_name, w) => {
    expect(maxRelativeError(tapeGradient(f, w, [4, 2]), numericGradient(f, w, [4, 2]))).toBeLessThan(1e-8);
  });

  it('matches the closed form −(2/nd)·(Xᵀ·E·W + Eᵀ·X·W), E = X − X·W·Wᵀ', () => {
    const rows = prepareDataset('iris-z').rows;
    const w = initialWeights(3, 4).map((v) => 5 * v);
    const W = [0, 1, 2, 3].map((i) => [w[2 * i], w[2 * i + 1]]);
    const g = [0, 1, 2, 3].map(() => [0, 0]);
    for (const r of rows) {
      const z = [0, 1].map((c) => r.reduce((s, v, i) => s + v * W[i][c], 0));
      const e = r.map((v, i) => v - z[0] * W[i][0] - z[1] * W[i][1]);
      const ew = [0, 1].map((c) => e.reduce((s, v, i) => s + v * W[i][c], 0));
      for (let i = 0; i < 4; i++)
        for (let c = 0; c < 2; c++) g[i][c] += (-2 / (rows.length * 4)) * (r[i] * ew[c] + e[i] * z[c]);
    }
    expect(maxRelativeError(tapeGradient(f, w, [4, 2]), g.flat())).toBeLessThan(1e-12);
  });
});

describe('the float64 golden run (seed 1, lr 0.1, z-scored)', () => {
  const { records, trainer } = run(F64);
  const last = records[299];

  it('reaches the PCA floor 0.041868 within 1e-5 and an angle below 1° by step 300', () => {
    expect(records).toHaveLength(300);
    expect(Math.abs(last.loss - FLOOR)).toBeLessThan(1e-5);
    expect(last.loss - trainer.data.floor).toBeLessThan(1e-10);
    expect(last.angleToPca).toBeLessThan(1e-3);
  });

  it('first drops below 1° at step 73 (within the planning 68–106 range)', () => {
    expect(records.find((r) => r.angleToPca < 1)!.step).toBe(73);
  });

  it('reports the state a step reached: the new weights with the loss measured at them', () => {
    const t = new AutoencoderTrainer(F64);
    const start = t.loss().item();
    expect(t.at().loss).toBe(start);
    const r = t.step();
    expect(r.loss).toBe(t.loss().item());
    expect(r.loss).toBeLessThan(start);
    expect(t.at()).toEqual({ loss: r.loss, gradNorm: r.gradNorm });
    expect(Array.from(r.weights)).toEqual(t.state.weights);
    expect(r.step).toBe(1);
    expect(r.gradNorm).toBeGreaterThan(0);
  });

  it('never raises the loss at lr 0.1 (every step goes downhill)', () => {
    for (let i = 1; i < records.length; i++) expect(records[i].loss).toBeLessThanOrEqual(records[i - 1].loss + 1e-15);
  });
});

it('float32 (the worker’s dtype) reaches the same floor and angle', () => {
  const { records } = run(IRIS_AUTOENCODER_CONFIG);
  expect(Math.abs(records[299].loss - FLOOR)).toBeLessThan(1e-5);
  expect(records[299].angleToPca).toBeLessThan(1);
  expect(records.find((r) => r.angleToPca < 1)!.step).toBe(73);
});

describe('learning rates against the curvature limit 2 / 5.837 ≈ 0.343', () => {
  const tail = (rs: AutoencoderStep[]) => rs.slice(-50).map((r) => r.loss);

  it.each([0.1, 0.3])('lr %s converges to the floor', (learningRate) => {
    const { records, trainer } = run({ ...F64, learningRate });
    expect(trainer.divergence).toBeNull();
    expect(Math.max(...tail(records)) - trainer.data.floor).toBeLessThan(1e-8);
  });

  it.each([0.4, 0.5])(
    'lr %s never settles: it stays bounded but keeps jumping between losses far above the floor',
    (learningRate) => {
      const { records, trainer } = run({ ...F64, learningRate });
      expect(trainer.divergence).toBeNull();
      const t = tail(records);
      expect(Math.max(...t) - Math.min(...t)).toBeGreaterThan(0.05);
      expect(Math.min(...t)).toBeGreaterThan(2 * FLOOR);
      expect(Math.max(...t)).toBeLessThan(1);
    },
  );

  it.each([
    [0.7, 40],
    [1.0, 10],
  ])('lr %s blows up (by step %s)', (learningRate, by) => {
    const { trainer } = run({ ...F64, learningRate });
    expect(trainer.divergence!.step).toBeLessThanOrEqual(by);
  });

  it('the measured limit predicts the observed one: 0.98 × limit settles, 1.02 × limit does not', () => {
    const limit = 2 / prepareDataset('iris-z').curvatureAtMinimum;
    const below = run({ ...F64, learningRate: 0.98 * limit, steps: 2000 });
    const above = run({ ...F64, learningRate: 1.02 * limit, steps: 2000 });
    expect(Math.max(...tail(below.records)) - below.trainer.data.floor).toBeLessThan(1e-10);
    const t = tail(above.records);
    expect(Math.max(...t) - Math.min(...t)).toBeGreaterThan(1e-3);
  });

  it('explains a blow-up in words naming the curvature and the limit', () => {
    const { trainer } = run({ ...F64, learningRate: 1 });
    expect(trainer.divergence!.message).toMatch(/blew up at step \d+/);
    expect(trainer.divergence!.message).toContain('8·λ₁/4 = 5.84');
    expect(trainer.divergence!.message).toContain('2 / 5.84 ≈ 0.343');
    expect(trainer.divergence!.message).toContain('Your learning rate is 1;');
  });
});

describe('why standardise: the same run on centred centimetres', () => {
  const raw = run({ ...F64, dataset: 'iris-raw' });

  it('is dominated by petal length and approaches its own floor more slowly', () => {
    const data = raw.trainer.data;
    expect(data.pca.explained[0]).toBeCloseTo(0.925, 3);
    expect(raw.records.find((r) => r.angleToPca < 1)!.step).toBeGreaterThan(2 * 73);
    expect(raw.records[299].loss - data.floor).toBeLessThan(1e-5);
  });

  it('has a lower limit, 2 / 8.40 ≈ 0.238, so lr 0.3 (fine on z-scores) does not settle', () => {
    const data = raw.trainer.data;
    expect(data.curvatureAtMinimum).toBeCloseTo(8.4001, 3);
    const fast = run({ ...F64, dataset: 'iris-raw', learningRate: 0.3 });
    const t = fast.records.slice(-50).map((r) => r.loss);
    expect(Math.max(...t) - Math.min(...t)).toBeGreaterThan(0.05);
  });
});

describe('state', () => {
  it.each(['float64', 'float32'] as const)(
    '100 steps, then 200 from the cloned state, equal 300 straight (%s, bit for bit)',
    (dtype) => {
      const config = { ...IRIS_AUTOENCODER_CONFIG, dtype };
      const straight = run(config).records;
      const first = new AutoencoderTrainer(config);
      for (let i = 0; i < 100; i++) first.step();
      const resumed = new AutoencoderTrainer(config, structuredClone(first.state));
      let r!: AutoencoderStep;
      for (let i = 0; i < 200; i++) r = resumed.step();
      expect(r).toEqual(straight[299]);
      expect(resumed.state.step).toBe(300);
    },
  );

  it('rejects a state with the wrong number of weights', () => {
    expect(() => new AutoencoderTrainer(F64, { step: 0, weights: [1, 2, 3], firstLoss: null })).toThrow(/8 weights/);
  });
});

describe('projection', () => {
  const trainer = run(IRIS_AUTOENCODER_CONFIG).trainer;
  const cm = loadIris().measurements;

  it('projects a new flower (cm) exactly where the same flower lands as a row of the data', () => {
    const z = trainer.embedding();
    expect(z).toHaveLength(150);
    for (const i of [0, 17, 77, 149]) expect(trainer.projectFlower(cm[i])).toEqual(z[i]);
  });

  it('project(rows) is x·W', () => {
    const row = trainer.data.rows[5];
    const w = trainer.weights();
    const [z] = trainer.project([row]);
    [0, 1].forEach((c) =>
      expect(z[c]).toBeCloseTo(
        row.reduce((s, v, i) => s + v * w[i][c], 0),
        5,
      ),
    );
    expect(() => trainer.project([[1, 2, 3]])).toThrow(/4 finite numbers/);
  });
});

describe('validateAutoencoderConfig', () => {
  it('accepts the lesson config', () => {
    expect(validateAutoencoderConfig({ ...IRIS_AUTOENCODER_CONFIG })).toEqual({
      ok: true,
      config: IRIS_AUTOENCODER_CONFIG,
    });
  });

  const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['an unknown dataset', { dataset: 'mnist' }, 'dataset', /one of iris-z, iris-raw; got "mnist"/],
    ['a zero learning rate', { learningRate: 0 }, 'learningRate', /greater than 0/],
    ['a learning rate above 10', { learningRate: 10.5 }, 'learningRate', /at most 10/],
    ['a text learning rate', { learningRate: '0.1' }, 'learningRate', /must be a number/],
    ['NaN steps', { steps: NaN }, 'steps', /NaN/],
    ['0 steps', { steps: 0 }, 'steps', /at least 1/],
    ['100,001 steps', { steps: 100_001 }, 'steps', /at most 100,000/],
    ['fractional steps', { steps: 2.5 }, 'steps', /whole number/],
    ['a fractional seed', { seed: 1.5 }, 'seed', /whole number/],
    ['an infinite seed', { seed: -Infinity }, 'seed', /finite, not −infinity/],
    ['float16', { dtype: 'float16' }, 'dtype', /float32, float64/],
    ['an unknown field', { turbo: true }, 'turbo', /Unknown setting "turbo"/],
  ];

  it.each(bad)('rejects %s with its own message', (_name, patch, field, message) => {
    const v = validateAutoencoderConfig({ ...IRIS_AUTOENCODER_CONFIG, ...patch });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.find((i) => i.field === field)?.message).toMatch(message);
  });

  it('throws a ConfigError listing every issue at the worker boundary (and in the trainer)', () => {
    const broken = { ...IRIS_AUTOENCODER_CONFIG, learningRate: -1, steps: 0 };
    expect(() => assertValidAutoencoderConfig(broken)).toThrow(ConfigError);
    const thrown = (() => {
      try {
        new AutoencoderTrainer(broken);
      } catch (e) {
        return e as ConfigError;
      }
      return null;
    })();
    expect(thrown?.issues.map((i) => i.field)).toEqual(['learningRate', 'steps']);
    expect(validateAutoencoderConfig(null)).toEqual({
      ok: false,
      issues: [{ field: '', message: 'An autoencoder config must be an object.' }],
    });
  });
});
