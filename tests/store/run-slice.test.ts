import { describe, expect, it } from 'vitest';
import { continues, isLive, type RunBase, type RunStatus } from '../../src/store/run-slice.ts';

type C = { steps: number; lr: number };
const same = (a: C, b: C) => a.steps === b.steps && a.lr === b.lr;
const run = (status: RunStatus, state: unknown = { step: 40 }, config: C = { steps: 40, lr: 0.01 }): RunBase<C> => ({
  runId: 1,
  channel: 'c',
  config,
  status,
  speed: 'max',
  state,
  version: 0,
});

describe('the one "continue the ended run?" rule', () => {
  it('continues an ended run with its state when the settings are the same', () => {
    for (const status of ['done', 'stopped', 'stepped', 'diverged'] as RunStatus[])
      expect(continues(run(status), { steps: 40, lr: 0.01 }, same)).toBe(true);
  });

  it('starts anew after an overflow or an error, without a state, with other settings, or with no run', () => {
    expect(continues(run('overflowed'), { steps: 40, lr: 0.01 }, same)).toBe(false);
    expect(continues(run('error'), { steps: 40, lr: 0.01 }, same)).toBe(false);
    expect(continues(run('done', null), { steps: 40, lr: 0.01 }, same)).toBe(false);
    expect(continues(run('done'), { steps: 40, lr: 0.02 }, same)).toBe(false);
    expect(continues(undefined, { steps: 40, lr: 0.01 }, same)).toBe(false);
  });

  it('counts running and paused runs as live, nothing else', () => {
    expect(isLive(run('running'))).toBe(true);
    expect(isLive(run('paused'))).toBe(true);
    expect(isLive(run('done'))).toBe(false);
    expect(isLive(undefined)).toBe(false);
  });
});
