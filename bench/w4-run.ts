/**
 * `node --import tsx bench/w4-run.ts [--reps=15]` — runs the W4 benchmark bundled into one
 * module, as Vite bundles the worker (see scripts/run-bench.mjs for why: through tsx's
 * loader every cross-module call goes through a getter). Unlike run-bench.mjs it bundles the
 * iris data too: Node refuses to load an external JSON module without an import attribute,
 * which esbuild's node20 target drops. Only TensorFlow.js stays external, run as published.
 */
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const outfile = 'dist/bench-w4/w4-iris.bench.mjs';
await build({
  entryPoints: ['bench/w4-iris.bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@tensorflow/*'],
  outfile,
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
