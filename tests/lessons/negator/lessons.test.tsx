// @vitest-environment jsdom
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../src/app.tsx';
import { setTrainerClient } from '../../../src/store/trainer-client.ts';
import { lessonStore } from '../../../src/store/lesson-store.ts';
import { trainingStore } from '../../../src/store/training-store.ts';
import { createChannelClient } from '../../helpers/channel-client.ts';

const client = createChannelClient();
beforeAll(() => setTrainerClient(client));
afterAll(() => { setTrainerClient(null); client.close(); });
beforeEach(() => {
  localStorage.clear();
  lessonStore.setState(lessonStore.getInitialState());
  trainingStore.setState({ runs: {} });
});

function open(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

describe('lesson navigation', () => {
  it('has a nav with lesson 1’s five named links, lesson 2 (Reduce) as its own group, and marks the current one', () => {
    open('#/loss');
    const nav = screen.getByRole('navigation', { name: 'Lesson' });
    const group = (name: RegExp) => within(within(nav).getByRole('list', { name })).getAllByRole('link').map((a) => a.textContent?.replace('✓', ''));
    expect(group(/^Lesson 1/)).toEqual(['Perceptron', 'Loss', 'Tape', 'Descent', 'Playground']);
    expect(group(/^Lesson 2/)).toEqual(['Reduce']);
    expect(within(nav).getByRole('link', { name: 'Loss' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1, name: 'Loss' })).toBeTruthy();
  });

  it('remembers visited steps in persisted state', () => {
    open('#/tape');
    expect(lessonStore.getState().visited).toContain('tape');
    expect(JSON.parse(localStorage.getItem('perceptron-lab:lesson')!).state.visited).toContain('tape');
  });
});

describe('Perceptron step', () => {
  it('computes the prediction in the engine: 3 × 0.5 = 1.5, and weight −1 negates', async () => {
    open('#/perceptron');
    await waitFor(() => expect(screen.getByLabelText('Prediction').textContent).toMatch(/= 1\.5/));
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '-1' } });
    await waitFor(() => expect(screen.getByLabelText('Prediction').textContent).toMatch(/= -3$/));
    // The table of −1's predictions is the answer to a question: it shows once the learner answered.
    expect(screen.queryByRole('table', { name: 'Predictions with weight −1' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Which weight turns 3 into −3?'), { target: { value: '-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByTestId('prediction-perceptron-weight').textContent).toMatch(/Right\. You said -1; the engine says -1\./);
    const table = screen.getByRole('table', { name: 'Predictions with weight −1' });
    await waitFor(() => expect(within(table).getAllByRole('row')[2].textContent).toMatch(/7.*-7$/));
  });

  it('explains bad input instead of computing with it', () => {
    open('#/perceptron');
    fireEvent.change(screen.getByLabelText('Input'), { target: { value: 'three' } });
    expect(screen.getByText(/"three" is not a number/)).toBeTruthy();
    expect(screen.queryByLabelText('Prediction')).toBeNull();
  });
});

describe('Loss step', () => {
  it('shows loss 20.25 at w = 0.5 and 0 at w = −1', async () => {
    open('#/loss');
    await waitFor(() => expect(screen.getByTestId('loss-at-weight').textContent).toBe('20.25'));
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '-1' } });
    await waitFor(() => expect(screen.getByTestId('loss-at-weight').textContent).toBe('0'));
  });
});

describe('Tape step', () => {
  const rowsOf = () => within(screen.getByRole('region', { name: 'The tape as a table' })).getAllByRole('row').slice(1).map((r) => r.textContent ?? '');
  const stage = () => screen.getByText(/^(A fresh tape|Forward|Backward|Update)/).textContent ?? '';

  it('walks forward through mul, sub, square, asks for dL/dw, then walks back edge by edge to 27', async () => {
    open('#/tape');
    const group = await screen.findByRole('group', { name: /Tape walkthrough/ });
    for (let i = 0; i < 3; i++) fireEvent.keyDown(group, { key: 'ArrowRight' });
    const rows = rowsOf();
    expect(rows[0]).toMatch(/^t1mul\(x, w\)1\.5—/);
    expect(rows[1]).toMatch(/^t2sub\(t, t1\)-4\.5—/);
    expect(rows[2]).toMatch(/^Lsquare\(t2\)20\.25—/);
    // The walk back waits for the prediction.
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(stage()).toMatch(/^Forward: square/);
    expect(screen.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(screen.getByLabelText('What is dL/dw?'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByTestId('prediction-tape-dldw').textContent).toMatch(/Not quite\. You said 20; the engine says 27\./);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(stage()).toBe('Backward starts at the loss itself: dL/dL = 1.');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(stage()).toMatch(/∂L\/∂t2 = 2·t2 = 2·\(-4\.5\) = -9, so dL\/dt2 = \(-9\)·1 = -9/);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(stage()).toMatch(/∂t2\/∂t1 = -1, so dL\/dt1 = \(-1\)·\(-9\) = 9/);
    expect(stage()).toMatch(/t is a constant the tape does not watch/);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(stage()).toMatch(/∂t1\/∂w = x = 3, so dL\/dw = 3·9 = 27/);
    expect(screen.getByTestId('tape-dldw').textContent).toBe('27');
    const current = screen.getByRole('region', { name: 'The tape as a table' }).querySelector('[aria-current="step"]');
    expect(current?.textContent).toMatch(/^w/);
    const next = screen.getByRole('button', { name: 'Next' });
    fireEvent.click(next);
    expect(stage()).toMatch(/0\.5 \+ 27 · \(-0\.01\) = 0\.23/);
    expect(next.getAttribute('aria-disabled')).toBe('true'); // still focusable at the last stage
  });

  it('re-records the step for the learner’s own numbers: input 2, target −3, weight 1 gives L = 25 and dL/dw = 20', async () => {
    lessonStore.getState().answer('tape-dldw', { answer: '', result: 'skipped' });
    open('#/tape');
    fireEvent.change(await screen.findByLabelText('Input'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '1' } });
    const group = await screen.findByRole('group', { name: /Tape walkthrough/ });
    for (let i = 0; i < 7; i++) fireEvent.keyDown(group, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByTestId('tape-dldw').textContent).toBe('20'));
    expect(rowsOf()[2]).toMatch(/^Lsquare\(t2\)251/);
    expect(stage()).toMatch(/dL\/dw = 2·10 = 20/);
  });

  it('checks the tape with finite differences: float64 agrees to many digits, tiny h in float32 does not', async () => {
    open('#/tape');
    const fd = await screen.findByRole('region', { name: 'Finite differences against the tape' });
    await waitFor(() => expect(within(fd).getAllByRole('row')[1].textContent).toMatch(/float64, h = 1e-4.*27\.00000000/));
    fireEvent.change(screen.getByLabelText('Step size h'), { target: { value: '1e-7' } });
    const off = () => Number(within(fd).getAllByRole('row')[2].querySelectorAll('td')[3].textContent);
    await waitFor(() => expect(off()).toBeGreaterThan(1));
    expect(within(fd).getAllByRole('row')[2].textContent).toMatch(/^float32, h = 1e-7/);
    fireEvent.change(screen.getByLabelText('Step size h'), { target: { value: '5' } });
    expect(screen.getByText('Step size h must be between 1e-7 and 0.1.')).toBeTruthy();
  });
});

describe('Descent step', () => {
  it('has the labelled fields preset to the tutorial values', () => {
    open('#/descent');
    const expected: Record<string, string> = { Input: '3', Target: '-3', 'Initial weight': '0.5', 'Learning rate': '0.01', Steps: '40' };
    for (const [label, value] of Object.entries(expected)) expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe(value);
  });

  it('keeps the page after the next-weight question is answered and a field then turns invalid', async () => {
    open('#/descent');
    const answer = screen.getByLabelText('What will w be after one step?');
    fireEvent.change(answer, { target: { value: '0.23' } });
    const check = within(screen.getByTestId('prediction-descent-next-w')).getByRole('button', { name: 'Check' }) as HTMLButtonElement;
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
    await waitFor(() => expect(screen.getByTestId('step-arithmetic').textContent).toMatch(/0\.5 \+ 27 · \(-0\.01\) = 0\.23/));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(screen.getByTestId('step-arithmetic').textContent).toMatch(/Step 2:.*0\.23 \+/));
  });

  it('Train runs 40 steps into the charts and the per-step table', async () => {
    open('#/descent');
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() => expect(screen.getByTestId('readout-step').textContent).toBe('40'), { timeout: 5000 });
    expect(screen.getByTestId('readout-loss').textContent).toBe('3.84e-6');
    const table = await screen.findByRole('region', { name: 'Per-step values' });
    expect(within(table).getAllByRole('row')).toHaveLength(42); // header, the start (step 0), steps 1–40
    const loss = screen.getByRole('figure', { name: 'Loss over steps' });
    fireEvent.click(within(loss).getByRole('button', { name: 'Show data table' }));
    expect(within(loss).getAllByRole('row')).toHaveLength(42);
  });

  it('inspects the tape of any step of the run: step 2 is w = 0.23, loss 13.62, dL/dw = 22.14, next w 0.0086', async () => {
    open('#/descent');
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    const slider = await screen.findByLabelText('Inspect step', {}, { timeout: 5000 });
    expect(slider.getAttribute('max')).toBe('40');
    fireEvent.change(slider, { target: { value: '2' } });
    await waitFor(() => expect(screen.getByTestId('ledger-summary').textContent).toBe('Step 2: w = 0.23, loss 13.62, dL/dw = 22.14, next w 0.0086 — the same as the run recorded.'));
  });

  it('invalid input shows a message beside the field and disables Train', () => {
    open('#/descent');
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0' } });
    expect(screen.getByText('Learning rate must be greater than 0.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Steps'), { target: { value: 'abc' } });
    expect(screen.getByText(/"abc" is not a number/)).toBeTruthy();
    // What the learner typed is kept, even though it is invalid.
    expect(JSON.parse(localStorage.getItem('perceptron-lab:lesson')!).state.descent.steps).toBe('abc');
  });

  it('the 0.12 preset diverges with an explanation naming the 1/9 limit', async () => {
    open('#/descent');
    await waitFor(() => expect(screen.getByTestId('curvature').textContent).toBe('18'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Rates to try' })).getByRole('button', { name: '0.12' }));
    const alert = await screen.findByText(/blew up at step/, {}, { timeout: 5000 });
    expect(alert.textContent).toMatch(/0\.111/);
  });

  it('precision: float32 freezes at -0.99999982, float64 reaches -0.9999999999999997', async () => {
    open('#/descent');
    fireEvent.click(screen.getByRole('button', { name: /Run 1,000 steps/ }));
    await waitFor(() => expect(screen.getByTestId('final-weight-float32').textContent).toBe('-0.99999982'), { timeout: 8000 });
    await waitFor(() => expect(screen.getByTestId('final-weight-float64').textContent).toBe('-0.9999999999999997'), { timeout: 8000 });
  });
});
