/**
 * The real trainer-api behind Comlink over a MessageChannel in this thread: the worker's
 * exact wire protocol, without a Worker (the pattern of Comlink's own tests).
 */
import * as Comlink from 'comlink';
import { trainerApi, type TrainerApi } from '../../workers/trainer-api.ts';
import type { TrainerClient } from '../../src/worker-client.ts';

export function createChannelClient(): TrainerClient & { close(): void } {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(trainerApi, port1);
  const api = Comlink.wrap<TrainerApi>(port2);
  return {
    train: (config, onBatch, opts) => api.train(config, Comlink.proxy(onBatch), opts),
    stop: (runId) => api.stop(runId),
    step: (config, state) => api.step(config, state),
    curvature: (config, weight) => api.curvature(config, weight),
    lossCurve: (config, from, to, n, bias) => api.lossCurve(config, from, to, n, bias),
    evaluate: (config, weight, bias) => api.evaluate(config, weight, bias),
    crashForTesting: () => Promise.resolve(),
    close() {
      api[Comlink.releaseProxy]();
      port1.close();
      port2.close();
    },
  };
}
