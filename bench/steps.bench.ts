/**
 * One benchmark workload run for a given number of steps and nothing else, for counting
 * machine instructions with valgrind: on a shared machine the count repeats to ~0.5 % where
 * wall-clock time does not. Instructions per step = (count at N₂ − count at N₁) / (N₂ − N₁),
 * which cancels start-up and compilation; --single-threaded keeps V8's background compiler
 * and GC threads from making the counts differ from run to run:
 *
 *   node scripts/run-bench.mjs steps W1 0    # builds node_modules/.cache/bench/steps.bench.mjs
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
 *     node --single-threaded node_modules/.cache/bench/steps.bench.mjs W1 20000   (then 220000)
 *
 * Workloads as in engine.bench.ts: W1 (the tutorial, runs of 40 steps), W2:<N> and W3:<N>
 * (N pairs, one long run); add `js` to run without the WebAssembly kernel.
 */
import { setAcceleration } from '../src/engine/accel/index.ts';
import { ours } from './ours.ts';
import { negatorData } from './stats.ts';

const [workload = 'W1', stepsArg = '0', js] = process.argv.slice(2);
const steps = Number(stepsArg);
setAcceleration({ wasm: js !== 'js' });
const [kind, n] = workload.split(':');
const warmUp = 2000;
let w = 0;
if (kind === 'W1') {
  const one = { x: new Float32Array([3]), y: new Float32Array([-3]) };
  for (let s = 0; s < steps + 50 * warmUp; s += 40) w = ours(one, 40, 0.01, false, 0.5).w;
} else {
  const data = negatorData(Number(n), kind === 'W3' ? 7 : 42);
  w = ours(data, steps + warmUp / 10, 0.01, kind === 'W3', 0.5).w;
}
console.log(workload, steps, w);
