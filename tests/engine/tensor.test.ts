// Tensors: creation, shapes of any rank, dtypes and float32 rounding, immutability, variables.
import { describe, expect, it } from 'vitest';
import { Tensor, Variable, add, mul, reshape, scalar, sub, tensor, variable } from '../../src/engine/index.ts';

describe('tensor creation', () => {
  it('infers shapes of any rank from nested arrays', () => {
    expect(scalar(2).shape).toEqual([]);
    expect(tensor(2).shape).toEqual([]);
    expect(tensor([1, 2]).shape).toEqual([2]);
    const t = tensor([[[1, 2, 3]], [[4, 5, 6]]], 'float64');
    expect(t.shape).toEqual([2, 1, 3]);
    expect(t.size).toBe(6);
    expect(t.toArray()).toEqual([[[1, 2, 3]], [[4, 5, 6]]]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('defaults to float32, stored in a Float32Array; float64 in a Float64Array', () => {
    expect(tensor([0.1]).dtype).toBe('float32');
    expect(tensor([0.1]).data).toBeInstanceOf(Float32Array);
    expect(tensor([0.1], 'float64').data).toBeInstanceOf(Float64Array);
    expect(scalar(0.1).item()).toBe(Math.fround(0.1));
    expect(scalar(0.1, 'float64').item()).toBe(0.1);
  });

  it('copies typed arrays and gives them an optional shape', () => {
    const src = new Float64Array([1, 2, 3, 4, 5, 6]);
    const t = tensor(src, 'float64', [3, 2]);
    src[0] = 99;
    expect(t.toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  it('gives every tensor its own id', () => {
    const a = scalar(1);
    const b = scalar(1);
    expect(a.id).not.toBe(b.id);
    expect(add(a, b).id).not.toBe(a.id);
  });
});

describe('float32 rounds after every elementary op', () => {
  it('matches Math.fround applied after each step, unlike one float64 evaluation', () => {
    const x = 0.1,
      y = 0.2,
      z = 0.3;
    const f32 = sub(add(mul(x, scalar(y)), z), 0.7).item();
    const stepwise = Math.fround(
      Math.fround(Math.fround(Math.fround(x) * Math.fround(y)) + Math.fround(z)) - Math.fround(0.7),
    );
    expect(f32).toBe(stepwise);
    expect(sub(add(mul(x, scalar(y, 'float64')), z), 0.7).item()).toBe(x * y + z - 0.7);
  });

  it('rounds in the tensor (typed array) path the same way as in the scalar path', () => {
    const vals = [0.1, 1 / 3, 2.7182818, -5.5];
    const vec = mul(add(tensor(vals), 0.3), 1.7).data;
    vals.forEach((v, i) => expect(vec[i]).toBe(mul(add(scalar(v), 0.3), 1.7).item()));
  });
});

describe('immutability and variables', () => {
  it('ops never change their inputs', () => {
    const a = tensor([1, 2, 3], 'float64');
    add(a, 1);
    mul(a, a);
    reshape(a, [3, 1]);
    expect(Array.from(a.data)).toEqual([1, 2, 3]);
  });

  it('variable(): from a number or tensor, assign() replaces the value and keeps the id', () => {
    const w = variable(tensor([1, 2], 'float64'));
    expect(w).toBeInstanceOf(Variable);
    expect(w).toBeInstanceOf(Tensor);
    const id = w.id;
    const before = mul(w, 1);
    w.assign(tensor([5, 6], 'float64'));
    expect(w.id).toBe(id);
    expect(Array.from(w.data)).toEqual([5, 6]);
    expect(Array.from(before.data)).toEqual([1, 2]);
    expect(variable(2, 'float64').dtype).toBe('float64');
    expect(variable(tensor([1.1], 'float64'), 'float32').item()).toBe(Math.fround(1.1));
  });

  it('a scalar variable accepts a number in assign()', () => {
    const w = variable(0.5);
    w.assign(0.25);
    expect(w.item()).toBe(0.25);
  });

  it('the trainer update keeps reading the new value', () => {
    const w = variable(0.5);
    for (let i = 0; i < 3; i++) w.assign(sub(w, 0.125));
    expect(w.item()).toBe(0.125);
  });
});
