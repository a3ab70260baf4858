/**
 * The real trainer-api behind Comlink over a MessageChannel in this thread: the worker's
 * exact wire protocol, without a Worker (the pattern of Comlink's own tests).
 */
import * as Comlink from 'comlink';
import { afterAll, beforeAll } from 'vitest';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import { trainerApi } from '../../workers/trainer-api.ts';
import { wrapTrainer, type TrainerClient } from '../../src/worker-client.ts';

export function createChannelClient(): TrainerClient & { close(): void } {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(trainerApi, port1);
  const client = wrapTrainer(port2);
  const close = () => {
    client.release();
    port1.close();
    port2.close();
  };
  // The crash hook would kill this test thread, not a worker: it does nothing here.
  return new Proxy(client as unknown as TrainerClient & { close(): void }, {
    get: (target, name) =>
      name === 'close' ? close : name === 'crashForTesting' ? () => Promise.resolve() : Reflect.get(target, name),
  });
}

/** Makes the stores use a channel client for the tests of the calling file, and closes it after them. */
export function setUpChannelTrainer(): void {
  const client = createChannelClient();
  beforeAll(() => setTrainerClient(client));
  afterAll(() => {
    setTrainerClient(null);
    client.close();
  });
}
