/**
 * What the Layers pages share: reading a network run for the page (its latest epoch, chart
 * points, status line), its Speed, and the run configs each step trains.
 */
import { lessonStore, useLesson } from '../../store/lesson-store.ts';
import type { NetworkRunView } from '../../store/network-store.ts';
import { LESSON_SPEED, type Speed } from '../../training/pace.ts';
import { PLAYGROUND_DEFAULTS, type NetworkConfig } from '../../training/network/config.ts';

export {
  NETWORK_STORE,
  epochPoints,
  latest,
  networkStatus,
  stateOf,
  useNetworkRun,
} from '../../components/network-run-views.ts';

/** Every update's mini-batch loss, at most ~`max` points (evenly spread, the last kept). */
export function batchPoints(run: NetworkRunView | undefined, max = 3000): { step: number; value: number }[] {
  const h = run?.batchHistory;
  if (!h || !h.length) return [];
  const at = h.column('at');
  const loss = h.column('loss');
  const stride = Math.max(1, Math.ceil(h.length / max));
  const out: { step: number; value: number }[] = [];
  for (let i = 0; i < h.length; i += stride) out.push({ step: at[i], value: loss[i] });
  if ((h.length - 1) % stride !== 0) out.push({ step: at[h.length - 1], value: loss[h.length - 1] });
  return out;
}

/** The Speed a Layers page shows its runs at: the learner's choice, or `fallback`. */
export function useLayersSpeed(page: string, fallback: Speed = LESSON_SPEED): [Speed, (s: Speed) => void] {
  const speed = useLesson((s) => s.speeds[page] ?? fallback);
  return [speed, (s) => lessonStore.getState().setSpeed(page, s)];
}

/** A network run's settings for the lessons: the Playground's defaults with these changes. */
export const networkConfig = (c: Partial<NetworkConfig>): NetworkConfig => ({ ...PLAYGROUND_DEFAULTS, ...c });

/** |x| at 21 evenly spaced x from −2 to 2 (step 0.2). */
export const ABS_XS = Array.from({ length: 21 }, (_, i) => Number((-2 + i * 0.2).toFixed(1)));
export const ABS_DATA: NetworkConfig['data'] = {
  kind: 'pairs',
  inputs: ABS_XS.map((x) => [x]),
  targets: ABS_XS.map(Math.abs),
};

/** "setosa and versicolor" */
export const pairName = (names: readonly string[], [i, j]: readonly [number, number]) => `${names[i]} and ${names[j]}`;
