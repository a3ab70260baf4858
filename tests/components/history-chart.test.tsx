// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { HistoryChart } from '../../src/components/history-chart.tsx';

const loss = [20.25, 13.6161, 9.1564, 6.1575].map((value, step) => ({ step, value }));

describe('HistoryChart', () => {
  it('is a recharts line chart whose tooltip shows the focused step’s values', async () => {
    render(
      <HistoryChart
        title="Loss over steps"
        yLabel="loss"
        xMax={3}
        series={[{ key: 'loss', name: 'Loss', color: 'red', points: loss }]}
      />,
    );
    const chart = await screen.findByRole('application', { name: /Loss over steps/ });
    await waitFor(() => expect(chart.querySelectorAll('.recharts-line-curve')).toHaveLength(1));
    // The drawn line goes through all four points.
    expect(chart.querySelector('.recharts-line-curve')!.getAttribute('d')!.split(/[LM]/).filter(Boolean)).toHaveLength(
      4,
    );
    fireEvent.focus(chart);
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    await waitFor(() => expect(document.querySelector('.chart-tooltip')?.textContent).toContain('Step 1'));
    expect(document.querySelector('.chart-tooltip')!.textContent).toContain('Loss: 13.62');
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    await waitFor(() => expect(document.querySelector('.chart-tooltip')?.textContent).toContain('Step 2'));
    expect(document.querySelector('.chart-tooltip')!.textContent).toContain('Loss: 9.156');
  });

  it('names every series in a legend when it compares several', async () => {
    render(
      <HistoryChart
        title="Loss over steps"
        yLabel="loss"
        series={[
          { key: 'a', name: 'Run 1', color: 'red', points: loss },
          { key: 'b', name: 'Run 2', color: 'blue', points: loss.map((p) => ({ ...p, value: p.value / 2 })) },
        ]}
      />,
    );
    const chart = await screen.findByRole('application', { name: /Loss over steps/ });
    await waitFor(() => expect(chart.querySelectorAll('.recharts-line-curve')).toHaveLength(2));
    await waitFor(() =>
      expect([...document.querySelectorAll('.recharts-legend-item-text')].map((e) => e.textContent)).toEqual([
        'Run 1',
        'Run 2',
      ]),
    );
  });
});
