/**
 * Timing. Implementations are interleaved within every repetition (hand, engine, tfjs-cpu,
 * tfjs-wasm, hand, engine, …) so that a change in background load hits all of them alike,
 * and ratios are taken per repetition before the median.
 */
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

/** One contender: its runner, a per-repetition time budget, and a setup hook (backend switch). */
export interface Impl {
  name: string;
  run: Run;
  budgetMs: number;
  setup?: () => Promise<void>;
}

/** What one implementation measured on one workload. */
export interface Measurement {
  impl: string;
  /** Median seconds per training step over the repetitions. */
  perStep: number;
  /** Every repetition's seconds per step, in repetition order. */
  samples: number[];
  /** Steps timed per repetition (fewer than runs × steps only when a slow backend hit its budget). */
  stepsPerRep: number;
  result: RunResult;
}

interface Plan {
  runs: number;
  steps: number;
}

/** Times every implementation on `w`: a probe and a warm-up each, then interleaved repetitions. */
export async function measureAll(w: Workload, impls: Impl[]): Promise<Measurement[]> {
  const plans: Plan[] = [];
  for (const impl of impls) {
    await impl.setup?.();
    plans.push(planFor(impl, w));
    timeOnce(impl.run, w, plans[plans.length - 1]); // warm-up at full size
  }
  const rows: Measurement[] = impls.map((impl, i) => ({
    impl: impl.name,
    perStep: NaN,
    samples: [],
    stepsPerRep: plans[i].runs * plans[i].steps,
    result: { loss: NaN, w: NaN, b: NaN },
  }));
  for (let r = 0; r < w.reps; r++) {
    for (let i = 0; i < impls.length; i++) {
      await impls[i].setup?.();
      const s = timeOnce(impls[i].run, w, plans[i]);
      rows[i].samples.push(s.seconds / rows[i].stepsPerRep);
      rows[i].result = s.result;
    }
  }
  for (const row of rows) row.perStep = median(row.samples);
  return rows;
}

/** Median over repetitions of a.samples[r] / b.samples[r]. */
export function ratio(a: Measurement, b: Measurement): number {
  return median(a.samples.map((s, r) => s / b.samples[r]));
}

/** Full size, unless a repetition would exceed the budget: then fewer runs or steps (≥ 2). */
function planFor(impl: Impl, w: Workload): Plan {
  const probe = Math.min(w.steps, 2);
  const t0 = performance.now();
  impl.run(w.data, probe, w.lr, w.bias, 0.5);
  const estimate = Math.max((performance.now() - t0) / probe, 1e-6);
  const affordable = Math.max(2, Math.floor(impl.budgetMs / estimate));
  if (affordable >= w.steps * w.runs) return { runs: w.runs, steps: w.steps };
  if (affordable >= w.steps) return { runs: Math.floor(affordable / w.steps), steps: w.steps };
  return { runs: 1, steps: affordable };
}

function timeOnce(run: Run, w: Workload, plan: Plan): { seconds: number; result: RunResult } {
  let result: RunResult = { loss: NaN, w: NaN, b: NaN };
  const t0 = performance.now();
  for (let i = 0; i < plan.runs; i++) result = run(w.data, plan.steps, w.lr, w.bias, 0.5);
  return { seconds: (performance.now() - t0) / 1000, result };
}
