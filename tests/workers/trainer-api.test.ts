// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { trainerApi, type Batch } from '../../workers/trainer-api.ts';
import { NEGATOR_CONFIG, type TrainingConfig } from '../../src/training/config.ts';
import { GOLDEN, closeRel } from '../helpers/golden.ts';

let runIds = 1000;
const cfg = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({ ...structuredClone(NEGATOR_CONFIG), ...over });

async function collect(
  config: TrainingConfig,
  opts: { channel?: string; batchMs?: number; stepsPerSecond?: number } = {},
) {
  const batches: Batch[] = [];
  const runId = runIds++;
  const end = await trainerApi.train(
    config,
    (b) => {
      batches.push(b);
    },
    { runId, ...opts },
  );
  const cat = (k: 'steps' | 'loss' | 'weight') => batches.flatMap((b) => Array.from(b[k]));
  return { runId, end, batches, steps: cat('steps'), loss: cat('loss'), weight: cat('weight') };
}

describe('trainerApi.train', () => {
  it('streams the tutorial run as batches covering the start (step 0) and steps 1..40 in order, ending done', async () => {
    const r = await collect(cfg());
    expect(r.steps).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(r.batches.every((b) => b.runId === r.runId && b.steps instanceof Float64Array)).toBe(true);
    expect(r.batches.map((b) => b.fromStep)[0]).toBe(0);
    expect(r.end).toMatchObject({ runId: r.runId, status: 'done', lastStep: 40, state: { step: 40 } });
    expect(r.end.state.weight).toBe(r.weight[40]);
    expect(r.end.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('row 0 is the start: w = 0.5 with the loss 20.25 and slope 27 measured there', async () => {
    const r = await collect(cfg());
    const first = r.batches[0];
    expect([first.steps[0], first.weight[0], first.loss[0], first.grad[0]]).toEqual([0, 0.5, 20.25, 27]);
  });

  it.each(['float32', 'float64'] as const)(
    'reproduces the golden %s trace as states: golden step k measured its loss at state k − 1 and reached state k',
    async (dtype) => {
      const r = await collect(cfg({ dtype }));
      const rel = dtype === 'float32' ? 1e-5 : 1e-12;
      GOLDEN[dtype].forEach((row) => {
        expect(closeRel(r.loss[row.step - 1], row.loss, rel), `loss at step ${row.step - 1}`).toBe(true);
        expect(closeRel(r.weight[row.step], row.weightAfter, rel), `weight at step ${row.step}`).toBe(true);
        expect(closeRel(r.weight[row.step - 1], row.weightBefore, rel), `weight before step ${row.step}`).toBe(true);
      });
    },
  );

  it('every row is one state: step 1 is w 0.23 with its own loss 13.62 and slope 22.14; step 40 ends at 2.58e-6', async () => {
    const r = await collect(cfg({ dtype: 'float64' }));
    const grads = r.batches.flatMap((b) => Array.from(b.grad));
    expect(r.weight[1]).toBeCloseTo(0.23, 12);
    expect(r.loss[1]).toBeCloseTo(13.6161, 10);
    expect(grads[1]).toBeCloseTo(22.14, 10);
    // Each row's loss is measured at its own weight: (−3 − 3w)².
    for (let k = 0; k <= 40; k++) expect(closeRel(r.loss[k], (-3 - 3 * r.weight[k]) ** 2, 1e-9)).toBe(true);
    expect(r.weight[40]).toBeCloseTo(-0.999465, 6);
    expect(r.loss[40]).toBeCloseTo(2.58e-6, 8);
  });

  it('sends long runs in time-sliced batches, not one message per step', async () => {
    const r = await collect(cfg({ steps: 200_000 }), { batchMs: 5 });
    expect(r.steps.length).toBe(200_001);
    expect(r.batches.length).toBeGreaterThan(1);
    expect(r.batches.length).toBeLessThan(20_000);
    // Batches tile the run with no gaps or repeats.
    let next = 0;
    for (const b of r.batches) {
      expect(b.fromStep).toBe(next);
      next += b.steps.length;
    }
  });

  it('rejects an invalid config with a typed error', async () => {
    await expect(
      trainerApi.train({ ...cfg(), learningRate: 0 }, () => undefined, { runId: runIds++ }),
    ).rejects.toMatchObject({
      name: 'ConfigError',
      issues: [{ field: 'learningRate', message: expect.stringMatching(/greater than 0/) }],
    });
  });
});
