// Compiles the engine's WebAssembly kernels (src/engine/accel/wasm/*.wat) with wabt into
// TypeScript modules of bytes, so the engine needs no fetch and no build step to load them.
// Run: npm run wasm. tests/engine/accel/wasm/wasm.test.ts checks the committed output is current.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';

export const WASM_DIR = fileURLToPath(new URL('../src/engine/accel/wasm/', import.meta.url));

/** The TypeScript module text for one .wat file. */
export async function moduleText(watFile) {
  const wabt = await initWabt();
  const source = readFileSync(WASM_DIR + watFile, 'utf8');
  const mod = wabt.parseWat(watFile, source, { simd: true });
  mod.validate();
  const bytes = mod.toBinary({}).buffer;
  mod.destroy();
  const rows = [];
  for (let i = 0; i < bytes.length; i += 24) rows.push('  ' + Array.from(bytes.subarray(i, i + 24)).join(', ') + ',');
  return [
    `// Generated from ${watFile} by scripts/build-wasm.mjs (npm run wasm). Do not edit.`,
    `export const BYTES = new Uint8Array([`,
    ...rows,
    `]);`,
    '',
  ].join('\n');
}

export const watFiles = () => readdirSync(WASM_DIR).filter((f) => f.endsWith('.wat'));
export const outputFor = (watFile) => watFile.replace(/\.wat$/, '-wasm.ts');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of watFiles()) {
    writeFileSync(WASM_DIR + outputFor(f), await moduleText(f));
    console.log(`wrote ${outputFor(f)}`);
  }
}
