/**
 * Lesson 3's backprop step: one example through a 1 → 2 → 1 network written as scalar ops, so
 * the tape shows every multiply and add. The input x is watched (asked for), and because both
 * hidden units read it, its gradient arrives along two edges and is summed there. Everything
 * comes from the engine: the tape's trace, each op's local derivative (asked of the same
 * persistent tape), the gradients, and the finite-difference check of one hidden weight.
 */
import {
  GradientTape,
  add,
  mul,
  relu,
  scalar,
  square,
  sub,
  tanh,
  variable,
  type Tensor,
  type TapeEntry,
  type TapeLeaf,
} from '../../engine/index.ts';
import { ConfigError, type DTypeName } from '../config.ts';

/** The example, the network's seven numbers and its hidden activation. */
export interface LayerTapeInput {
  x: number;
  target: number;
  /** Input → hidden weights and biases, unit 1 then unit 2. */
  w: [number, number];
  b: [number, number];
  /** Hidden → output weights, and the output's bias. */
  v: [number, number];
  c: number;
  activation: 'tanh' | 'relu';
  dtype: DTypeName;
}

/** The parameters by name, as the page labels them. */
export const LAYER_PARAMS = ['w1', 'w2', 'b1', 'b2', 'v1', 'v2', 'c'] as const;
export type LayerParam = (typeof LAYER_PARAMS)[number];

export interface LayerTapeResult {
  input: LayerTapeInput;
  trace: TapeEntry[];
  leaves: TapeLeaf[];
  /** Each tensor id's name: x, w1, …, z1 (a unit's input), h1 (its output), p1 (h1·v1), y, e, L. */
  names: Record<number, string>;
  /** `locals[i][j]`: d(output of entry i) / d(input j), from the engine; null where no gradient flows. */
  locals: (number | null)[][];
  loss: number;
  /** dL/d(each parameter) and dL/dx. */
  gradients: Record<LayerParam | 'x', number>;
  /** What reaches x along each edge: from hidden unit 1's multiply and from unit 2's (their sum is dL/dx). */
  xParts: [number, number];
  /** Each hidden unit's input z and output h. */
  z: [number, number];
  h: [number, number];
}

/** The 1 → 2 → 1 network's defaults: unit 2's input is negative, so under ReLU it passes nothing back. */
export const LAYER_TAPE_DEFAULTS: LayerTapeInput = Object.freeze({
  x: 0.5,
  target: 0.3,
  w: [0.8, -0.6],
  b: [0.1, -0.1],
  v: [0.7, -0.4],
  c: 0.05,
  activation: 'tanh',
  dtype: 'float64',
}) as LayerTapeInput;

function check(p: LayerTapeInput): void {
  const nums: [string, unknown][] = [
    ['x', p?.x],
    ['target', p?.target],
    ['w1', p?.w?.[0]],
    ['w2', p?.w?.[1]],
    ['b1', p?.b?.[0]],
    ['b2', p?.b?.[1]],
    ['v1', p?.v?.[0]],
    ['v2', p?.v?.[1]],
    ['c', p?.c],
  ];
  const issues = nums
    .filter(([, v]) => typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e6)
    .map(([field]) => ({ field, message: `${field} must be a finite number of at most 1,000,000 in size.` }));
  if (p?.activation !== 'tanh' && p?.activation !== 'relu')
    issues.push({ field: 'activation', message: 'Activation must be tanh or relu.' });
  if (p?.dtype !== 'float32' && p?.dtype !== 'float64')
    issues.push({ field: 'dtype', message: 'Precision must be float32 or float64.' });
  if (issues.length) throw new ConfigError(issues);
}

/** The forward pass as scalar ops; the tensors in recording order. */
function forward(
  p: LayerTapeInput,
  x: Tensor,
  params: Record<LayerParam, Tensor>,
): { z: Tensor[]; h: Tensor[]; all: Tensor[] } {
  const act = p.activation === 'tanh' ? tanh : relu;
  const t = scalar(p.target, p.dtype);
  const m1 = mul(params.w1, x);
  const z1 = add(m1, params.b1);
  const h1 = act(z1);
  const m2 = mul(params.w2, x);
  const z2 = add(m2, params.b2);
  const h2 = act(z2);
  const p1 = mul(params.v1, h1);
  const p2 = mul(params.v2, h2);
  const s = add(p1, p2);
  const y = add(s, params.c);
  const e = sub(t, y);
  const L = square(e);
  return { z: [z1, z2], h: [h1, h2], all: [m1, z1, h1, m2, z2, h2, p1, p2, s, y, e, L] };
}

const OUTPUT_NAMES = ['m1', 'z1', 'h1', 'm2', 'z2', 'h2', 'p1', 'p2', 's', 'y', 'e', 'L'];

function paramsOf(p: LayerTapeInput, override?: Partial<Record<LayerParam, number>>): Record<LayerParam, Tensor> {
  const values: Record<LayerParam, number> = {
    w1: p.w[0],
    w2: p.w[1],
    b1: p.b[0],
    b2: p.b[1],
    v1: p.v[0],
    v2: p.v[1],
    c: p.c,
    ...override,
  };
  return Object.fromEntries(LAYER_PARAMS.map((k) => [k, variable(values[k], p.dtype)])) as unknown as Record<
    LayerParam,
    Tensor
  >;
}

/** Records the example's loss, asks for each op's local derivative, then walks the tape back. */
export function recordLayerTape(p: LayerTapeInput): LayerTapeResult {
  check(p);
  const x = scalar(p.x, p.dtype);
  const params = paramsOf(p);
  const tape = new GradientTape({ persistent: true });
  tape.watch(x);
  const run = tape.record(() => forward(p, x, params));
  const { all } = run;
  const L = all[all.length - 1];
  const trace = tape.trace();
  const byId = new Map<number, Tensor>([[x.id, x], ...LAYER_PARAMS.map((k) => [params[k].id, params[k]] as const)]);
  all.forEach((t) => byId.set(t.id, t));
  const watched = new Set<number>([x.id, ...LAYER_PARAMS.map((k) => params[k].id), ...all.map((t) => t.id)]);
  const locals = trace.map((entry, i) =>
    entry.inputs.map((id) => {
      const inp = byId.get(id);
      return inp && watched.has(id) ? tape.gradient(all[i], inp).item() : null;
    }),
  );
  // The real backward pass last, so the trace holds its gradients.
  const sources = [x, ...LAYER_PARAMS.map((k) => params[k])];
  const grads = tape.gradient(L, sources).map((g) => g.item());
  const final = tape.trace();
  const names: Record<number, string> = { [x.id]: 'x' };
  LAYER_PARAMS.forEach((k) => (names[params[k].id] = k));
  all.forEach((t, i) => (names[t.id] = OUTPUT_NAMES[i]));
  const xEdge = (entry: number) => {
    const e = final[entry];
    const j = e.inputs.indexOf(x.id);
    return e.inputGrads?.[j]?.[0] ?? 0;
  };
  return {
    input: p,
    trace: final,
    leaves: tape.leaves(),
    names,
    locals,
    loss: L.item(),
    gradients: Object.fromEntries(sources.map((_, k) => [k === 0 ? 'x' : LAYER_PARAMS[k - 1], grads[k]])) as Record<
      LayerParam | 'x',
      number
    >,
    xParts: [xEdge(0), xEdge(3)],
    z: [run.z[0].item(), run.z[1].item()],
    h: [run.h[0].item(), run.h[1].item()],
  };
}

export interface LayerFiniteDifference {
  param: LayerParam;
  h: number;
  plus: number;
  minus: number;
  /** (L(θ + h) − L(θ − h)) / 2h, in the input's dtype. */
  estimate: number;
}

/** The central-difference estimate of dL/d`param`, every operation in the input's dtype. */
export function layerFiniteDifference(p: LayerTapeInput, param: LayerParam, h: number): LayerFiniteDifference {
  check(p);
  if (!LAYER_PARAMS.includes(param)) throw new ConfigError([{ field: 'param', message: `No parameter ${param}.` }]);
  if (!(h > 0 && Number.isFinite(h))) throw new ConfigError([{ field: 'h', message: 'Step size h must be > 0.' }]);
  const base = paramsOf(p)[param].item();
  const lossAt = (v: number) => {
    const out = forward(p, scalar(p.x, p.dtype), paramsOf(p, { [param]: v })).all;
    return out[out.length - 1];
  };
  const hh = scalar(h, p.dtype);
  const plus = lossAt(add(scalar(base, p.dtype), hh).item());
  const minus = lossAt(sub(scalar(base, p.dtype), hh).item());
  const estimate = mul(sub(plus, minus), scalar(1 / (2 * h), p.dtype)).item();
  return { param, h, plus: plus.item(), minus: minus.item(), estimate };
}
