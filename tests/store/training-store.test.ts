import { afterEach, describe, expect, it } from 'vitest';
import { trainingStore } from '../../src/store/training-store.ts';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import type { Batch, RunEnd, TrainerClient } from '../../src/worker-client.ts';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';

/** A trainer whose runs the test drives by hand, to stage races the worker would make. */
function manualClient() {
  const runs: { runId: number; onBatch: (b: Batch) => void; finish: (e: RunEnd) => void; fail: (e: Error) => void }[] = [];
  const stopped: number[] = [];
  const client: TrainerClient = {
    train: (_c, onBatch, opts) => new Promise<RunEnd>((finish, fail) => runs.push({ runId: opts.runId, onBatch, finish, fail })),
    stop: async (runId) => { stopped.push(runId); },
    step: () => Promise.reject(new Error('unused')),
    curvature: () => Promise.reject(new Error('unused')),
    lossCurve: () => Promise.reject(new Error('unused')),
    evaluate: () => Promise.reject(new Error('unused')),
    crashForTesting: async () => undefined,
  };
  return { client, runs, stopped };
}
const b = (runId: number, from: number, loss: number[]): Batch => ({
  runId, fromStep: from, steps: Float64Array.from(loss, (_, i) => from + i), loss: Float64Array.from(loss), weight: Float64Array.from(loss),
});

afterEach(() => setTrainerClient(null));

describe('training store', () => {
  it('appends batches and records how the run ended', async () => {
    const m = manualClient();
    setTrainerClient(m.client);
    const p = trainingStore.getState().start('a', NEGATOR_CONFIG);
    const { runId } = m.runs[0];
    m.runs[0].onBatch(b(runId, 1, [3, 2]));
    m.runs[0].onBatch(b(runId, 3, [1]));
    m.runs[0].finish({ runId, status: 'done', lastStep: 3 });
    await p;
    const run = trainingStore.getState().runs.a!;
    expect(run.status).toBe('done');
    expect(run.history.length).toBe(3);
    expect(run.version).toBeGreaterThanOrEqual(1);
  });

  it('starting again stops the old run and drops its late batches', async () => {
    const m = manualClient();
    setTrainerClient(m.client);
    void trainingStore.getState().start('a', NEGATOR_CONFIG);
    void trainingStore.getState().start('a', NEGATOR_CONFIG);
    const [old, cur] = m.runs;
    expect(m.stopped).toEqual([old.runId]);
    old.onBatch(b(old.runId, 1, [99]));
    old.finish({ runId: old.runId, status: 'stopped', lastStep: 1 });
    cur.onBatch(b(cur.runId, 1, [7]));
    await Promise.resolve();
    const run = trainingStore.getState().runs.a!;
    expect(run.runId).toBe(cur.runId);
    expect(run.status).toBe('running');
    expect(Array.from(run.history.loss.subarray(0, run.history.length))).toEqual([7]);
  });

  it('turns a worker crash into an error with a readable message', async () => {
    const m = manualClient();
    setTrainerClient(m.client);
    const p = trainingStore.getState().start('a', NEGATOR_CONFIG);
    m.runs[0].fail(new Error('The training worker stopped unexpectedly.'));
    await p;
    expect(trainingStore.getState().runs.a).toMatchObject({ status: 'error', message: 'The training worker stopped unexpectedly.' });
  });

  it('refuses an invalid config without calling the worker', async () => {
    const m = manualClient();
    setTrainerClient(m.client);
    const r = await trainingStore.getState().start('a', { ...NEGATOR_CONFIG, steps: 0 });
    expect(r).toMatchObject({ issues: [{ field: 'steps' }] });
    expect(m.runs).toHaveLength(0);
  });
});
