/**
 * `npm run bench` — the engine against (A) a hand-written closed-form loop, (C) tfjs-cpu and
 * (D) tfjs-wasm, in one process, on the tutorial (W1), mean squared error over N pairs (W2)
 * and the same with a bias (W3). Medians of several repetitions; a PASS/FAIL line per target.
 * `npm run bench -- --json` also writes bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { hand } from './hand.ts';
import { measureAll, ratio, type Impl, type Measurement, type Workload } from './measure.ts';
import { heapGrowth } from './memory.ts';
import { ours } from './ours.ts';
import { printSummary, printWorkload, target, type Target } from './report.ts';
import { negatorData } from './stats.ts';
import { tfjsBytes, tfjsRun, selectBackend } from './tfjs.ts';
import { setAcceleration } from '../src/engine/accel/index.ts';

const ONE_PAIR = { x: new Float32Array([3]), y: new Float32Array([-3]) };

const WORKLOADS: Workload[] = [
  // More repetitions for W1: its ratio divides two small, noisy per-step times.
  {
    id: 'W1',
    label: 'the tutorial: one pair (3 → −3), 40 steps, repeated',
    data: ONE_PAIR,
    steps: 40,
    runs: 250,
    bias: false,
    lr: 0.01,
    reps: 9,
  },
  ...[1e3, 1e5, 1e6].map((n): Workload => ({
    id: `W2 N=${n.toExponential(0)}`,
    label: `mean((y − x·w)²) over ${n} pairs, 100 steps`,
    data: negatorData(n),
    steps: 100,
    runs: n < 1e4 ? 20 : 1,
    bias: false,
    lr: 0.01,
    reps: n >= 1e6 ? 3 : 5,
  })),
  {
    id: 'W3 N=1e+5',
    label: 'mean((y − (x·w + b))²) over 100000 pairs, 100 steps',
    data: negatorData(1e5, 7),
    steps: 100,
    runs: 1,
    bias: true,
    lr: 0.01,
    reps: 5,
  },
];

/** The contenders. The slow backends get per-repetition time budgets (ms) and train fewer steps rather than for minutes. */
const wasmKernels = (wasm: boolean) => async (): Promise<void> => void setAcceleration({ wasm });
const IMPLS: Impl[] = [
  { name: 'hand', run: hand, budgetMs: Infinity },
  { name: 'engine', run: ours, budgetMs: Infinity, setup: wasmKernels(true) },
  // The same engine where WebAssembly is unavailable: its JS loops (for information; no target).
  { name: 'engine, JS only', run: ours, budgetMs: Infinity, setup: wasmKernels(false) },
  { name: 'tfjs-cpu', run: tfjsRun, budgetMs: 1200, setup: () => selectBackend('cpu') },
  { name: 'tfjs-wasm', run: tfjsRun, budgetMs: 5000, setup: () => selectBackend('wasm') },
];

async function runWorkload(w: Workload): Promise<Measurement[]> {
  const rows = await measureAll(w, IMPLS);
  printWorkload(w, rows);
  return rows;
}

const row = (rows: Measurement[], impl: string) => rows.find((r) => r.impl === impl)!;

function targetsFor(results: Map<string, Measurement[]>, growthMB: number): Target[] {
  const t: Target[] = [];
  for (const id of ['W2 N=1e+5', 'W2 N=1e+6', 'W3 N=1e+5']) {
    const rows = results.get(id)!;
    t.push(target(`${id} engine vs hand-written loop`, ratio(row(rows, 'engine'), row(rows, 'hand')), 'max', 2.5));
    t.push(
      target(`${id} engine faster than tfjs-wasm by`, ratio(row(rows, 'tfjs-wasm'), row(rows, 'engine')), 'min', 2.5),
    );
  }
  const w1 = results.get('W1')!;
  t.push(
    target('W1 engine faster than tfjs-cpu per step by', ratio(row(w1, 'tfjs-cpu'), row(w1, 'engine')), 'min', 100),
  );
  t.push(target('Memory: heap growth over 1,000,000 W1 steps', growthMB, 'max', 4, 'MB'));
  return t;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Engine benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; float32 everywhere`,
  );
  console.log(
    `Load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on this machine skews ratios; the JS contenders suffer more than wasm)`,
  );
  await selectBackend('wasm'); // initialise both backends up front
  await selectBackend('cpu');
  const results = new Map<string, Measurement[]>();
  for (const w of WORKLOADS) results.set(w.id, await runWorkload(w));
  const memory = heapGrowth(1_000_000);
  const growthMB = memory.growth / 2 ** 20;
  console.log(
    `\nMemory: ${memory.steps} W1 steps in ${memory.seconds.toFixed(1)} s; heap after GC every 100k steps (MB): ${memory.samples.map((b) => (b / 2 ** 20).toFixed(2)).join(' ')}`,
  );
  console.log(`tfjs tensors still allocated: ${tfjsBytes()} bytes`);
  const targets = targetsFor(results, growthMB);
  printSummary(targets);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nTotal bench time ${seconds.toFixed(0)} s; load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (process.argv.includes('--json')) writeJson(results, memory, targets, seconds);
}

function writeJson(
  results: Map<string, Measurement[]>,
  memory: ReturnType<typeof heapGrowth>,
  targets: Target[],
  seconds: number,
): void {
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: { count: cpus().length, model: cpus()[0]?.model },
    loadAverageAtEnd: loadavg(),
    dtype: 'float32',
    workloads: [...results].map(([id, rows]) => ({
      id,
      rows: rows.map((r) => ({
        impl: r.impl,
        secondsPerStep: r.perStep,
        samples: r.samples,
        stepsPerRep: r.stepsPerRep,
        finalW: r.result.w,
        finalB: r.result.b,
        finalLoss: r.result.loss,
      })),
    })),
    memory,
    targets,
    seconds,
  };
  // Relative to the project (npm runs scripts there), not to this module, which runs bundled elsewhere.
  const file = 'bench/results.json';
  writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(`Wrote ${file}`);
}

await main();
