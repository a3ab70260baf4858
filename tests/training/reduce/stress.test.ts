import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '../../../src/engine/index.ts';
import {
  PAIRS,
  STRESS_CONFIG,
  STRESS_FLOOR,
  StressTrainer,
  bestLayout,
  distances3d,
  initialStressState,
  pairsTable,
  stressCurvature,
  stressLoss,
  stressTensors,
  validateStressConfig,
  type StressConfig,
  type StressStep,
} from '../../../src/training/reduce/stress.ts';
import { maxRelativeError, numericGradient, tapeGradient } from './fd.ts';

const F64: StressConfig = { ...STRESS_CONFIG, dtype: 'float64' };

function run(config: StressConfig, steps = config.steps): { records: StressStep[]; trainer: StressTrainer } {
  const trainer = new StressTrainer(config);
  const records: StressStep[] = [];
  for (let i = 0; i < steps && !trainer.divergence; i++) records.push(trainer.step());
  return { records, trainer };
}

describe('the folded card', () => {
  it('has five distances of √2 and the fold AC = 2', () => {
    const d = distances3d();
    expect(PAIRS).toHaveLength(6);
    expect(d[1]).toBe(2); // AC
    d.filter((_, k) => k !== 1).forEach((v) => expect(v).toBeCloseTo(Math.SQRT2, 15));
  });

  it('cannot be flattened exactly: the best flat layout is the rhombus with loss 1/9', () => {
    const { incidence, targets } = stressTensors('float64');
    expect(stressLoss(tensor(bestLayout(), 'float64', [4, 2]), incidence, targets).item()).toBeCloseTo(
      STRESS_FLOOR,
      15,
    );
    const rows = pairsTable(bestLayout());
    expect(rows.map((r) => r.pair)).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);
    expect(rows[1].d2).toBeCloseTo(Math.sqrt(13 / 3), 14);
    expect(rows[4].d2).toBeCloseTo(Math.sqrt(7 / 3), 14);
    expect(rows[0].d2).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });
});

describe('stressLoss gradient', () => {
  const { incidence, targets } = stressTensors('float64');
  const f = (p: Tensor) => stressLoss(p, incidence, targets);

  it.each([1, 2, 3])('matches central differences at seed %s’s start (float64)', (seed) => {
    const p = initialStressState({ ...F64, seed }).positions;
    expect(maxRelativeError(tapeGradient(f, p, [4, 2]), numericGradient(f, p, [4, 2]))).toBeLessThan(1e-8);
  });

  it('is zero at the best layout, whose top curvature 15.06 sets the limit 2/15.06 ≈ 0.133', () => {
    expect(Math.max(...tapeGradient(f, bestLayout(), [4, 2]).map(Math.abs))).toBeLessThan(1e-14);
    const c = stressCurvature();
    expect(c.curvature).toBeCloseTo(15.0614, 4);
    expect(c.stableLearningRate).toBeCloseTo(0.1328, 4);
  });
});

describe('StressTrainer with the lesson defaults (lr 0.05, 300 steps, seed 1)', () => {
  it.each(['float64', 'float32'] as const)(
    'settles visibly: within 1e-6 of 1/9 after 50–150 steps, and stays (%s)',
    (dtype) => {
      const { records } = run({ ...STRESS_CONFIG, dtype });
      const settled =
        records.findIndex((_, i) => records.slice(i).every((r) => Math.abs(r.loss - STRESS_FLOOR) < 1e-6)) + 1;
      expect(settled).toBeGreaterThanOrEqual(50);
      expect(settled).toBeLessThanOrEqual(150);
      expect(records[0].loss).toBeGreaterThan(10 * STRESS_FLOOR);
    },
  );

  it('fills the before/after table: every edge shrinks to 1.29, AC stretches to 2.08, BD to 1.53', () => {
    const trainer = new StressTrainer(F64);
    const before = trainer.table();
    for (let i = 0; i < STRESS_CONFIG.steps; i++) trainer.step();
    const after = trainer.table();
    expect(before.map((r) => r.d3)).toEqual(after.map((r) => r.d3));
    expect(before.every((r, k) => Math.abs(r.d2 - after[k].d2) > 0.05)).toBe(true);
    const d2 = Object.fromEntries(after.map((r) => [r.pair, r.d2]));
    for (const edge of ['AB', 'AD', 'BC', 'CD']) expect(d2[edge]).toBeCloseTo(1.291, 3);
    expect(d2.AC).toBeCloseTo(2.082, 3);
    expect(d2.BD).toBeCloseTo(1.528, 3);
  });

  it('resumes exactly from a cloned state', () => {
    const straight = run(F64, 120).records;
    const first = new StressTrainer(F64);
    for (let i = 0; i < 40; i++) first.step();
    const resumed = new StressTrainer(F64, structuredClone(first.state));
    let r!: StressStep;
    for (let i = 0; i < 80; i++) r = resumed.step();
    expect(r).toEqual(straight[119]);
  });

  it('at 0.13 still settles, at 0.14 (above 0.133) never does, and at 1 blows up with the limit named', () => {
    const tail = (rs: StressStep[]) => rs.slice(-30).map((r) => r.loss);
    expect(Math.max(...tail(run({ ...F64, learningRate: 0.13 }).records)) - STRESS_FLOOR).toBeLessThan(1e-9);
    const t = tail(run({ ...F64, learningRate: 0.14 }).records);
    expect(Math.min(...t)).toBeGreaterThan(2 * STRESS_FLOOR);
    const blown = run({ ...F64, learningRate: 1 }).trainer.divergence!;
    expect(blown.message).toMatch(/blew up at step \d+/);
    expect(blown.message).toContain('below 2 / 15.1 ≈ 0.133');
  });
});

describe('validateStressConfig', () => {
  it('accepts the defaults and names each bad field', () => {
    expect(validateStressConfig({ ...STRESS_CONFIG }).ok).toBe(true);
    const v = validateStressConfig({
      ...STRESS_CONFIG,
      learningRate: 0,
      steps: 1.5,
      seed: 'x',
      dtype: 'int8',
      dataset: 'iris-z',
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(Object.fromEntries(v.issues.map((i) => [i.field, i.message]))).toEqual({
      dataset: 'Unknown setting "dataset".',
      learningRate: 'Learning rate must be greater than 0.',
      steps: 'Steps must be a whole number.',
      seed: 'Seed must be a number.',
      dtype: 'Precision must be one of float32, float64; got "int8".',
    });
  });

  it('rejects a malformed state', () => {
    expect(() => new StressTrainer(F64, { step: -1, positions: [], firstLoss: null })).toThrow(/8 position numbers/);
  });
});
