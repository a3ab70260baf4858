// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import { createChannelClient } from '../helpers/channel-client.ts';
import { trainerApi, type Batch } from '../../workers/trainer-api.ts';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';

describe('trainer-api over Comlink and a MessageChannel', () => {
  const client = createChannelClient();
  afterAll(() => client.close());

  it('delivers the same batches as calling the api directly', async () => {
    const direct: Batch[] = [];
    await trainerApi.train(
      NEGATOR_CONFIG,
      (b) => {
        direct.push(b);
      },
      { runId: 1 },
    );
    const remote: Batch[] = [];
    const end = await client.train(
      NEGATOR_CONFIG,
      (b) => {
        remote.push(b);
      },
      { runId: 2 },
    );
    expect(end.status).toBe('done');
    const flat = (bs: Batch[], k: 'steps' | 'loss' | 'weight') => bs.flatMap((b) => Array.from(b[k]));
    for (const k of ['steps', 'loss', 'weight'] as const) expect(flat(remote, k)).toEqual(flat(direct, k));
    expect(remote[0].loss).toBeInstanceOf(Float64Array);
  });
});
