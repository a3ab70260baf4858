import { describe, expect, it } from 'vitest';
import { NEGATOR_CONFIG, type TrainingConfig } from '../../src/training/config.ts';
import { Trainer, curvature, evaluate, initialState, lossCurve } from '../../src/training/trainer.ts';

const cfg = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({ ...NEGATOR_CONFIG, ...over });

describe('Trainer', () => {
  it("takes the tutorial's first step: loss 20.25 and gradient 27 at w = 0.5, then w = 0.23 with its own loss", () => {
    const r = new Trainer(cfg()).step();
    expect(r).toMatchObject({ step: 1, before: { weight: 0.5, loss: 20.25, gradWeight: 27 } });
    expect(r.weight).toBeCloseTo(0.23, 7); // in float32: 0.5 + 27 · fround(−0.01)
    expect(r.loss).toBeCloseTo(13.6161, 4); // (−3 − 3 · 0.23)², measured at the new weight
    expect(r.gradWeight).toBeCloseTo(22.14, 4);
  });

  it('peek() measures where the next step will start without moving the weight', () => {
    const t = new Trainer(cfg());
    const first = t.step();
    const before = t.state;
    const head = t.peek();
    expect(t.state).toEqual(before);
    expect(head).toEqual({ loss: first.loss, grad: first.gradWeight, gradBias: 0 });
    expect(t.step().before).toMatchObject({ loss: head.loss, gradWeight: head.grad });
  });

  it('a trainer built from a state takes the same next step as the one that produced it', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const a = new Trainer(cfg({ optimizer }));
      for (let i = 0; i < 5; i++) a.step();
      const b = new Trainer(cfg({ optimizer }), a.state);
      expect(b.step()).toEqual(a.step());
    }
  });

  it('w + b: both gradients come from the same tape', () => {
    const r = new Trainer(cfg({ model: 'w+b', initialBias: 1, dtype: 'float64' })).step();
    // L = (t − (x·w + b))² = (−3 − 2.5)² = 30.25; dL/dw = −2·5.5·3 = 33; dL/db = 11
    expect(r.before).toMatchObject({ loss: 30.25, gradWeight: 33, gradBias: 11 });
  });

  it('initialState ignores the bias for the w model', () => {
    expect(initialState(cfg({ initialBias: 4 }))).toMatchObject({ step: 0, weight: 0.5, bias: 0 });
  });
});

describe('curves and measurements', () => {
  it('lossCurve is the parabola, lowest at w = −1', () => {
    const { weights, losses } = lossCurve(cfg(), -3, 1, 41);
    const min = losses.indexOf(Math.min(...losses));
    expect(weights[min]).toBeCloseTo(-1, 12);
    expect(losses[min]).toBe(0);
    expect(losses[weights.findIndex((w) => Math.abs(w - 0.5) < 1e-9)]).toBeCloseTo(20.25, 10);
  });

  it('curvature is 2·mean(x²) from nested tapes', () => {
    expect(curvature(cfg({ dtype: 'float64' }), 0.5)).toBeCloseTo(18, 10);
    expect(
      curvature(
        cfg({
          dtype: 'float64',
          pairs: [
            { input: 1, target: 0 },
            { input: 3, target: 0 },
          ],
        }),
        0,
      ),
    ).toBeCloseTo(10, 10);
  });

  it('evaluate predicts x·w (+ b) for every pair', () => {
    const e = evaluate(
      cfg({
        pairs: [
          { input: 2, target: 1 },
          { input: -1, target: 0 },
        ],
        model: 'w+b',
        dtype: 'float64',
      }),
      2,
      1,
    );
    expect(e.predictions).toEqual([5, -1]);
    expect(e.losses).toEqual([16, 1]);
    expect(e.loss).toBe(8.5);
  });
});
