// Runs bench/<name>.bench.ts for each name given, one after the other, the way the app ships
// the engine: bundled into one module, as Vite bundles the worker. Loading the sources through
// tsx instead turns every cross-module call into a getter on a live binding, which costs the
// engine ~2.5× on the tutorial's scalar steps (measured) and would make the benchmark measure
// the loader, not the engine. Only TensorFlow.js stays external, run as published; the iris
// data is bundled (Node will not load an external JSON module without an import attribute).
// Usage: node scripts/run-bench.mjs engine w4-iris [-- --json]
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
for (const name of names) {
  const outfile = `node_modules/.cache/bench/${name}.bench.mjs`;
  await build({
    entryPoints: [`bench/${name}.bench.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@tensorflow/*'],
    outfile,
    logLevel: 'warning',
  });
  process.argv = [process.argv[0], outfile, ...flags];
  await import(pathToFileURL(outfile).href);
}
