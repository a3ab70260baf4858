// @vitest-environment jsdom
// The network runs' store over the real trainer (its API called in this thread): what a run
// keeps per epoch, Step from nothing and from an ended run, and a bad config said, not thrown.
import { beforeEach, describe, expect, it } from 'vitest';
import { MAP_GRID } from '../../workers/network-run.ts';
import { networkStore } from '../../src/store/network-store.ts';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import { PLAYGROUND_DEFAULTS, type NetworkConfig } from '../../src/training/network/config.ts';
import { trainerApi } from '../../workers/trainer-api.ts';

const CIRCLE: NetworkConfig = { ...PLAYGROUND_DEFAULTS, epochs: 20 };
const s = () => networkStore.getState();

beforeEach(() => {
  setTrainerClient(trainerApi);
  networkStore.setState({ runs: {} });
});

describe('network store', () => {
  it('keeps every epoch from 0: losses, accuracies, a gradient size per layer, and the latest maps', async () => {
    await s().train('c', CIRCLE, 'max');
    const run = s().runs.c!;
    expect(run.status).toBe('done');
    expect(Array.from(run.history.column('epochs').subarray(0, run.history.length))).toEqual(
      Array.from({ length: 21 }, (_, i) => i),
    );
    expect(run.gradSizes.length).toBe(21);
    expect(run.gradSizes.names).toEqual(['layer0', 'layer1', 'layer2']);
    expect(run.gradSizes.column('layer0')[0]).toBe(0); // epoch 0: nothing has flowed yet
    expect(run.gradSizes.column('layer0')[20]).toBeGreaterThan(0);
    expect(run.maps?.grid).toBe(MAP_GRID);
    expect(run.maps?.output.length).toBe(MAP_GRID * MAP_GRID);
    expect(run.weights).toHaveLength(25);
    expect(run.state?.epoch).toBe(20);
  });

  it('Step: the first is a run of one epoch; the next carries on from where it stopped', async () => {
    await s().step('c', CIRCLE);
    expect(s().runs.c!.status).toBe('stepped');
    expect(s().runs.c!.history.length).toBe(2);
    await s().step('c', CIRCLE);
    const run = s().runs.c!;
    expect(run.state?.epoch).toBe(2);
    expect(Array.from(run.history.column('epochs').subarray(0, run.history.length))).toEqual([0, 1, 2]);
  });

  it('a config the worker refuses ends the run with its message, not an exception', async () => {
    await s().train('c', { ...CIRCLE, hidden: [99] }, 'max');
    expect(s().runs.c!.status).toBe('error');
    expect(s().runs.c!.message).toMatch(/Hidden layers/);
  });
});
