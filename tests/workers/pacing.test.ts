// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trainerApi, type Batch, type RunEnd } from '../../workers/trainer-api.ts';
import { NEGATOR_CONFIG, type TrainingConfig } from '../../src/training/config.ts';

let runIds = 9000;
const cfg = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({ ...structuredClone(NEGATOR_CONFIG), ...over });

/** A run whose clock the test moves: performance.now and setTimeout are fake. */
function start(config: TrainingConfig, stepsPerSecond: number | null) {
  const batches: Batch[] = [];
  const runId = runIds++;
  let end: RunEnd | null = null;
  void trainerApi
    .train(
      config,
      (b) => {
        batches.push(b);
      },
      { runId, channel: `pace-${runId}`, stepsPerSecond },
    )
    .then((e) => {
      end = e;
    });
  const lastStep = () => (batches.length ? batches[batches.length - 1].steps.at(-1)! : -1);
  return { runId, batches, lastStep, end: () => end };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('paced runs', () => {
  it('at 10 steps/s the tutorial run is at about step 10 after one second and done after four', async () => {
    const run = start(cfg(), 10);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run.lastStep()).toBeGreaterThanOrEqual(9);
    expect(run.lastStep()).toBeLessThanOrEqual(11);
    expect(run.end()).toBeNull();
    await vi.advanceTimersByTimeAsync(3100);
    expect(run.end()).toMatchObject({ status: 'done', lastStep: 40 });
  });

  it('sends one batch per step when paced, each ending at the state the step reached', async () => {
    const run = start(cfg(), 20);
    await vi.advanceTimersByTimeAsync(2100);
    expect(run.end()).toMatchObject({ status: 'done' });
    expect(run.batches.length).toBe(40);
    expect(run.batches.map((b) => b.steps[b.steps.length - 1])).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('a speed change takes effect mid-run', async () => {
    const run = start(cfg({ steps: 200 }), 1);
    await vi.advanceTimersByTimeAsync(2050);
    expect(run.lastStep()).toBeLessThanOrEqual(3);
    await trainerApi.setSpeed(run.runId, 50);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run.lastStep()).toBeGreaterThan(40);
    await trainerApi.setSpeed(run.runId, null);
    await vi.advanceTimersByTimeAsync(100);
    expect(run.end()).toMatchObject({ status: 'done', lastStep: 200 });
  });
});

describe('pause, step while paused, resume, stop', () => {
  it('pause holds the step count; one advance takes exactly one step; resume finishes with the unpaused result', async () => {
    const run = start(cfg(), 10);
    await vi.advanceTimersByTimeAsync(550);
    await trainerApi.pause(run.runId);
    const held = run.lastStep();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run.lastStep()).toBe(held);
    await trainerApi.advance(run.runId);
    await vi.advanceTimersByTimeAsync(10);
    expect(run.lastStep()).toBe(held + 1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(run.lastStep()).toBe(held + 1);
    await trainerApi.resume(run.runId);
    await vi.advanceTimersByTimeAsync(5000);
    const end = run.end() as RunEnd | null;
    expect(end).toMatchObject({ status: 'done', lastStep: 40 });
    // Same weights as a run that never paused: the trainer carried on, nothing was redone.
    const straight = start(cfg(), null);
    await vi.advanceTimersByTimeAsync(100);
    expect((straight.end() as RunEnd | null)?.state).toEqual(end!.state);
  });

  it('momentum keeps its velocity across a pause', async () => {
    const config = cfg({ optimizer: 'momentum', dtype: 'float64', steps: 30 });
    const paused = start(config, 20);
    await vi.advanceTimersByTimeAsync(420);
    await trainerApi.pause(paused.runId);
    await vi.advanceTimersByTimeAsync(1000);
    await trainerApi.resume(paused.runId);
    await vi.advanceTimersByTimeAsync(2000);
    const straight = start(config, null);
    await vi.advanceTimersByTimeAsync(100);
    expect((paused.end() as RunEnd | null)?.state).toEqual((straight.end() as RunEnd | null)?.state);
  });

  it('stop while paused ends the run as stopped with its state', async () => {
    const run = start(cfg(), 10);
    await vi.advanceTimersByTimeAsync(350);
    await trainerApi.pause(run.runId);
    await vi.advanceTimersByTimeAsync(100);
    await trainerApi.stop(run.runId);
    await vi.advanceTimersByTimeAsync(10);
    const end = run.end() as RunEnd | null;
    expect(end?.status).toBe('stopped');
    expect(end?.state.step).toBe(run.lastStep());
  });
});
