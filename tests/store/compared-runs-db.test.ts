import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COMPARED_RUNS_VERSION,
  capRuns,
  readRun,
  readSavedRuns,
  type SavedRun,
} from '../../src/store/compared-runs-db.ts';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';

const cols = (n: number) =>
  Object.fromEntries(
    ['steps', 'loss', 'weight', 'bias', 'grad', 'gradBias'].map((k) => [
      k,
      Float64Array.from({ length: n }, (_, i) => i),
    ]),
  ) as SavedRun['columns'];
const run = (number: number, n = 41): SavedRun => ({
  number,
  hidden: false,
  config: NEGATOR_CONFIG,
  status: 'done',
  state: { step: n - 1, weight: -1, bias: 0, m: [0, 0], v: [0, 0] },
  columns: cols(n),
});
/** A run as versions 1–2 stored it: the latest state's loss and slopes apart, as `head`. */
const old = (number: number) => ({ ...run(number), head: { loss: 1, grad: 2, gradBias: 0 } });

describe('compared runs in IndexedDB', () => {
  it('a saved run reads back as it was', () => {
    expect(readRun(structuredClone(run(3)))).toEqual(run(3));
  });

  it.each([
    ['no number', { ...run(1), number: 'x' }],
    ['an invalid config', { ...run(1), config: { ...NEGATOR_CONFIG, learningRate: -1 } }],
    ['a running status', { ...run(1), status: 'running' }],
    ['columns of different lengths', { ...run(1), columns: { ...cols(4), loss: new Float64Array(3) } }],
    ['a plain array for a column', { ...run(1), columns: { ...cols(4), weight: [0, 1, 2, 3] } }],
    ['a NaN in the history', { ...run(1), columns: { ...cols(2), loss: Float64Array.of(1, NaN) } }],
  ])('a run with %s is left out', (_, bad) => {
    expect(readRun(bad)).toBeUndefined();
    const { saved, lost } = readSavedRuns({
      version: COMPARED_RUNS_VERSION,
      runs: [run(1), bad, run(2)],
      selected: 2,
      nextRun: 3,
    });
    expect(saved.runs.map((r) => r.number)).toEqual([1, 2]);
    expect(lost).toBe(1);
    expect(saved.selected).toBe(2);
  });

  it('unreadable storage is reported; empty storage is not', () => {
    expect(readSavedRuns('garbage').lost).toBe(1);
    expect(readSavedRuns({ version: 1, runs: 'x' }).lost).toBe(1);
    expect(readSavedRuns(undefined)).toEqual({
      saved: { runs: [], selected: null, nextRun: 1, cleared: null },
      lost: 0,
      newer: false,
    });
  });

  it('version 1 (no Clear-all Undo) reads as version 2 with no offer; a version-2 offer reads back', () => {
    // The stored fixture keeps columns as plain arrays; IndexedDB gives them back as Float64Array.
    const stored = JSON.parse(readFileSync('tests/fixtures/storage/compared-runs-v1.json', 'utf8'));
    for (const r of stored.runs)
      for (const k of Object.keys(r.columns)) r.columns[k] = Float64Array.from(r.columns[k] as number[]);
    const v1 = readSavedRuns(stored);
    expect(v1.lost).toBe(0);
    expect(v1.saved.cleared).toBeNull();
    expect(v1.saved.runs.map((r) => r.number)).toEqual([1, 2]);
    const v2 = readSavedRuns({ version: 2, runs: [old(3)], selected: 3, nextRun: 4, cleared: [old(1), old(2)] });
    expect(v2.saved.cleared!.map((r) => r.number)).toEqual([1, 2]);
    expect(v2.lost).toBe(0);
  });

  it('version 2 (loss before the update beside the weight after it) reads back as states, the head as the last', () => {
    const stored = JSON.parse(readFileSync('tests/fixtures/storage/compared-runs-v2.json', 'utf8'));
    for (const r of stored.runs)
      for (const k of Object.keys(r.columns)) r.columns[k] = Float64Array.from(r.columns[k] as number[]);
    const { saved, lost } = readSavedRuns(stored);
    expect(lost).toBe(0);
    const [done, overflowed] = saved.runs;
    const rows = (r: SavedRun) =>
      Array.from(r.columns.steps, (step, i) => [step, r.columns.weight[i], r.columns.loss[i], r.columns.grad[i]]);
    // Step 1 is w 0.23 with its own loss 13.62 and slope 22.14; the last state's loss was the head.
    expect(rows(done).map((r) => r.map((v) => Number(v.toPrecision(6))))).toEqual([
      [0, 0.5, 20.25, 27],
      [1, 0.23, 13.6161, 22.14],
      [2, 0.0086, 9.15547, 18.1548],
      [3, -0.172948, 6.15614, 14.8869],
    ]);
    // With no head, the last state's loss had overflowed: that state is left out, the run reads
    // as stopped by it, says so in the new numbers, and has no state to continue from.
    expect(Array.from(overflowed.columns.steps)).toEqual([0, 1, 2]);
    expect(overflowed.columns.loss[2]).toBe(done.columns.loss[2]);
    expect(overflowed).toMatchObject({ status: 'overflowed', state: null });
    expect(overflowed.message).toMatch(/^Overflowed in step 3: .* stopped after step 2,/);
    expect('head' in done).toBe(false);
  });

  it('a version-2 divergence is renumbered: caught at step k meant the loss of state k − 1', () => {
    const cols = (loss: number[]) => ({
      steps: Float64Array.from(loss, (_, i) => i),
      loss: Float64Array.from(loss),
      weight: Float64Array.from(loss, (_, i) => i),
      bias: new Float64Array(loss.length),
      grad: new Float64Array(loss.length),
      gradBias: new Float64Array(loss.length),
    });
    // v2 rows of lr 0.12: each row's loss is the previous state's (20.25 twice at the start).
    const v2 = {
      ...old(5),
      config: { ...NEGATOR_CONFIG, learningRate: 0.12 },
      status: 'diverged',
      divergedAt: 4,
      message: 'The loss first rose at step 2 …',
      head: { loss: 90, grad: 1, gradBias: 0 },
      columns: cols([20.25, 20.25, 27.25, 36.66, 49.33]),
    };
    const r = readSavedRuns({ version: 2, runs: [v2], selected: 5, nextRun: 6 }).saved.runs[0];
    expect(Array.from(r.columns.loss)).toEqual([20.25, 27.25, 36.66, 49.33, 90]);
    expect(r.divergedAt).toBe(3);
    expect(r.message).toMatch(
      /first rose at step 1 \(from 20\.25 to 27\.25\), and the run was marked diverged at step 3/,
    );
  });

  it('a newer version is recognised (and the caller then saves nothing over it)', () => {
    expect(readSavedRuns({ version: 99, runs: [run(1)] })).toMatchObject({ newer: true, saved: { runs: [] } });
  });

  it('numbering goes on after the saved runs, and a lost selection falls back to the newest', () => {
    const { saved } = readSavedRuns({
      version: COMPARED_RUNS_VERSION,
      runs: [run(4), run(9)],
      selected: 5,
      nextRun: 2,
    });
    expect(saved.nextRun).toBe(10);
    expect(saved.selected).toBe(9);
  });

  it('capRuns keeps the newest runs that fit, dropping the oldest first, and names those dropped', () => {
    const runs = [run(1, 600_001), run(2, 300_001), run(3, 300_001)];
    expect(capRuns(runs).kept.map((r) => r.number)).toEqual([2, 3]);
    expect(capRuns(runs).dropped).toEqual([1]);
    expect(capRuns(runs, 2_000_000).kept.map((r) => r.number)).toEqual([1, 2, 3]);
  });

  it('a million-step run (1,000,001 rows) after two 40-step runs is kept; the two older ones are named as dropped', () => {
    const big = { ...run(3, 1_000_001), config: { ...NEGATOR_CONFIG, steps: 1_000_000 } };
    const { kept, dropped } = capRuns([run(1), run(2), big]);
    expect(kept.map((r) => r.number)).toEqual([3]);
    expect(dropped).toEqual([1, 2]);
  });

  it('the newest run is never dropped, whatever its size', () => {
    expect(capRuns([run(1), run(2, 50)], 10).kept.map((r) => r.number)).toEqual([2]);
  });
});

describe('damaged saved runs are left out, field by field', () => {
  const { v: _v, ...noV } = run(1).state!;
  it.each([
    ['a state without v', { ...run(1), state: noV }],
    ['a state whose m is not two numbers', { ...run(1), state: { ...run(1).state, m: [0, 'x'] } }],
    ['a fractional step in the state', { ...run(1), state: { ...run(1).state, step: 1.5 } }],
    ['a run number of NaN', { ...run(1), number: NaN }],
    ['a run number of 1e308', { ...run(1), number: 1e308 }],
    ['a scrambled steps column', { ...run(1), columns: { ...cols(4), steps: Float64Array.of(0, 3.5e13, 2, 1) } }],
    [
      'a steps column past the run',
      { ...run(1), columns: { ...cols(4), steps: Float64Array.of(5e13, 5e13 + 1, 5e13 + 2, 5e13 + 3) } },
    ],
    ['a message that is not text', { ...run(1), message: { html: 'x' } }],
  ])('%s', (_, bad) => {
    expect(readRun(bad)).toBeUndefined();
  });

  it('a nextRun of NaN or 1e308 falls back to after the saved runs', () => {
    for (const nextRun of [NaN, 1e308, -4, 'x'])
      expect(
        readSavedRuns({ version: COMPARED_RUNS_VERSION, runs: [run(4)], selected: 4, nextRun }).saved.nextRun,
      ).toBe(5);
  });
});
