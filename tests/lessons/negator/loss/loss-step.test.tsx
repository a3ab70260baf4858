// @vitest-environment jsdom
/** The Loss step: the loss at the weight the learner sets. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { setUpLessonTests } from '../../../helpers/lesson-setup.ts';

const { open } = setUpLessonTests();

describe('Loss step', () => {
  it('shows loss 20.25 at w = 0.5 and 0 at w = −1', async () => {
    open('#/loss');
    await waitFor(() => expect(screen.getByTestId('loss-at-weight').textContent).toBe('20.25'));
    fireEvent.change(screen.getByLabelText('Weight'), { target: { value: '-1' } });
    await waitFor(() => expect(screen.getByTestId('loss-at-weight').textContent).toBe('0'));
  });
});
