/**
 * What Train, Stop, Step and Reset do on the Playground. Each run gets its own training-store
 * channel so the last few stay on the loss chart for comparison.
 */
import { playgroundStore } from '../store/playground-store.ts';
import { trainingStore, type RunView } from '../store/training-store.ts';
import { getTrainerClient } from '../store/trainer-client.ts';
import type { TrainingConfig } from '../training/config.ts';
import type { TrainerState } from '../training/trainer.ts';

const sameConfig = (a: TrainingConfig, b: TrainingConfig) => JSON.stringify(a) === JSON.stringify(b);

/** The run the readout, landscape, prediction and export follow. */
export function selectedRun(): RunView | undefined {
  const channel = playgroundStore.getState().selected;
  return channel ? trainingStore.getState().runs[channel] : undefined;
}

/** Stops whatever Playground run is still going (a new run replaces it). */
export async function stopRuns(): Promise<void> {
  const { runs } = playgroundStore.getState();
  const all = trainingStore.getState().runs;
  await Promise.all(runs.filter((r) => all[r.channel]?.status === 'running').map((r) => trainingStore.getState().stop(r.channel)));
}

/** Starts a new compared run of `config` and resolves when it ends. */
export async function trainRun(config: TrainingConfig): Promise<void> {
  await stopRuns();
  const run = playgroundStore.getState().addRun();
  await trainingStore.getState().start(run.channel, config);
}

/**
 * Where the next Step continues from: the exact optimizer state of the previous Step, or for
 * plain SGD the last weights of the selected run. Momentum and Adam after a Train start a
 * fresh run, since their velocities were not kept.
 */
function continuation(config: TrainingConfig): { channel: string; state: TrainerState } | null {
  const { selected, stepState } = playgroundStore.getState();
  const run = selectedRun();
  if (!selected || !run || run.status === 'running' || run.status === 'diverged' || run.status === 'error' || !sameConfig(run.config, config)) return null;
  const last = run.history.latest();
  if (!last) return null;
  if (stepState?.channel === selected && stepState.state.step === last.step) return stepState;
  if (config.optimizer !== 'sgd') return null;
  return { channel: selected, state: { step: last.step, weight: last.weight, bias: last.bias, m: [0, 0], v: [0, 0] } };
}

/** Takes exactly one step in the worker and appends it to the selected run (or a new one). */
export async function stepRun(config: TrainingConfig): Promise<void> {
  const from = continuation(config);
  const channel = from?.channel ?? playgroundStore.getState().addRun().channel;
  const result = await getTrainerClient().step(config, from?.state);
  trainingStore.getState().recordStep(channel, config, result.record);
  playgroundStore.getState().setStepState({ channel, state: result.state });
}

/** Reset: stops training and discards the selected run, so w and b return to their initial values. */
export async function resetRun(): Promise<void> {
  await stopRuns();
  const { selected } = playgroundStore.getState();
  if (selected) playgroundStore.getState().removeRun(selected);
  playgroundStore.getState().setStepState(null);
}
