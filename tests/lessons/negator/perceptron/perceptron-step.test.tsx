// @vitest-environment jsdom
/** The Perceptron step: the engine's prediction, the weight question, bad input. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setUpLessonTests } from '../../../helpers/lesson-setup.ts';

const { open } = setUpLessonTests();

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
    expect(screen.getByTestId('prediction-perceptron-weight').textContent).toMatch(
      /Right\. You said -1; the engine says -1\./,
    );
    const table = screen.getByRole('table', { name: 'Predictions with weight −1' });
    await waitFor(() => expect(within(table).getAllByRole('row')[2].textContent).toMatch(/7.*-7$/));
  });

  it('draws the unit with the same numbers: 3 in, × w, the engine’s prediction out, beside the negator’s answer', async () => {
    open('#/perceptron');
    await waitFor(() =>
      expect(screen.getByRole('img', { name: /^The unit:/ }).getAttribute('aria-label')).toBe(
        'The unit: 3 goes in, is multiplied by w = 0.5, and 1.5 comes out; a negator would give -3.',
      ),
    );
    fireEvent.change(screen.getByLabelText('Input'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '-1' } });
    await waitFor(() =>
      expect(screen.getByRole('img', { name: /^The unit:/ }).textContent).toMatch(
        /input x2.*w = -1.*prediction ŷ-2a negator says -2/,
      ),
    );
  });

  it('explains bad input instead of computing with it', () => {
    open('#/perceptron');
    fireEvent.change(screen.getByLabelText('Input'), { target: { value: 'three' } });
    expect(screen.getByText(/"three" is not a number/)).toBeTruthy();
    expect(screen.queryByLabelText('Prediction')).toBeNull();
  });
});
