// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { trainerApi, type Batch, type RunEnd } from '../../workers/trainer-api.ts';
import { NEGATOR_CONFIG, type TrainingConfig } from '../../src/training/config.ts';
import { stableLearningRate } from '../../src/training/divergence.ts';

let runIds = 5000;
const cfg = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({ ...structuredClone(NEGATOR_CONFIG), ...over });

function start(config: TrainingConfig, channel = 'test') {
  const batches: Batch[] = [];
  const runId = runIds++;
  const done = trainerApi.train(
    config,
    (b) => {
      batches.push(b);
    },
    { runId, channel, batchMs: 2 },
  );
  return { runId, batches, done, steps: () => batches.reduce((n, b) => n + b.steps.length, 0) };
}

async function until(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 1));
}

describe('stop and supersede', () => {
  it('stop() ends a long run at a batch boundary with status stopped', async () => {
    const run = start(cfg({ steps: 1_000_000 }));
    await until(() => run.batches.length >= 2);
    await trainerApi.stop(run.runId);
    const end = await run.done;
    expect(end.status).toBe('stopped');
    expect(end.lastStep).toBe(run.steps() - 1); // every step sent, after the start row
    expect(end.lastStep).toBeLessThan(1_000_000);
  });

  it('a new run on the same channel stops the old one; other channels keep going', async () => {
    const a = start(cfg({ steps: 1_000_000 }), 'one');
    const other = start(cfg({ steps: 1_000_000 }), 'two');
    await until(() => a.batches.length >= 1);
    const b = start(cfg({ steps: 100 }), 'one');
    const [endA, endB] = await Promise.all([a.done, b.done]);
    expect(endA.status).toBe('stopped');
    expect(endB).toMatchObject({ status: 'done', lastStep: 100 });
    expect(b.batches.every((x) => x.runId === b.runId)).toBe(true);
    await trainerApi.stop(other.runId);
    expect((await other.done).status).toBe('stopped');
    expect(other.steps()).toBeGreaterThan(0);
  });
});

describe('divergence', () => {
  it('the stable limit for input 3 is 1/9', () => {
    expect(stableLearningRate(cfg())).toBeCloseTo(1 / 9, 12);
  });

  it('lr 0.12 over 100 steps is marked diverged where it is detected, keeps running to step 100 and reaches a loss above 1e10', async () => {
    const run = start(cfg({ learningRate: 0.12, steps: 100 }));
    const end: RunEnd = await run.done;
    expect(end).toMatchObject({ status: 'diverged', lastStep: 100 });
    expect(end.divergedAt).toBeGreaterThan(1);
    expect(end.divergedAt).toBeLessThan(10);
    expect(end.message).toMatch(/0\.111/);
    expect(end.message).toMatch(/18/);
    const losses = run.batches.flatMap((b) => Array.from(b.loss));
    expect(losses[100]).toBeGreaterThan(1e10);
  });

  it('lr 5 overflows float32 within a few steps: it stops there, says so, and sends no non-finite value', async () => {
    const run = start(cfg({ learningRate: 5, steps: 1000 }));
    const end: RunEnd = await run.done;
    expect(end.status).toBe('overflowed');
    expect(end.lastStep).toBeLessThan(30);
    expect(end.message).toMatch(
      new RegExp(`Overflowed in step ${end.lastStep + 1}: .* stopped after step ${end.lastStep},`),
    );
    for (const b of run.batches)
      for (const k of ['loss', 'weight', 'grad'] as const) expect(b[k].every(Number.isFinite)).toBe(true);
  });

  it('lr 0.11 converges', async () => {
    const run = start(cfg({ learningRate: 0.11, steps: 5000 }));
    const end = await run.done;
    expect(end.status).toBe('done');
    const last = run.batches[run.batches.length - 1];
    expect(last.weight[last.weight.length - 1]).toBeCloseTo(-1, 3);
  });
});

describe('step()', () => {
  it("returns the tutorial's first step: from w 0.5 (loss 20.25, gradient 27) to w 0.23 (loss 13.62), with a trace", async () => {
    const r = await trainerApi.step(cfg());
    expect(r.record.before).toMatchObject({ weight: 0.5, loss: 20.25, gradWeight: 27 });
    expect(r.record.weight).toBeCloseTo(0.23, 6);
    expect(r.record.loss).toBeCloseTo(13.6161, 4);
    expect(r.record.gradWeight).toBeCloseTo(22.14, 4);
    expect(r.state).toMatchObject({ step: 1, weight: r.record.weight });
    expect(r.trace.map((e) => e.op)).toEqual(['mul', 'sub', 'square']);
    const square = r.trace[2];
    expect(square.value).toEqual([20.25]);
    expect(r.trace[0].value).toEqual([1.5]);
    expect(r.trace[1].value).toEqual([-4.5]);
  });

  it('printout(): the line the tutorial prints for step k is the loss at state k − 1', async () => {
    const p = await trainerApi.printout(cfg());
    expect(p.printed).toHaveLength(40);
    expect(p.printed[0]).toBe(20.25);
    expect(p.printed[1]).toBeCloseTo(13.6161, 4);
    expect(Number(p.printed[39].toPrecision(3))).toBe(3.84e-6);
    expect(Number(p.last.loss.toPrecision(3))).toBe(2.58e-6);
    await expect(trainerApi.printout(cfg({ steps: 5000 }))).rejects.toThrow(/at most 1000 steps/);
  });

  it('continues from a returned state', async () => {
    const first = await trainerApi.step(cfg());
    const second = await trainerApi.step(cfg(), first.state);
    expect(second.record.step).toBe(2);
    expect(second.record.before.weight).toBe(first.record.weight);
    expect(second.record.before.loss).toBeCloseTo(13.6161, 4);
    expect(second.record.weight).toBeCloseTo(0.0086, 4);
  });

  it('curvature() gives d²L/dw² = 2·input² = 18 from nested tapes', async () => {
    expect(await trainerApi.curvature(cfg({ dtype: 'float64' }), 0.5)).toBeCloseTo(18, 10);
    expect(await trainerApi.curvature(cfg({ dtype: 'float64', pairs: [{ input: 2, target: 1 }] }), -3)).toBeCloseTo(
      8,
      10,
    );
  });
});

describe('optimizers converge on the negator', () => {
  it.each([
    ['sgd', { learningRate: 0.01, steps: 200 }],
    ['momentum', { learningRate: 0.01, steps: 400 }],
    ['adam', { learningRate: 0.05, steps: 2000 }],
  ] as const)('%s', async (optimizer, over) => {
    const run = start(cfg({ optimizer, dtype: 'float64', ...over }));
    const end = await run.done;
    expect(end.status).toBe('done');
    const last = run.batches[run.batches.length - 1];
    expect(last.weight[last.weight.length - 1]).toBeCloseTo(-1, 2);
    expect(last.loss[last.loss.length - 1]).toBeLessThan(1e-3);
  });

  it('w+b fits a line with an offset', async () => {
    const pairs = [-2, -1, 0, 1, 2].map((x) => ({ input: x, target: -x + 1 }));
    const run = start(cfg({ model: 'w+b', pairs, learningRate: 0.1, steps: 500, dtype: 'float64' }));
    expect((await run.done).status).toBe('done');
    const last = run.batches[run.batches.length - 1];
    const i = last.steps.length - 1;
    expect(last.weight[i]).toBeCloseTo(-1, 4);
    expect(last.bias![i]).toBeCloseTo(1, 4);
  });
});

describe('divergence within the tutorial’s 40 steps', () => {
  it('lr 0.12 with 40 steps is already reported as diverged (the loss rises above its start)', async () => {
    const run = start(cfg({ learningRate: 0.12 }));
    const end = await run.done;
    expect(end.status).toBe('diverged');
    expect(end.divergedAt).toBeLessThanOrEqual(40);
    // Every loss that was sent is finite and the sequence was rising by then.
    const losses = run.batches.flatMap((b) => Array.from(b.loss));
    expect(losses.length).toBeGreaterThan(0);
    expect(losses[losses.length - 1]).toBeGreaterThan(losses[0]);
  });

  it('lr 0.11 with 40 steps is done, with the loss lower than it started', async () => {
    const run = start(cfg({ learningRate: 0.11 }));
    expect((await run.done).status).toBe('done');
    const losses = run.batches.flatMap((b) => Array.from(b.loss));
    expect(losses[40]).toBeLessThan(losses[0]);
  });

  it('momentum may overshoot for a while without being called diverged', async () => {
    const run = start(cfg({ optimizer: 'momentum', learningRate: 0.18, steps: 400, dtype: 'float64' }));
    expect((await run.done).status).toBe('done');
    const losses = run.batches.flatMap((b) => Array.from(b.loss));
    expect(Math.max(...losses)).toBeGreaterThan(2 * losses[0]); // it did overshoot past the SGD rule
    expect(losses[losses.length - 1]).toBeLessThan(1e-6);
  });
});
