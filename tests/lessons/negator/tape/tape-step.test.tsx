// @vitest-environment jsdom
/** The Tape step: the walkthrough, the learner's own numbers, finite differences. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { lessonStore } from '../../../../src/store/lesson-store.ts';
import { setUpLessonTests } from '../../../helpers/lesson-setup.ts';

const { open } = setUpLessonTests();

describe('Tape step', () => {
  const rowsOf = () =>
    within(screen.getByRole('region', { name: 'The tape as a table' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent ?? '');
  const stage = () => screen.getByText(/^(A fresh tape|Forward|Backward)/).textContent ?? '';

  it('beside the code: the tutorial prints step 40’s loss 3.84e-6 (before its update); step 40 itself ends at 2.58e-6', async () => {
    open('#/tape');
    const printout = await screen.findByTestId('tutorial-printout', {}, { timeout: 5000 });
    expect(printout.textContent).toMatch(/step 1: loss 20\.25/);
    expect(printout.textContent).toMatch(/step 40: loss 3\.84e-6, as the tutorial prints it/);
    expect(printout.textContent).toMatch(/step 39’s loss here, and step 40 ends at a loss of 2\.58e-6/);
  });

  it('walks forward through mul, sub, square, asks for dL/dt1, then walks back edge by edge to 27', async () => {
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
    // Held: Next says why it waits, and nothing on the page gives dL/dt1 or dL/dw away.
    expect(screen.getByText(/Next waits for you: answer or skip the question below/)).toBeTruthy();
    expect(screen.queryByTestId('tape-dldw')).toBeNull();
    expect(document.body.textContent).not.toMatch(/= 27\b|= 9\b/);
    const question = /What is dL\/dt1/;
    fireEvent.change(screen.getByLabelText(question), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    // A first miss gets a hint and a second try, not the answer.
    expect(screen.getByTestId('prediction-tape-dldw').textContent).toMatch(
      /Not yet: you said 20, and that is too high\./,
    );
    expect(screen.getByTestId('prediction-tape-dldw').textContent).not.toMatch(/engine says/);
    expect(screen.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(screen.getByLabelText(question), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByTestId('prediction-tape-dldw').textContent).toMatch(
      /Not quite\. You said 20; the engine says 9\./,
    );
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
    // The walk ends at the gradient: the update (and its 0.23) is the Descent step's question.
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next.getAttribute('aria-disabled')).toBe('true'); // still focusable at the last stage
    fireEvent.click(next);
    expect(stage()).toMatch(/dL\/dw = 3·9 = 27/);
    expect(document.body.textContent).not.toMatch(/0\.23/);
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

  it('checks the tape with finite differences once the walk reaches w: float64 agrees to many digits, tiny h in float32 does not', async () => {
    lessonStore.getState().answer('tape-dldw', { answer: '', result: 'skipped' });
    open('#/tape');
    expect(screen.queryByRole('region', { name: 'Finite differences against the tape' })).toBeNull();
    const group = await screen.findByRole('group', { name: /Tape walkthrough/ });
    for (let i = 0; i < 7; i++) fireEvent.keyDown(group, { key: 'ArrowRight' });
    const fd = await screen.findByRole('region', { name: 'Finite differences against the tape' });
    await waitFor(() =>
      expect(within(fd).getAllByRole('row')[1].textContent).toMatch(/float64, h = 1e-4.*27\.00000000/),
    );
    fireEvent.change(screen.getByLabelText('Step size h'), { target: { value: '1e-7' } });
    const off = () => Number(within(fd).getAllByRole('row')[2].querySelectorAll('td')[3].textContent);
    await waitFor(() => expect(off()).toBeGreaterThan(1));
    expect(within(fd).getAllByRole('row')[2].textContent).toMatch(/^float32, h = 1e-7/);
    fireEvent.change(screen.getByLabelText('Step size h'), { target: { value: '5' } });
    expect(screen.getByText('Step size h must be between 1e-7 and 0.1.')).toBeTruthy();
  });
});
