/** Runs one implementation several times on one workload and keeps per-step medians. */
import { median } from './stats.ts';
import type { Data, Run, RunResult } from './types.ts';

/** A workload: what to train and how often. */
export interface Workload {
  id: string;
  label: string;
  data: Data;
  /** Steps per training run (40 for W1, 100 for W2/W3). */
  steps: number;
  /** Training runs per repetition (W1 repeats its 40 steps to get a measurable time). */
  runs: number;
  bias: boolean;
  lr: number;
  reps: number;
}

/** What one implementation measured on one workload. */
export interface Measurement {
  impl: string;
  /** Median seconds per training step over the repetitions. */
  perStep: number;
  /** Every repetition's seconds per step. */
  samples: number[];
  /** Steps timed per repetition (fewer than runs × steps only when a slow backend hit its time budget). */
  stepsPerRep: number;
  result: RunResult;
}

/**
 * Times `run` on `w`: one warm-up repetition, then `w.reps` timed ones. A repetition that
 * would exceed `budgetMs` (estimated from the warm-up) trains fewer runs, or fewer steps,
 * but never fewer than 2 steps; the per-step time stays comparable.
 */
export function measure(impl: string, run: Run, w: Workload, budgetMs: number): Measurement {
  const probeSteps = Math.min(w.steps, 2);
  const t0 = performance.now();
  run(w.data, probeSteps, w.lr, w.bias, 0.5);
  const estimate = (performance.now() - t0) / probeSteps;
  const wanted = w.steps * w.runs;
  const affordable = Math.max(2, Math.floor(budgetMs / Math.max(estimate, 1e-6)));
  const plan = affordable >= wanted ? { runs: w.runs, steps: w.steps } : fewer(w, affordable);
  timeOnce(run, w, plan); // warm-up at full size
  const samples: number[] = [];
  let result: RunResult = { loss: NaN, w: NaN, b: NaN };
  for (let r = 0; r < w.reps; r++) {
    const s = timeOnce(run, w, plan);
    samples.push(s.seconds / (plan.runs * plan.steps));
    result = s.result;
  }
  return { impl, perStep: median(samples), samples, stepsPerRep: plan.runs * plan.steps, result };
}

function fewer(w: Workload, affordable: number): { runs: number; steps: number } {
  if (affordable >= w.steps) return { runs: Math.floor(affordable / w.steps), steps: w.steps };
  return { runs: 1, steps: affordable };
}

function timeOnce(run: Run, w: Workload, plan: { runs: number; steps: number }): { seconds: number; result: RunResult } {
  let result: RunResult = { loss: NaN, w: NaN, b: NaN };
  const t0 = performance.now();
  for (let i = 0; i < plan.runs; i++) result = run(w.data, plan.steps, w.lr, w.bias, 0.5);
  return { seconds: (performance.now() - t0) / 1000, result };
}
