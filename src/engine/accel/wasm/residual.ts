/**
 * Runs the float32 residual sums (fused/residual.ts) in WebAssembly SIMD when the platform
 * allows it, with the same results bit for bit (residual.wat says why and how).
 *
 * WebAssembly reads only its own memory, so x and y are copied in. Tensors are immutable, so
 * the copy of the last (x, y) pair is kept and reused while the same arrays come back — a
 * training loop sums over the same data every step and pays for the copy once, as
 * TensorFlow.js pays for uploading a tensor to its wasm heap once. The arrays are held
 * weakly, so the cache keeps no dataset alive.
 */
import { BLOCK } from '../../kernels/reduce.ts';
import { on } from '../settings.ts';
import { BYTES } from './residual-wasm.ts';

interface Exports {
  memory: WebAssembly.Memory;
  residualSums(xp: number, yp: number, n: number, block: number, w: number, b: number, k: number, out: number): void;
}

/** Below this many elements the JS loop is as quick as the copy and the call. */
export const WASM_MIN_ELEMENTS = 256;

const OUT = 0; // three f64 totals
const X = 32; // x from here, then y at the next 16-byte boundary

let kernel: Exports | null | undefined;
let cachedX: WeakRef<Float32Array> | null = null;
let cachedY: WeakRef<Float32Array> | null = null;
let cachedN = -1;

/** The instantiated kernel, or null where WebAssembly SIMD is unavailable or forbidden (e.g. by a CSP). */
function load(): Exports | null {
  if (kernel === undefined) {
    try {
      // Synchronous compile is fine: the module is under the 4 KB a browser main thread allows.
      const instance = new WebAssembly.Instance(new WebAssembly.Module(BYTES));
      kernel = instance.exports as unknown as Exports;
    } catch {
      kernel = null;
    }
  }
  return kernel;
}

/** Whether the WebAssembly kernel can run here. */
export function wasmAvailable(): boolean {
  return load() !== null;
}

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/** Copies x and y into the kernel's memory unless they are the arrays copied last time. */
function stage(k: Exports, x: Float32Array, y: Float32Array, n: number): number {
  const yp = X + align16(4 * n);
  if (cachedN === n && cachedX?.deref() === x && cachedY?.deref() === y) return yp;
  const need = yp + 4 * n;
  const have = k.memory.buffer.byteLength;
  if (need > have) k.memory.grow(Math.ceil((need - have) / 65536));
  const mem = new Float32Array(k.memory.buffer);
  mem.set(x.subarray(0, n), X / 4);
  mem.set(y.subarray(0, n), yp / 4);
  cachedX = new WeakRef(x);
  cachedY = new WeakRef(y);
  cachedN = n;
  return yp;
}

/**
 * Σd², Σd·k and Σ(d·k)·x over the first n elements, d = y − (x·w + b), into totals[0..2];
 * w, b and k must be float32 values. Returns false (and computes nothing) when WebAssembly
 * is unavailable, so the caller runs the JS loop instead.
 */
export function residualSumsWasm(
  x: Float32Array,
  y: Float32Array,
  n: number,
  w: number,
  b: number,
  k: number,
  totals: Float64Array,
): boolean {
  const kern = on.wasm ? load() : null;
  if (kern === null) return false;
  const yp = stage(kern, x, y, n);
  kern.residualSums(X, yp, n, BLOCK, w, b, k, OUT);
  const out = new Float64Array(kern.memory.buffer, OUT, 3);
  totals[0] = out[0];
  totals[1] = out[1];
  totals[2] = out[2];
  return true;
}

/** @internal For tests: forget the staged arrays, so the next call copies again. */
export function forgetStagedForTesting(): void {
  cachedX = cachedY = null;
  cachedN = -1;
}
