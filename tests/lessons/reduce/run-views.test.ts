// What a learning-rate run did, in words: settled, blew up, or never settled — and, when the
// loss swings while the plane already sits on PCA's, that it is W's lengths that swing.
import { describe, expect, it } from 'vitest';
import { reduceOutcome } from '../../../src/lessons/reduce/run-views.ts';
import { REDUCE_COLUMNS, type ReduceRunView } from '../../../src/store/reduce-store.ts';
import { Columns } from '../../../src/training/columns.ts';
import { IRIS_AUTOENCODER_CONFIG } from '../../../src/training/reduce/autoencoder.ts';

const FLOOR = 0.041868;

function runWith(loss: (i: number) => number, angle: number): ReduceRunView {
  const history = new Columns(REDUCE_COLUMNS);
  for (let i = 0; i <= 300; i++) history.push({ steps: i, loss: loss(i), angle, gradNorm: 0 });
  return {
    runId: 1,
    channel: 'lr-0.5',
    config: { kind: 'autoencoder', ...IRIS_AUTOENCODER_CONFIG },
    status: 'done',
    speed: 'max',
    history,
    points: null,
    weights: null,
    pairDistances: null,
    state: null,
    version: 1,
  };
}

describe('reduceOutcome', () => {
  it('a swinging loss with the plane on PCA’s: says the plane is there and W’s lengths swing', () => {
    const text = reduceOutcome(
      runWith((i) => (i % 2 ? 0.2 : 0.26), 3.05e-6),
      FLOOR,
    );
    expect(text).toMatch(/^never settled: loss 0\.26 swinging by 0\.06/);
    expect(text).toMatch(/the plane has reached PCA’s, but the lengths of W’s columns keep swinging$/);
  });

  it('settled, or swinging far from PCA’s plane: no such sentence', () => {
    expect(
      reduceOutcome(
        runWith(() => FLOOR, 1.4e-4),
        FLOOR,
      ),
    ).toMatch(/^settled: loss 0\.04187, /);
    expect(
      reduceOutcome(
        runWith(() => FLOOR, 1.4e-4),
        FLOOR,
      ),
    ).not.toMatch(/W’s columns/);
    expect(
      reduceOutcome(
        runWith((i) => (i % 2 ? 0.2 : 0.26), 12),
        FLOOR,
      ),
    ).not.toMatch(/W’s columns/);
  });
});
