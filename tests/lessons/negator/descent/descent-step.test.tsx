// @vitest-environment jsdom
/** The Descent step: fields, Step's arithmetic, Train, the ledger, divergence and precision. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setUpLessonTests } from '../../../helpers/lesson-setup.ts';

const { open } = setUpLessonTests();

describe('Descent step', () => {
  it('has the labelled fields preset to the tutorial values', () => {
    open('#/descent');
    const expected: Record<string, string> = {
      Input: '3',
      Target: '-3',
      'Initial weight': '0.5',
      'Learning rate': '0.01',
      Steps: '40',
    };
    for (const [label, value] of Object.entries(expected))
      expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe(value);
  });

  it('keeps the page after the next-weight question is answered and a field then turns invalid', async () => {
    open('#/descent');
    const answer = screen.getByLabelText('What will w be after one step?');
    fireEvent.change(answer, { target: { value: '0.23' } });
    const check = within(screen.getByTestId('prediction-descent-next-w')).getByRole('button', {
      name: 'Check',
    }) as HTMLButtonElement;
    await waitFor(() => expect(check.disabled).toBe(false)); // once the engine's answer is in
    fireEvent.click(check);
    await waitFor(() => expect(screen.getByTestId('prediction-descent-next-w').textContent).toMatch(/0\.23/));
    fireEvent.change(screen.getByLabelText('Learning rate', { selector: 'input' }), { target: { value: 'abc' } });
    expect(screen.getByRole('heading', { name: 'Descent', level: 1 })).toBeTruthy();
    expect(screen.getByText(/Fix the highlighted field/)).toBeTruthy();
  });

  it('Step shows the arithmetic 0.5 + 27 · (−0.01) = 0.23', async () => {
    open('#/descent');
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() =>
      expect(screen.getByTestId('step-arithmetic').textContent).toMatch(/0\.5 \+ 27 · \(-0\.01\) = 0\.23/),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(screen.getByTestId('step-arithmetic').textContent).toMatch(/Step 2:.*0\.23 \+/));
  });

  it('Train runs 40 steps into the charts and the per-step table', async () => {
    open('#/descent');
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() => expect(screen.getByTestId('readout-step').textContent).toBe('40'), { timeout: 5000 });
    expect(screen.getByTestId('readout-loss').textContent).toBe('2.58e-6');
    const table = await screen.findByRole('region', { name: 'Per-step values' });
    expect(within(table).getAllByRole('row')).toHaveLength(42); // header, the start (step 0), steps 1–40
    // One state per row: step k's weight with the loss and slope there.
    const cells = (r: number) => Array.from(within(table).getAllByRole('row')[r].children, (c) => c.textContent);
    expect(cells(1)).toEqual(['0', '0.5', '20.25', '27']);
    expect(cells(2)).toEqual(['1', '0.23', '13.62', '22.14']);
    expect(cells(41)).toEqual(['40', '-0.9995', '2.58e-6', expect.stringMatching(/^0\.009/)]);
    const loss = screen.getByRole('figure', { name: 'Loss over steps' });
    fireEvent.click(within(loss).getByRole('button', { name: 'Show data table' }));
    expect(within(loss).getAllByRole('row')).toHaveLength(42);
    // The chart names the same states: step 1's loss is the loss at w = 0.23, not the one before it.
    const chartCells = (r: number) => Array.from(within(loss).getAllByRole('row')[r].children, (c) => c.textContent);
    expect(chartCells(1)).toEqual(['0', '20.25']);
    expect(chartCells(2)).toEqual(['1', '13.62']);
    const weight = screen.getByRole('figure', { name: 'Weight over steps' });
    fireEvent.click(within(weight).getByRole('button', { name: 'Show data table' }));
    expect(Array.from(within(weight).getAllByRole('row')[2].children, (c) => c.textContent)).toEqual(['1', '0.23']);
  });

  it('inspects the tape of any step of the run: step 2 is w = 0.23, loss 13.62, dL/dw = 22.14, next w 0.0086', async () => {
    open('#/descent');
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    const slider = await screen.findByLabelText('Inspect step', {}, { timeout: 5000 });
    expect(slider.getAttribute('max')).toBe('40');
    fireEvent.change(slider, { target: { value: '2' } });
    await waitFor(() =>
      expect(screen.getByTestId('ledger-summary').textContent).toBe(
        'Step 2: w = 0.23, loss 13.62, dL/dw = 22.14 (step 1’s row), next w 0.0086 (step 2’s row) — the same as the run recorded.',
      ),
    );
  });

  it('invalid input shows a message beside the field and disables Train', () => {
    open('#/descent');
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0' } });
    expect(screen.getByText('Learning rate must be greater than 0.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Steps'), { target: { value: 'abc' } });
    expect(screen.getByText(/"abc" is not a number/)).toBeTruthy();
    // What the learner typed is kept, even though it is invalid.
    expect(JSON.parse(localStorage.getItem('perceptron-lab:lesson')!).state.forms.descent.steps).toBe('abc');
  });

  it('the explorer’s marks wait for their questions, and the slider snaps onto them exactly', async () => {
    open('#/descent');
    const slider = screen.getByLabelText('Explore learning rate');
    expect(document.querySelector('.lr-marks')).toBeNull();
    for (const q of ['prediction-lr-limit', 'prediction-lr-one-step'])
      fireEvent.click(within(screen.getByTestId(q)).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(document.querySelector('.lr-marks')?.textContent).toMatch(/1\/18 ≈ 0\.0556/));
    // 0.056 is the slider step next to 1/18: it snaps to 1/18 itself, where the factor is 0.
    fireEvent.change(slider, { target: { value: '0.056' } });
    expect(screen.getByTestId('explore-factor').textContent).toBe('× 0');
    fireEvent.change(slider, { target: { value: '0.111' } });
    expect(screen.getByTestId('explore-factor').textContent).toBe('× -1');
    fireEvent.change(slider, { target: { value: '0.09' } });
    expect(screen.getByTestId('explore-factor').textContent).toBe('× -0.62');
  });

  it('the 0.12 preset diverges with an explanation naming the 1/9 limit', async () => {
    open('#/descent');
    // The limit's explanation waits for the two questions about it.
    expect(screen.queryByTestId('curvature')).toBeNull();
    expect(screen.getByText(/Answer or skip both questions above/)).toBeTruthy();
    for (const q of ['prediction-lr-limit', 'prediction-lr-one-step'])
      fireEvent.click(within(screen.getByTestId(q)).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.getByTestId('curvature').textContent).toBe('18'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Rates to try' })).getByRole('button', { name: '0.12' }));
    // Step 1's loss is already higher (20.25 → 27.25); the detector's rule catches step 3 (49.3 > 2 × 20.25).
    const alert = await screen.findByText(
      /first rose at step 1 \(from 20\.25 to 27\.25\), and the run was marked diverged at step 3/,
      {},
      { timeout: 5000 },
    );
    expect(alert.textContent).toMatch(/0\.111/);
    // The charts mark where it was caught, and say so in their text alternative.
    const loss = screen.getByRole('figure', { name: 'Loss for each learning rate' });
    await waitFor(() =>
      expect(loss.querySelector('.chart-summary')!.textContent).toMatch(
        /Marked on the line: learning rate 0\.12: diverged at step 3\./,
      ),
    );
  }, 20_000);

  it('precision: float32 freezes at -0.99999982, float64 reaches -0.9999999999999997', async () => {
    open('#/descent');
    fireEvent.click(screen.getByRole('button', { name: /Run 1,000 steps/ }));
    await waitFor(() => expect(screen.getByTestId('final-weight-float32').textContent).toBe('-0.99999982'), {
      timeout: 8000,
    });
    await waitFor(() => expect(screen.getByTestId('final-weight-float64').textContent).toBe('-0.9999999999999997'), {
      timeout: 8000,
    });
  });
});
