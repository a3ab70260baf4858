// Runs bench/<name>.bench.ts the way the app ships the engine: bundled into one module, as
// Vite bundles the worker. Loading the sources through tsx instead turns every cross-module
// call into a getter on a live binding, which costs the engine ~2.5× on the tutorial's
// scalar steps (measured) and would make the benchmark measure the loader, not the engine.
// Usage: node scripts/run-bench.mjs engine [-- --json]
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const [name, ...args] = process.argv.slice(2);
const outfile = `node_modules/.cache/bench/${name}.bench.mjs`;
await build({
  entryPoints: [`bench/${name}.bench.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external', // tfjs runs from node_modules as published
  outfile,
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
