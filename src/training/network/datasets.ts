/**
 * TensorFlow Playground's two-dimensional data sets, seeded, written from their definitions
 * (see NETWORK-NOTES.md): each point is (x₁, x₂) with a label +1 or −1 (classification) or a
 * number (regression: Plane, Multi-Gaussian). Ours besides: Moons (two interleaved half rings)
 * and Three blobs (labels 0, 1, 2). Pure; every call with the same seed returns the same points.
 */
import { mulberry32 } from '../random.ts';

/** n points: `x` row-major [n, 2], `label` ±1 (two classes), 0–2 (three blobs) or the number to fit. */
export interface Points {
  x: Float64Array;
  label: Float64Array;
}

export type ClassifyDataset = 'circle' | 'xor' | 'gaussian' | 'spiral' | 'moons' | 'blobs' | 'plane' | 'multigauss';

/** Data sets whose labels are numbers to fit, not classes. */
export const REGRESSION_DATASETS: readonly ClassifyDataset[] = ['plane', 'multigauss'];
/** How many classes a data set's labels name (0: numbers to fit). */
export const classesOf = (d: ClassifyDataset): number => (d === 'blobs' ? 3 : REGRESSION_DATASETS.includes(d) ? 0 : 2);

type Rand = () => number;
const uniform = (rand: Rand, lo: number, hi: number): number => lo + (hi - lo) * rand();

/** Standard normal by Box–Muller (one of the pair), scaled. */
function normal(rand: Rand, mean: number, variance: number): number {
  const u = 1 - rand();
  const v = rand();
  return mean + Math.sqrt(variance) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function make(n: number, point: (i: number, out: [number, number]) => number): Points {
  const x = new Float64Array(2 * n);
  const label = new Float64Array(n);
  const p: [number, number] = [0, 0];
  for (let i = 0; i < n; i++) {
    label[i] = point(i, p);
    x[2 * i] = p[0];
    x[2 * i + 1] = p[1];
  }
  return { x, label };
}

/** Radius 5: half inside r ≤ 2.5, half in the ring 3.5–5; noise flips labels near the edge. */
function circle(n: number, noise: number, rand: Rand): Points {
  const R = 5;
  return make(n, (i, p) => {
    const inner = i < n / 2;
    const r = inner ? uniform(rand, 0, R * 0.5) : uniform(rand, R * 0.7, R);
    const angle = uniform(rand, 0, 2 * Math.PI);
    p[0] = r * Math.sin(angle);
    p[1] = r * Math.cos(angle);
    const nx = uniform(rand, -R, R) * noise;
    const ny = uniform(rand, -R, R) * noise;
    return Math.hypot(p[0] + nx, p[1] + ny) < R * 0.5 ? 1 : -1;
  });
}

/** Uniform on [−5, 5]², pushed 0.3 off the axes; the label is the sign of x₁·x₂ (with noise). */
function xor(n: number, noise: number, rand: Rand): Points {
  const pad = 0.3;
  return make(n, (_i, p) => {
    p[0] = uniform(rand, -5, 5);
    p[0] += p[0] > 0 ? pad : -pad;
    p[1] = uniform(rand, -5, 5);
    p[1] += p[1] > 0 ? pad : -pad;
    const nx = uniform(rand, -5, 5) * noise;
    const ny = uniform(rand, -5, 5) * noise;
    return (p[0] + nx) * (p[1] + ny) >= 0 ? 1 : -1;
  });
}

/** Two clouds at (2, 2) (+1) and (−2, −2) (−1); variance 0.5 rising to 4 at noise 0.5. */
function gaussian(n: number, noise: number, rand: Rand): Points {
  const variance = 0.5 + (3.5 * noise) / 0.5;
  return make(n, (i, p) => {
    const c = i < n / 2 ? 2 : -2;
    p[0] = normal(rand, c, variance);
    p[1] = normal(rand, c, variance);
    return c > 0 ? 1 : -1;
  });
}

/** Two arms of 1.75 turns, half the points each. */
function spiral(n: number, noise: number, rand: Rand): Points {
  const half = n / 2;
  return make(n, (i, p) => {
    const arm = i < half ? 0 : 1;
    const k = arm ? i - half : i;
    const r = (5 * k) / half;
    const t = (1.75 * k * 2 * Math.PI) / half + arm * Math.PI;
    p[0] = r * Math.sin(t) + uniform(rand, -1, 1) * noise;
    p[1] = r * Math.cos(t) + uniform(rand, -1, 1) * noise;
    return arm ? -1 : 1;
  });
}

/** Two interleaved half rings of radius 4: +1 over the top, −1 under it shifted right; uniform jitter up to 5·noise. */
function moons(n: number, noise: number, rand: Rand): Points {
  return make(n, (i, p) => {
    const upper = i < n / 2;
    const t = uniform(rand, 0, Math.PI);
    p[0] = upper ? 4 * Math.cos(t) - 2 : 2 - 4 * Math.cos(t);
    p[1] = upper ? 4 * Math.sin(t) - 1 : 1 - 4 * Math.sin(t);
    p[0] += uniform(rand, -5, 5) * noise;
    p[1] += uniform(rand, -5, 5) * noise;
    return upper ? 1 : -1;
  });
}

/** Three clouds, a third of the points each, at radius 3.5 and 90°, 210°, 330°; variance as the Gaussian's. */
function blobs(n: number, noise: number, rand: Rand): Points {
  const variance = 0.5 + (3.5 * noise) / 0.5;
  return make(n, (i, p) => {
    const k = Math.min(2, Math.floor((3 * i) / n));
    const a = Math.PI / 2 + (2 * Math.PI * k) / 3;
    p[0] = normal(rand, 3.5 * Math.cos(a), variance);
    p[1] = normal(rand, 3.5 * Math.sin(a), variance);
    return k;
  });
}

/** Uniform on [−6, 6]²; the number to fit is (x₁ + x₂)/10, of the point moved by up to 6·noise. */
function plane(n: number, noise: number, rand: Rand): Points {
  return make(n, (_i, p) => {
    p[0] = uniform(rand, -6, 6);
    p[1] = uniform(rand, -6, 6);
    return (p[0] + uniform(rand, -6, 6) * noise + p[1] + uniform(rand, -6, 6) * noise) / 10;
  });
}

const BUMPS: [number, number, number][] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/** Uniform on [−6, 6]²; six bumps of alternating sign, each falling from 1 at its centre to 0 at distance 2: the largest in size. */
function multigauss(n: number, noise: number, rand: Rand): Points {
  return make(n, (_i, p) => {
    p[0] = uniform(rand, -6, 6);
    p[1] = uniform(rand, -6, 6);
    const x = p[0] + uniform(rand, -6, 6) * noise;
    const y = p[1] + uniform(rand, -6, 6) * noise;
    let best = 0;
    for (const [cx, cy, sign] of BUMPS) {
      const v = sign * Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2);
      if (Math.abs(v) > Math.abs(best)) best = v;
    }
    return best;
  });
}

const GENERATORS: Record<ClassifyDataset, (n: number, noise: number, rand: Rand) => Points> = {
  circle,
  xor,
  gaussian,
  spiral,
  moons,
  blobs,
  plane,
  multigauss,
};

/**
 * `n` points of `dataset` (noise 0–0.5, the Playground's slider ÷ 100), in the order drawn;
 * `shuffle` then mixes them with the same seeded generator, as the Playground does before it
 * splits training from test points.
 */
export function classifyPoints(dataset: ClassifyDataset, n: number, noise: number, seed: number): Points {
  const rand = mulberry32(seed);
  return shuffled(GENERATORS[dataset](n, noise, rand), rand);
}

/** Fisher–Yates over the points (a new object; the input is not changed). */
function shuffled(p: Points, rand: Rand): Points {
  const n = p.label.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const x = new Float64Array(2 * n);
  const label = new Float64Array(n);
  order.forEach((from, to) => {
    x[2 * to] = p.x[2 * from];
    x[2 * to + 1] = p.x[2 * from + 1];
    label[to] = p.label[from];
  });
  return { x, label };
}
