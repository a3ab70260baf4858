import { describe, expect, it } from 'vitest';
import { chartRows, valueAxis, type PlotSeries } from '../../src/components/chart-rows.ts';

const series = (name: string, values: number[]): PlotSeries => ({
  key: name,
  name,
  color: 'red',
  points: values.map((value, step) => ({ step, value })),
});

describe('a history chart’s value axis', () => {
  it('stays linear for the negator’s falling loss, one series from 20.25 to 2.6e-6', () => {
    expect(valueAxis([series('Loss', [20.25, 13.6, 1e-3, 2.58e-6])], false)).toEqual({ log: false });
  });

  it('switches to log and says so when a run at lr 1 reaches 1e13 beside runs near 0.1', () => {
    const axis = valueAxis(
      [series('lr 0.1', [1, 0.2, 0.05]), series('lr 0.3', [1, 0.1, 0.04]), series('lr 1', [1, 1e6, 1e13])],
      false,
    );
    expect(axis.log).toBe(true);
    expect(axis.note).toMatch(/log scale: the values run from 0\.04 to 1\.0e\+13, 14 powers of ten/);
  });

  it('one run that blows up its own start gets a log axis too; three decades or fewer stay linear', () => {
    expect(valueAxis([series('lr 0.12', [20.25, 27.25, 49.3, 3e10])], false).log).toBe(true);
    expect(valueAxis([series('a', [1, 0.5]), series('b', [400, 450])], false).log).toBe(false);
  });

  it('weights of both signs: the axis keeps to the tame runs and names the one cut off', () => {
    const axis = valueAxis([series('Run 1', [0.5, 0.23, -0.9]), series('Run 2', [0.5, -2.7, 2e19])], false);
    expect(axis.log).toBe(false);
    expect(axis.clip).toEqual([-0.9, 0.5]);
    expect(axis.note).toBe('Cut off at the edge: Run 2 (to 2.0e+19) leaves the chart; the axis shows the other run.');
  });

  it('a log axis asked for stays one, with nothing to say', () => {
    expect(valueAxis([series('Loss', [1, 2])], true)).toEqual({ log: true });
  });
});

describe('a marked point', () => {
  it('is drawn whatever decimation keeps: a million-step run still shows where it was caught', () => {
    const points = Array.from({ length: 100_000 }, (_, step) => ({ step, value: 1 + (step % 7) }));
    const s: PlotSeries = { key: 'a', name: 'a', color: 'red', points, mark: { step: 31_337, value: 4, label: 'x' } };
    const rows = chartRows([s], { columns: 100, x0: 0, x1: 100_000 });
    expect(rows.length).toBeLessThan(500);
    expect(rows.find((r) => r.step === 31_337)?.s0).toBe(4);
  });
});
