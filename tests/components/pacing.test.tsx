// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/app.tsx';
import { setTrainerClient } from '../../src/store/trainer-client.ts';
import { lessonStore } from '../../src/store/lesson-store.ts';
import { trainingStore } from '../../src/store/training-store.ts';
import { trainerApi } from '../../workers/trainer-api.ts';

const step = () => screen.getByTestId('readout-step').textContent;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance', 'Date'] });
  // The worker API called in this thread, so the fake clock paces it too.
  setTrainerClient(trainerApi);
  localStorage.clear();
  lessonStore.setState(lessonStore.getInitialState(), true);
  trainingStore.setState({ runs: {} });
});
afterEach(() => {
  vi.useRealTimers();
  setTrainerClient(null);
});

describe('paced runs, driven by a fake clock', () => {
  it('the Overview runs at 10 steps/s by default: about step 10 after a second, the tutorial numbers after four', async () => {
    window.location.hash = '#/';
    render(<App />);
    expect((screen.getByLabelText('Speed') as HTMLSelectElement).value).toBe('10');
    fireEvent.click(button('Train'));
    await advance(1000);
    expect(Number(step())).toBeGreaterThanOrEqual(8);
    expect(Number(step())).toBeLessThanOrEqual(11);
    expect(button('Pause').disabled).toBe(false);
    await advance(3500);
    expect(step()).toBe('40');
    expect(screen.getByTestId('readout-loss').textContent).toBe('2.58e-6');
    expect(screen.getByTestId('readout-weight').textContent).toBe('-0.9995');
  });

  it('Pause holds the step count; Step while paused takes one; Resume finishes the same run', async () => {
    window.location.hash = '#/descent';
    render(<App />);
    fireEvent.click(button('Train'));
    await advance(1050);
    fireEvent.click(button('Pause'));
    await advance(100);
    const held = step();
    await advance(2000);
    expect(step()).toBe(held);
    expect(screen.getByText(/^Paused at step \d+\. Resume to go on, or Step to take one step\.$/)).toBeTruthy();
    fireEvent.click(button('Step'));
    await advance(100);
    expect(Number(step())).toBe(Number(held) + 1);
    fireEvent.click(button('Resume'));
    await advance(4000);
    expect(step()).toBe('40');
    expect(screen.getByTestId('readout-weight').textContent).toBe('-0.9995');
  });

  it('at 5 steps/s or slower the arithmetic is read out, at most once a second', async () => {
    window.location.hash = '#/descent';
    render(<App />);
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '5' } });
    const region = screen.getByTestId('step-announcer');
    expect(region.getAttribute('aria-live')).toBe('polite');
    const said: string[] = [];
    const watch = new MutationObserver(() => said.push(region.textContent ?? ''));
    watch.observe(region, { childList: true, characterData: true, subtree: true });
    fireEvent.click(button('Train'));
    await advance(4000);
    watch.disconnect();
    const distinct = said.filter((t, i) => t && t !== said[i - 1]);
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    expect(distinct.length).toBeLessThanOrEqual(5); // 20 steps in 4 s, read out no more than once a second
    expect(distinct.at(-1)).toMatch(
      /^Step \d+: the gradient at w = \S+ is \S+, so w ← \S+ \+ \S+ · \(-0\.01\) = \S+, where the loss is \S+$/,
    );
  });

  it('at 10 steps/s nothing is read out per step', async () => {
    window.location.hash = '#/descent';
    render(<App />);
    fireEvent.click(button('Train'));
    await advance(2000);
    expect(screen.getByTestId('step-announcer').textContent).toBe('');
  });
});
