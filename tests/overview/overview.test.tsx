// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { fireEvent } from '@testing-library/react';
import { App } from '../../src/app.tsx';
import { setUpChannelTrainer } from '../helpers/channel-client.ts';

describe('Overview: Train runs the tutorial', () => {
  setUpChannelTrainer();

  it('shows step 40 with its own loss 2.58e-6 and weight -0.9995 after Train, and the 3.84e-6 the tutorial prints', async () => {
    render(<App />);
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    const values = screen.getByLabelText('Current values');
    await waitFor(() => expect(within(values).getByTestId('readout-step').textContent).toBe('40'), { timeout: 5000 });
    expect(within(values).getByTestId('readout-loss').textContent).toBe('2.58e-6');
    expect(within(values).getByTestId('readout-weight').textContent).toBe('-0.9995');
    expect(screen.getByTestId('readout-printout').textContent).toMatch(
      /prints “step 40: loss 3\.84e-6”.*before that step’s update, which is step 39’s loss here/,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Done: 40 steps run\./));
  });
});
