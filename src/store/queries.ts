/**
 * Named worker questions the pages ask again and again: the loss curve over a range, and the
 * loss and slope at one weight. Each re-asks only when its arguments change.
 */
import type { TrainingConfig } from '../training/config.ts';
import type { Head } from '../worker-client.ts';
import { useWorkerQuery, type QueryState } from './use-worker-query.ts';

/** The loss at `n` weights evenly spread over `domain` (bias fixed), in float64 for drawing. */
export function useLossCurve(config: TrainingConfig | null, domain: readonly [number, number], n = 161, bias = 0): QueryState<{ w: number; loss: number }[]> {
  const key = config ? JSON.stringify(['curve', config.pairs, config.model, domain, n, bias]) : null;
  return useWorkerQuery(key, async (c) => {
    const r = await c.lossCurve({ ...config!, dtype: 'float64' }, domain[0], domain[1], n, bias);
    return r.weights.map((w, i) => ({ w, loss: r.losses[i] }));
  });
}

/** The loss and its slope at weight `w` (and bias `b`), measured by the engine in the config's dtype. */
export function useMeasure(config: TrainingConfig | null, w: number | undefined, b = 0): QueryState<Head> {
  const key = config && w !== undefined ? JSON.stringify(['measure', config.pairs, config.model, config.dtype, w, b]) : null;
  return useWorkerQuery(key, (c) => c.measure(config!, w!, b));
}
