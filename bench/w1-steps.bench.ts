/**
 * The tutorial's step (W1) N times and nothing else, for counting machine instructions with
 * valgrind, which repeats to a few instructions where wall-clock time on a shared machine
 * does not. Instructions per step = (count at N₂ − count at N₁) / (N₂ − N₁), which cancels
 * start-up and compilation; --single-threaded keeps V8's background compiler and GC threads
 * from making the counts differ run to run (they then agree to ~10 instructions per step):
 *
 *   node scripts/run-bench.mjs w1-steps 0   # builds node_modules/.cache/bench/w1-steps.bench.mjs
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
 *     node --single-threaded node_modules/.cache/bench/w1-steps.bench.mjs 20000      (then 120000)
 */
import { GradientTape, mul, scalar, square, sub, variable } from '../src/engine/index.ts';

const steps = Number(process.argv[2] ?? 0);
const x = scalar(3);
const y = scalar(-3);
const w = variable(0.5);
// Warm-up outside the counted difference: both runs compile the same code first.
for (let s = 0; s < steps + 20000; s++) {
  const tape = new GradientTape();
  const loss = tape.record(() => square(sub(y, mul(x, w))));
  w.assign(sub(w, mul(tape.gradient(loss, w), 0.01)));
  if (s % 40 === 39) w.assign(0.5);
}
console.log(w.item());
