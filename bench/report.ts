/** Printing the benchmark: one table per workload, ratios, and a PASS/FAIL line per target. */
import { perStep } from './stats.ts';
import { ratio, type Measurement, type Workload } from './measure.ts';

/** A target from issue 3, evaluated on this run's medians. */
export interface Target {
  name: string;
  value: number;
  limit: number;
  /** 'max': value must be ≤ limit; 'min': value must be ≥ limit. */
  kind: 'max' | 'min';
  unit: string;
  pass: boolean;
}

/** Builds a target and decides PASS/FAIL. */
export function target(name: string, value: number, kind: 'max' | 'min', limit: number, unit = '×'): Target {
  return { name, value, limit, kind, unit, pass: kind === 'max' ? value <= limit : value >= limit };
}

/** Prints one workload's table: per-step median, ratio to the hand loop, weight reached. */
export function printWorkload(w: Workload, rows: Measurement[]): void {
  const hand = rows.find((r) => r.impl === 'hand')!;
  console.log(`\n${w.id}  ${w.label}`);
  console.log(
    '  implementation       per step     × hand    steps/rep   final w (Δ vs hand)      (× hand: median of per-repetition ratios)',
  );
  for (const r of rows) {
    const delta = Math.abs(r.result.w - hand.result.w) / Math.max(1e-30, Math.abs(hand.result.w));
    console.log(
      `  ${r.impl.padEnd(18)} ${perStep(r.perStep).padStart(11)} ${ratio(r, hand).toFixed(2).padStart(9)}× ${String(r.stepsPerRep).padStart(10)}   ${r.result.w.toPrecision(8)} (${delta.toExponential(1)})`,
    );
  }
}

/** Prints the final PASS/FAIL summary, one line per target. */
export function printSummary(targets: Target[]): void {
  console.log('\nSummary (issue 3 targets)');
  for (const t of targets) {
    const op = t.kind === 'max' ? '≤' : '≥';
    const value = t.unit === '×' ? `${t.value.toFixed(2)}×` : `${t.value.toFixed(2)} ${t.unit}`;
    const limit = t.unit === '×' ? `${t.limit}×` : `${t.limit} ${t.unit}`;
    console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${value} (target ${op} ${limit})`);
  }
}
