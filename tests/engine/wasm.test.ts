// The WebAssembly residual kernel is only an optimisation of the JS loops in kernels/fused.ts:
// same totals, bit for bit, on any data, block layout and tail; the bytes we ship are the
// compiled .wat; and training gives the same weights with it on or off.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as E from '../../src/engine/index.ts';
import { residualSumsJs, type Residual } from '../../src/engine/kernels/fused.ts';
import { BLOCK } from '../../src/engine/kernels/reduce.ts';
import { forgetStagedForTesting, residualSumsWasm, setWasmKernels, wasmAvailable } from '../../src/engine/kernels/wasm/residual.ts';
import { evaluations } from '../../src/engine/lazy/evaluate.ts';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { WASM_DIR, moduleText, outputFor, watFiles } from '../../scripts/build-wasm.mjs';
import { rng } from './gradcheck.ts';

afterEach(() => {
  setWasmKernels(true);
  forgetStagedForTesting();
});

/** Both kernels' totals for one residual (w, b, k float32). */
function both(x: Float32Array, y: Float32Array, n: number, w: number, b: number, k: number) {
  const js = new Float64Array(3), wasm = new Float64Array(3);
  const r: Residual = { w, b, hasBias: true, yFirst: true, k, f32: true, wantE: true };
  residualSumsJs(x, y, n, r, k, js);
  expect(residualSumsWasm(x, y, n, w, b, k, wasm)).toBe(true);
  return { js: Array.from(js), wasm: Array.from(wasm) };
}

/** Float32 values that stress rounding: ordinary, tiny (subnormal), huge, ±0, exact halves. */
const f32 = fc.oneof(
  fc.float({ min: -8, max: 8, noNaN: true }),
  fc.float({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e-45, -1e-45, 1.5, 3, -3, 2 ** -126, 3.4e38),
);

describe('WebAssembly residual kernel', () => {
  it('is available on this platform (so the tests below exercise it)', () => {
    expect(wasmAvailable()).toBe(true);
  });

  it('matches the JS loops bit for bit on random data, lengths and scalars', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(f32, f32), { minLength: 1, maxLength: 70 }),
        fc.integer({ min: 0, max: 3 }), f32, f32, f32,
        (pairs, blocks, w, b, k) => {
          // Whole blocks plus 1–70 more elements: every tail length and block boundary.
          const n = blocks * BLOCK + pairs.length;
          const x = new Float32Array(n), y = new Float32Array(n);
          for (let i = 0; i < n; i++) [x[i], y[i]] = pairs[i % pairs.length];
          const { js, wasm } = both(x, y, n, Math.fround(w), Math.fround(b), Math.fround(k));
          for (let i = 0; i < 3; i++) expect(Object.is(wasm[i], js[i]) || (Number.isNaN(wasm[i]) && Number.isNaN(js[i])), `sum ${i}: ${wasm[i]} vs ${js[i]}`).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('copies new data in: alternating datasets of one length, and a shorter prefix, give their own sums', () => {
    const r = rng(5);
    const n = BLOCK + 13;
    const make = () => Float32Array.from({ length: n }, () => Math.fround(r() * 10 - 5));
    const [x1, y1, x2, y2] = [make(), make(), make(), make()];
    for (const [x, y, m] of [[x1, y1, n], [x2, y2, n], [x1, y1, n], [x1, y2, n], [x1, y1, n - 7]] as const) {
      const { js, wasm } = both(x, y, m, 0.25, -0.5, Math.fround(-2 / m));
      expect(wasm).toEqual(js);
    }
  });

  it('is what the checked-in bytes were compiled from (npm run wasm)', async () => {
    const files: string[] = watFiles();
    expect(files).toContain('residual.wat');
    for (const f of files) expect(readFileSync(WASM_DIR + outputFor(f), 'utf8')).toBe(await moduleText(f));
  });

  it('gives the same training run as the JS loops, through the tape, with and without a bias', () => {
    const r = rng(9);
    const xs = Float32Array.from({ length: 5000 }, () => r() * 10 - 5);
    const x = E.tensor(xs), y = E.tensor(xs.map((v) => -v + (r() - 0.5) * 0.1));
    const train = (bias: boolean) => {
      const w = E.variable(0.5), b = E.variable(0);
      const losses: number[] = [];
      for (let s = 0; s < 15; s++) {
        const tape = new E.GradientTape();
        const loss = tape.record(() => E.mean(E.square(E.sub(y, bias ? E.add(E.mul(x, w), b) : E.mul(x, w)))));
        const [gw, gb] = tape.gradient(loss, [w, b]);
        w.assign(E.sub(w, E.mul(gw, 0.01)));
        b.assign(E.sub(b, E.mul(gb, 0.01)));
        losses.push(loss.item());
      }
      return [...losses, w.item(), b.item()];
    };
    for (const bias of [false, true]) {
      const fusedBefore = evaluations.fused;
      const withWasm = train(bias);
      expect(evaluations.fused).toBeGreaterThan(fusedBefore); // the fused kernel did run
      setWasmKernels(false);
      const withJs = train(bias);
      setWasmKernels(true);
      expect(withWasm).toEqual(withJs);
    }
  });
});
