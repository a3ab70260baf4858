// @vitest-environment node
// Network runs in the worker: one step is one epoch; rows, weights, confusion counts and the
// maps stream back; Pause, Step and continuing from a state work as on every other run.
import { describe, expect, it } from 'vitest';
import { trainerApi, type NetworkBatch } from '../../workers/trainer-api.ts';
import { ConfigError, PLAYGROUND_DEFAULTS, type NetworkConfig } from '../../src/training/network/config.ts';

let ids = 90_000;
const CIRCLE: NetworkConfig = { ...PLAYGROUND_DEFAULTS, epochs: 20 };

describe('network runs in the worker', () => {
  it('stream every epoch from 0, the weights each time, and the maps at the end', async () => {
    const batches: NetworkBatch[] = [];
    const end = await trainerApi.trainNetwork(CIRCLE, (b) => void batches.push(b), {
      runId: ids++,
      channel: 'n1',
      grid: 20,
      unitGrid: 10,
    });
    expect(end).toMatchObject({ status: 'done', lastStep: 20, state: { epoch: 20 } });
    expect(batches.flatMap((b) => Array.from(b.epochs))).toEqual(Array.from({ length: 21 }, (_, i) => i));
    // 2·4 + 4, 4·2 + 2, 2·1 + 1 weights and biases.
    expect(batches.every((b) => b.weights.length === 25 && b.layers === 3)).toBe(true);
    expect(batches.flatMap((b) => Array.from(b.gradSizes))).toHaveLength(21 * 3);
    const last = batches[batches.length - 1];
    expect(last.maps).toMatchObject({ grid: 20, unitGrid: 10, outputs: 1, unitCount: 6 });
    expect(last.maps!.output).toHaveLength(400);
    expect(last.confusion).toHaveLength(4);
    expect(Array.from(last.confusion).reduce((a, b) => a + b, 0)).toBe(250);
    expect(last.testAccuracy[last.testAccuracy.length - 1]).toBeGreaterThan(0.5);
  });

  it('pauses, takes one epoch per Step, and continues from its state to `until`', async () => {
    const runId = ids++;
    const batches: NetworkBatch[] = [];
    const running = trainerApi.trainNetwork(CIRCLE, (b) => void batches.push(b), {
      runId,
      channel: 'n2',
      stepsPerSecond: 5,
    });
    await trainerApi.pause(runId);
    // The epoch reached so far (the run's epoch-0 row goes out with its first epoch).
    const reached = () => batches.flatMap((b) => Array.from(b.epochs)).at(-1) ?? 0;
    await new Promise((r) => setTimeout(r, 50));
    const before = reached();
    await trainerApi.advance(runId);
    await new Promise((r) => setTimeout(r, 300));
    expect(reached()).toBe(before + 1);
    await trainerApi.stop(runId);
    const end = await running;
    expect(end.status).toBe('stopped');
    const more = await trainerApi.trainNetwork(CIRCLE, () => undefined, {
      runId: ids++,
      channel: 'n2',
      from: end.state,
      until: end.lastStep + 3,
    });
    expect(more).toMatchObject({ status: 'done', lastStep: end.lastStep + 3 });
  });

  it('refuses bad settings with a typed error before anything runs', async () => {
    await expect(
      trainerApi.trainNetwork({ ...CIRCLE, hidden: [4, 99] }, () => undefined, { runId: ids++, channel: 'n3' }),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('trains the iris flowers with cross-entropy and no maps', async () => {
    const batches: NetworkBatch[] = [];
    await trainerApi.trainNetwork(
      {
        ...CIRCLE,
        data: { kind: 'iris', testCount: 30, seed: 1 },
        hidden: [8],
        loss: 'cross-entropy',
        learningRate: 0.1,
      },
      (b) => void batches.push(b),
      { runId: ids++, channel: 'n4' },
    );
    expect(batches.every((b) => b.maps === null)).toBe(true);
    expect(batches[batches.length - 1].confusion).toHaveLength(9);
  });
});

describe('reading a long CSV in the worker', () => {
  it('answers the heartbeat between slices, so a big file is never taken for a dead worker', async () => {
    const text = Array.from({ length: 300_000 }, (_, i) => `${i % 7},${-(i % 7)}`).join('\n');
    await trainerApi.parseCsv('1,2'); // the parser's module loaded first: only the parse is counted
    let done = false;
    const parsing = trainerApi.parseCsv(text, 1e6).then((r) => {
      done = true;
      return r;
    });
    // Pings answered while the parse is still going: one per slice of 50,000 lines (six here).
    let answered = 0;
    while (!done) {
      await new Promise((r) => setTimeout(r, 0));
      if (!done && (await trainerApi.ping())) answered += 1;
    }
    expect(answered).toBeGreaterThanOrEqual(5);
    const parsed = await parsing;
    expect(parsed.rows).toHaveLength(300_000);
    expect(parsed.rows[299_999]).toEqual({ input: String(299_999 % 7), target: String(-(299_999 % 7)) });
  });
});
