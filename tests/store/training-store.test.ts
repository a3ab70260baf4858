import { afterEach, describe, expect, it } from 'vitest';
import { trainingStore } from '../../src/store/training-store.ts';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import type { Batch, RunEnd, TrainerClient } from '../../src/worker-client.ts';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';
import { trainerApi } from '../../workers/trainer-api.ts';

/** A trainer whose runs the test drives by hand, to stage races the worker would make. */
function manualClient() {
  const runs: { runId: number; onBatch: (b: Batch) => void; finish: (e: RunEnd) => void; fail: (e: Error) => void }[] =
    [];
  const stopped: number[] = [];
  // The real API for everything but the runs, which the test drives by hand.
  const client: TrainerClient = {
    ...trainerApi,
    train: (_c, onBatch, opts) =>
      new Promise<RunEnd>((finish, fail) => runs.push({ runId: opts.runId, onBatch, finish, fail })),
    stop: async (runId) => {
      stopped.push(runId);
    },
  };

  return { client, runs, stopped };
}
const b = (runId: number, from: number, loss: number[]): Batch => {
  const col = () => Float64Array.from(loss);
  return {
    runId,
    fromStep: from,
    steps: Float64Array.from(loss, (_, i) => from + i),
    loss: col(),
    weight: col(),
    bias: col(),
    grad: col(),
    gradBias: col(),
  };
};
const STATE = { step: 0, weight: 0.5, bias: 0, m: [0, 0] as [number, number], v: [0, 0] as [number, number] };

afterEach(() => setTrainerClient(null));

describe('training store', () => {
  it('appends batches and records how the run ended', async () => {
    const m = manualClient();
    setTrainerClient(m.client);
    const p = trainingStore.getState().train('a', NEGATOR_CONFIG);
    const { runId } = m.runs[0];
    m.runs[0].onBatch(b(runId, 1, [3, 2]));
    m.runs[0].onBatch(b(runId, 3, [1]));
    m.runs[0].finish({ runId, status: 'done', lastStep: 3, state: STATE });
    await p;
    const run = trainingStore.getState().runs.a!;
    expect(run.status).toBe('done');
    expect(run.history.length).toBe(3);
    expect(run.version).toBeGreaterThanOrEqual(1);
  });

  it('starting again stops the old run and drops its late batches', async () => {
    const m = manualClient();
    setTrainerClient(m.client);
    void trainingStore.getState().train('a', NEGATOR_CONFIG);
    void trainingStore.getState().train('a', NEGATOR_CONFIG);
    const [old, cur] = m.runs;
    expect(m.stopped).toEqual([old.runId]);
    old.onBatch(b(old.runId, 1, [99]));
    old.finish({ runId: old.runId, status: 'stopped', lastStep: 1, state: STATE });
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
    const p = trainingStore.getState().train('a', NEGATOR_CONFIG);
    m.runs[0].fail(new Error('The training worker stopped unexpectedly.'));
    await p;
    expect(trainingStore.getState().runs.a).toMatchObject({
      status: 'error',
      message: 'The training worker stopped unexpectedly.',
    });
  });

  it('refuses an invalid config without calling the worker', async () => {
    const m = manualClient();
    setTrainerClient(m.client);
    const r = await trainingStore.getState().train('a', { ...NEGATOR_CONFIG, steps: 0 });
    expect(r).toMatchObject({ issues: [{ field: 'steps' }] });
    expect(m.runs).toHaveLength(0);
  });
});

describe('the store owns runs: Step continues a run with its optimizer state', () => {
  const rows = (channel: string) => {
    const h = trainingStore.getState().runs[channel]!.history;
    return Array.from(h.weight.subarray(0, h.length));
  };

  it.each(['sgd', 'momentum', 'adam'] as const)(
    '%s: Train 10 steps then Step twice equals one 12-step run',
    async (optimizer) => {
      setTrainerClient(trainerApi);
      const config = { ...NEGATOR_CONFIG, optimizer, dtype: 'float64' as const, steps: 10 };
      await trainingStore.getState().train('a', config);
      await trainingStore.getState().step('a', config);
      await trainingStore.getState().step('a', config);
      expect(trainingStore.getState().runs.a).toMatchObject({ status: 'stepped', state: { step: 12 } });
      await trainingStore.getState().train('b', { ...config, steps: 12 });
      expect(rows('a')).toEqual(rows('b'));
    },
  );

  it('Step with changed settings starts a new run from step 0', async () => {
    setTrainerClient(trainerApi);
    await trainingStore.getState().step('a', NEGATOR_CONFIG);
    await trainingStore.getState().step('a', NEGATOR_CONFIG);
    const first = trainingStore.getState().runs.a!.runId;
    await trainingStore.getState().step('a', { ...NEGATOR_CONFIG, learningRate: 0.05 });
    const run = trainingStore.getState().runs.a!;
    expect(run.runId).not.toBe(first);
    expect(Array.from(run.history.steps.subarray(0, run.history.length))).toEqual([0, 1]);
  });

  it('a Step that overflows stops the run with a message and records nothing non-finite', async () => {
    setTrainerClient(trainerApi);
    const config = { ...NEGATOR_CONFIG, learningRate: 10 };
    for (let i = 0; i < 40 && trainingStore.getState().runs.a?.status !== 'overflowed'; i++)
      await trainingStore.getState().step('a', config);
    const run = trainingStore.getState().runs.a!;
    expect(run.status).toBe('overflowed');
    expect(run.message).toMatch(/^Overflowed in step \d+/);
    expect(Array.from(run.history.loss.subarray(0, run.history.length)).every(Number.isFinite)).toBe(true);
  });
});
