/**
 * The stages of the tape walkthrough, built from the engine's real trace: start recording,
 * record each operation, seed dL/dL = 1, walk each operation backwards, reach dL/dw, update.
 */
import { formatNumber } from '../../../components/format.ts';
import type { StepResult } from '../../../worker-client.ts';

export interface Phase {
  /** How many trace entries are visible. */
  recorded: number;
  /** Entries whose gradient is visible. */
  gradsShown: number[];
  showWeightGrad: boolean;
  active: number | 'w' | null;
  text: string;
  tfLines: number[];
  ourLines: number[];
}

const OP_WORDS: Record<string, string> = { mul: 'multiply', sub: 'subtract', square: 'square', add: 'add', mean: 'average' };

export function buildPhases(r: StepResult): Phase[] {
  const n = r.trace.length;
  const name = (i: number) => (i === n - 1 ? 'L' : `t${i + 1}`);
  const phases: Phase[] = [{
    recorded: 0, gradsShown: [], showWeightGrad: false, active: null, tfLines: [0, 1], ourLines: [0, 1],
    text: `A fresh tape starts recording. The weight w = ${formatNumber(r.record.weightBefore)} is watched, so every operation that touches it is written down.`,
  }];
  r.trace.forEach((e, i) => phases.push({
    recorded: i + 1, gradsShown: [], showWeightGrad: false, active: i, tfLines: [2], ourLines: [2, 3],
    text: `Forward: ${OP_WORDS[e.op] ?? e.op} — the tape records ${name(i)} = ${formatNumber(e.value?.[0])}.`,
  }));
  for (let i = n - 1; i >= 0; i--) {
    const shown = Array.from({ length: n - i }, (_, k) => n - 1 - k);
    const e = r.trace[i];
    phases.push({
      recorded: n, gradsShown: shown, showWeightGrad: false, active: i, tfLines: [3], ourLines: [4],
      text: i === n - 1
        ? 'Backward starts at the loss itself: dL/dL = 1.'
        : `Backward through ${OP_WORDS[r.trace[i + 1].op] ?? r.trace[i + 1].op}: the chain rule gives dL/d${name(i)} = ${formatNumber(e.grad?.[0])}.`,
    });
  }
  phases.push({
    recorded: n, gradsShown: r.trace.map((_, i) => i), showWeightGrad: true, active: 'w', tfLines: [3], ourLines: [4],
    text: `Backward through ${OP_WORDS[r.trace[0]?.op] ?? 'the first operation'} reaches the weight: dL/dw = ${formatNumber(r.record.gradWeight)}. That is the gradient.`,
  });
  phases.push({
    recorded: n, gradsShown: r.trace.map((_, i) => i), showWeightGrad: true, active: null, tfLines: [4], ourLines: [5],
    text: `Update: w ← ${formatNumber(r.record.weightBefore)} + ${formatNumber(r.record.gradWeight)} · (−0.01) = ${formatNumber(r.record.weight)}. The tape has done its job and is discarded.`,
  });
  return phases;
}
