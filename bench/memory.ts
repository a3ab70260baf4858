/**
 * Heap check: 1,000,000 tutorial steps (W1) on the engine must not grow the heap beyond a
 * few MB — finished tapes, tensors and lazy nodes must all be collectable. The heap is
 * sampled after a full GC between chunks of one long run (the variable stays alive).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GradientTape, mul, scalar, square, sub, variable, type Variable } from '../src/engine/index.ts';

/** A full garbage collection (bench only: exposes V8's gc() without a command-line flag). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** `steps` tutorial steps on `w`, written as the lesson writes them. */
function negatorSteps(w: Variable, steps: number): void {
  const x = scalar(3);
  const y = scalar(-3);
  for (let s = 0; s < steps; s++) {
    const tape = new GradientTape();
    const loss = tape.record(() => square(sub(y, mul(x, w))));
    w.assign(sub(w, mul(tape.gradient(loss, w), 0.01)));
  }
}

/** Heap samples (bytes, after full GCs) every `steps / chunks` steps of one run. */
export function heapGrowth(
  steps: number,
  chunks = 10,
): { steps: number; samples: number[]; growth: number; seconds: number } {
  const w = variable(0.5);
  negatorSteps(w, 2000); // warm up, so compiled code is not counted
  collect();
  const samples = [process.memoryUsage().heapUsed];
  let busy = 0;
  for (let c = 0; c < chunks; c++) {
    const t0 = performance.now();
    negatorSteps(w, steps / chunks);
    busy += performance.now() - t0;
    collect();
    samples.push(process.memoryUsage().heapUsed);
  }
  return { steps, samples, growth: samples[samples.length - 1] - samples[0], seconds: busy / 1000 };
}
