import { describe, expect, it } from 'vitest';
import { buildWalk, firstBackward } from '../../../../src/lessons/negator/tape/phases.ts';
import { recordTapeStep } from '../../../../src/training/tape-step.ts';

const walk = buildWalk(recordTapeStep({ input: 3, target: -3, weight: 0.5, learningRate: 0.01, dtype: 'float32' }));
const kinds = walk.phases.map((p) => p.kind);

describe('the tape walk', () => {
  it('starts, records three ops, seeds dL/dL and walks three ops back, ending at the gradient (no update: that is the Descent step’s)', () => {
    expect(kinds).toEqual(['start', 'forward', 'forward', 'forward', 'seed', 'backward', 'backward', 'backward']);
    expect(walk.phases.some((p) => /0\.23/.test(p.text))).toBe(false);
    expect(firstBackward(walk.phases)).toBe(4);
  });

  it('shows each op only once it is recorded, and no gradient before the walk back', () => {
    expect(walk.phases.map((p) => p.view.recorded)).toEqual([0, 1, 2, 3, 3, 3, 3, 3]);
    expect(walk.phases.slice(0, 4).every((p) => p.view.gradsShown.size === 0)).toBe(true);
  });

  it('walks back edge by edge: square, then sub (and the target, with no gradient), then mul to w', () => {
    expect(walk.phases.slice(5, 8).map((p) => [...p.view.edgesShown])).toEqual([
      ['2:0'],
      ['2:0', '1:0', '1:1'],
      ['2:0', '1:0', '1:1', '0:0', '0:1'],
    ]);
    const w = walk.model.nodes.find((n) => n.name === 'w')!;
    expect(walk.phases[7].view.active).toBe(w.id);
    expect(walk.phases[7].view.gradsShown.has(w.id)).toBe(true);
    expect(walk.phases[7].text).toBe(
      'Backward through mul: x is a constant the tape does not watch, so no gradient flows to it. ∂t1/∂w = x = 3, so dL/dw = 3·9 = 27. That is dL/dw, the gradient the next step’s update uses.',
    );
  });

  it('keeps the TF and engine code highlights in step: record, then gradient', () => {
    expect(walk.phases.map((p) => p.tfLines)).toEqual([[0, 1], [2], [2], [2], [3], [3], [3], [3]]);
    expect(walk.phases.map((p) => p.ourLines[0])).toEqual([0, 2, 2, 2, 4, 4, 4, 4]);
  });
});
