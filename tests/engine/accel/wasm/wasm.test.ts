// The WebAssembly residual kernel is only an optimisation of the JS loops in
// accel/fused/residual.ts: same totals, bit for bit, on any data, block layout and tail; and
// the bytes we ship are the compiled .wat. (Training with it on and off: ../accel.test.ts.)
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { residualSumsJs, type Residual } from '../../../../src/engine/accel/fused/residual.ts';
import { forgetStagedForTesting, residualSumsWasm, wasmAvailable } from '../../../../src/engine/accel/wasm/residual.ts';
import { BLOCK } from '../../../../src/engine/kernels/reduce.ts';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { WASM_DIR, moduleText, outputFor, watFiles } from '../../../../scripts/build-wasm.mjs';
import { rng } from '../../gradcheck.ts';

afterEach(() => forgetStagedForTesting());

/** Both kernels' totals for one residual (w, b, k float32). */
function both(x: Float32Array, y: Float32Array, n: number, w: number, b: number, k: number) {
  const js = new Float64Array(3),
    wasm = new Float64Array(3);
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
        fc.integer({ min: 0, max: 3 }),
        f32,
        f32,
        f32,
        (pairs, blocks, w, b, k) => {
          // Whole blocks plus 1–70 more elements: every tail length and block boundary.
          const n = blocks * BLOCK + pairs.length;
          const x = new Float32Array(n),
            y = new Float32Array(n);
          for (let i = 0; i < n; i++) [x[i], y[i]] = pairs[i % pairs.length];
          const { js, wasm } = both(x, y, n, Math.fround(w), Math.fround(b), Math.fround(k));
          for (let i = 0; i < 3; i++)
            expect(
              Object.is(wasm[i], js[i]) || (Number.isNaN(wasm[i]) && Number.isNaN(js[i])),
              `sum ${i}: ${wasm[i]} vs ${js[i]}`,
            ).toBe(true);
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
    for (const [x, y, m] of [
      [x1, y1, n],
      [x2, y2, n],
      [x1, y1, n],
      [x1, y2, n],
      [x1, y1, n - 7],
    ] as const) {
      const { js, wasm } = both(x, y, m, 0.25, -0.5, Math.fround(-2 / m));
      expect(wasm).toEqual(js);
    }
  });

  it('is what the checked-in bytes were compiled from (npm run wasm)', async () => {
    const files: string[] = watFiles();
    expect(files).toContain('residual.wat');
    for (const f of files) expect(readFileSync(WASM_DIR + outputFor(f), 'utf8')).toBe(await moduleText(f));
  });
});
