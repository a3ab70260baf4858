import { negatorData } from './stats.ts';
const n = 100000; const { x, y } = negatorData(n);
function handWB(x: Float32Array, y: Float32Array, w: number, b: number) { let l = 0, g = 0, gb = 0; for (let i = 0; i < x.length; i++) { const d = y[i] - (x[i] * w + b); l += d * d; g += x[i] * d; gb += d; } return l + g + gb; }
function handW(x: Float32Array, y: Float32Array, w: number) { let l = 0, g = 0; for (let i = 0; i < x.length; i++) { const d = y[i] - x[i] * w; l += d * d; g += x[i] * d; } return l + g; }
function b4(x: Float32Array, y: Float32Array, z: Float32Array, o: number, len: number, w: number, b: number, k: number, t: Float64Array) {
  const f = Math.fround; let q0 = 0, q1 = 0, q2 = 0, q3 = 0, e0 = 0, e1 = 0, e2 = 0, e3 = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0; let i = o; const end = o + len;
  for (; i + 3 < end; i += 4) {
    let d = f(y[i] - f(f(x[i] * w) + b)); let e = f(d * k); q0 += f(d * d); e0 += e; g0 += f(e * z[i]);
    d = f(y[i + 1] - f(f(x[i + 1] * w) + b)); e = f(d * k); q1 += f(d * d); e1 += e; g1 += f(e * z[i + 1]);
    d = f(y[i + 2] - f(f(x[i + 2] * w) + b)); e = f(d * k); q2 += f(d * d); e2 += e; g2 += f(e * z[i + 2]);
    d = f(y[i + 3] - f(f(x[i + 3] * w) + b)); e = f(d * k); q3 += f(d * d); e3 += e; g3 += f(e * z[i + 3]);
  }
  t[0] += (q0 + q1) + (q2 + q3); t[1] += (e0 + e1) + (e2 + e3); t[2] += (g0 + g1) + (g2 + g3);
}
function b2(x: Float32Array, y: Float32Array, z: Float32Array, o: number, len: number, w: number, b: number, k: number, t: Float64Array) {
  const f = Math.fround; let q0 = 0, q1 = 0, e0 = 0, e1 = 0, g0 = 0, g1 = 0; let i = o; const end = o + len;
  for (; i + 1 < end; i += 2) {
    let d = f(y[i] - f(f(x[i] * w) + b)); let e = f(d * k); q0 += f(d * d); e0 += e; g0 += f(e * z[i]);
    d = f(y[i + 1] - f(f(x[i + 1] * w) + b)); e = f(d * k); q1 += f(d * d); e1 += e; g1 += f(e * z[i + 1]);
  }
  t[0] += q0 + q1; t[1] += e0 + e1; t[2] += g0 + g1;
}
function n2(x: Float32Array, y: Float32Array, z: Float32Array, o: number, len: number, w: number, k: number, t: Float64Array) {
  const f = Math.fround; let q0 = 0, q1 = 0, g0 = 0, g1 = 0; let i = o; const end = o + len;
  for (; i + 1 < end; i += 2) {
    let d = f(y[i] - f(x[i] * w)); q0 += f(d * d); g0 += f(f(d * k) * z[i]);
    d = f(y[i + 1] - f(x[i + 1] * w)); q1 += f(d * d); g1 += f(f(d * k) * z[i + 1]);
  }
  t[0] += q0 + q1; t[2] += g0 + g1;
}
const t = new Float64Array(3); const B = 2048;
const blocks = (fn: (o: number, len: number) => void) => { for (let o = 0; o < n; o += B) fn(o, Math.min(B, n - o)); };
const T = (f: () => unknown) => { const ts = []; for (let r = 0; r < 15; r++) { const t0 = performance.now(); for (let s = 0; s < 10; s++) f(); ts.push((performance.now() - t0) / 10); } ts.sort((a, b) => a - b); return ts[7]; };
for (let k = 0; k < 3; k++) {
  const hwb = T(() => handWB(x, y, 0.5, 0.1));
  const v4 = T(() => blocks((o, l) => b4(x, y, x, o, l, 0.5, 0.1, -2e-5, t)));
  const v2 = T(() => blocks((o, l) => b2(x, y, x, o, l, 0.5, 0.1, -2e-5, t)));
  const hw = T(() => handW(x, y, 0.5));
  const w2 = T(() => blocks((o, l) => n2(x, y, x, o, l, 0.5, -2e-5, t)));
  console.log('W3: 4-lane', (v4 / hwb).toFixed(2), '2-lane', (v2 / hwb).toFixed(2), ' W2 2-lane no-E', (w2 / hw).toFixed(2), 'hand ms', hwb.toFixed(3), hw.toFixed(3));
}
