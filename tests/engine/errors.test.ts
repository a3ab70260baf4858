// Every error is an EngineError naming the op and the offending shapes or dtypes.
import { describe, expect, it } from 'vitest';
import * as E from '../../src/engine/index.ts';
import { EngineError, tensor, variable } from '../../src/engine/index.ts';

function thrown(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect(e).toBeInstanceOf(Error);
    return e as EngineError;
  }
  throw new Error('expected an EngineError');
}

const m23 = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
const v4 = () => tensor([1, 2, 3, 4]);

describe('shape errors name the op and both shapes', () => {
  it.each([
    ['add', E.add],
    ['sub', E.sub],
    ['mul', E.mul],
    ['div', E.div],
  ] as const)('%s', (name, op) => {
    const e = thrown(() => op(m23(), v4()));
    expect(e.op).toBe(name);
    expect(e.message).toContain(name);
    expect(e.message).toContain('[2, 3]');
    expect(e.message).toContain('[4]');
  });

  it('matmul with misaligned inner axes', () => {
    const e = thrown(() =>
      E.matmul(
        m23(),
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ),
    );
    expect(e.op).toBe('matmul');
    expect(e.message).toMatch(/\[2, 3\].*\[2, 2\]/);
  });

  it('matmul asked to transpose a vector, or misaligned once transposed', () => {
    const v = tensor([1, 2, 3]);
    const t = thrown(() => E.matmul(v, m23(), true));
    expect(t.op).toBe('matmul');
    expect(t.message).toMatch(/rank ≥ 2.*\[3\].*\[2, 3\]/);
    const e = thrown(() => E.matmul(m23(), m23(), false, false));
    expect(e.message).toMatch(/not aligned/);
    expect(E.matmul(m23(), m23(), false, true).shape).toEqual([2, 2]);
    expect(thrown(() => E.matmul(m23(), m23(), true, true)).message).toMatch(/\[2, 3\] \(transposed\)/);
  });

  it('matmul with unbroadcastable batch axes', () => {
    const e = thrown(() =>
      E.matmul(tensor(new Float32Array(24), 'float32', [2, 3, 4]), tensor(new Float32Array(60), 'float32', [3, 4, 5])),
    );
    expect(e.op).toBe('matmul');
    expect(e.message).toMatch(/\[2, 3, 4\].*\[3, 4, 5\]/);
  });

  it('reshape to a different number of elements', () => {
    const e = thrown(() => E.reshape(m23(), [4, 2]));
    expect(e.op).toBe('reshape');
    expect(e.message).toMatch(/\[2, 3\].*\[4, 2\]/);
  });

  it('broadcastTo a shape it does not broadcast to', () => {
    const e = thrown(() => E.broadcastTo(m23(), [3, 3]));
    expect(e.op).toBe('broadcastTo');
    expect(e.message).toMatch(/\[2, 3\].*\[3, 3\]/);
  });

  it('an axis out of range, and a repeated axis', () => {
    expect(thrown(() => E.sum(m23(), 2)).message).toMatch(/sum: axis 2 .*\[2, 3\]/);
    expect(thrown(() => E.mean(m23(), -3)).message).toMatch(/mean: axis -3 .*\[2, 3\]/);
    expect(thrown(() => E.sum(m23(), [1, -1])).op).toBe('sum');
  });

  it('assigning a different shape or dtype to a variable', () => {
    const w = variable(v4());
    expect(thrown(() => w.assign(m23())).message).toMatch(/assign: .*\[2, 3\].*\[4\]/);
    expect(thrown(() => w.assign(tensor([1, 2, 3, 4], 'float64'))).message).toMatch(/assign: .*float64.*float32/);
  });

  it('item() of a tensor with more than one element', () => {
    expect(thrown(() => v4().item()).message).toMatch(/item: .*\[4\]/);
  });

  it('ragged nested arrays and values that do not fill the shape', () => {
    expect(thrown(() => tensor([[1, 2], [3]])).op).toBe('tensor');
    expect(thrown(() => tensor(new Float32Array(5), 'float32', [2, 3])).message).toMatch(/\[2, 3\]/);
  });
});

describe('dtype errors name the op and both dtypes', () => {
  const ops = [
    ['add', E.add],
    ['sub', E.sub],
    ['mul', E.mul],
    ['div', E.div],
    ['matmul', E.matmul],
  ] as const;
  it.each(ops)('%s', (name, op) => {
    const e = thrown(() => op(tensor([[1]], 'float32'), tensor([[1]], 'float64')));
    expect(e.op).toBe(name);
    expect(e.message).toContain('float32');
    expect(e.message).toContain('float64');
  });

  it('a plain number takes the dtype of the other operand instead of failing', () => {
    expect(E.mul(tensor([1.1], 'float64'), 3).dtype).toBe('float64');
    expect(E.sub(2, tensor([1], 'float32')).dtype).toBe('float32');
  });

  it('an unknown dtype', () => {
    expect(thrown(() => tensor([1], 'int32' as 'float32')).message).toMatch(/tensor: unknown dtype 'int32'/);
  });
});
