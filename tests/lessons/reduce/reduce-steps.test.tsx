// @vitest-environment jsdom
/**
 * Lesson 2's three steps rendered whole, over the real trainer-api through a MessageChannel:
 * every number on screen comes from the engine, as in the app.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setUpLessonTests } from '../../helpers/lesson-setup.ts';

const { open } = setUpLessonTests();

const train = () => {
  fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
  fireEvent.click(screen.getByRole('button', { name: 'Train' }));
};

describe('Squash four points', () => {
  it('lists the six pairs with their 3-D distances, turns the 3-D view by keyboard, and settles the points near the best flat layout', async () => {
    open('#/reduce');
    expect(screen.getByRole('heading', { level: 1, name: 'Squash four points' })).toBeTruthy();
    const view = await screen.findByRole('group', { name: /The four points A, B, C and D in 3-D/ });
    const yaw = Number(view.getAttribute('data-yaw'));
    fireEvent.keyDown(view, { key: 'ArrowRight' });
    expect(Number(view.getAttribute('data-yaw'))).toBe((yaw + 15) % 360);
    const table = screen.getByRole('region', { name: 'Distances of each pair' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(7));
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelector('th')?.textContent),
    ).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);
    train();
    // Once the loss holds still the run ends early, and says so.
    const done = await screen.findByText(/^Done: \d+ steps run\.$/, {}, { timeout: 25_000 });
    const ran = Number(/\d+/.exec(done.textContent!)![0]);
    expect(ran).toBeLessThan(100);
    expect(done.parentElement!.textContent).toMatch(
      new RegExp(
        `Settled at step ${ran}: the loss stayed at \\S+ for the last 10 steps.*instead of repeating it for ${100 - ran} more`,
      ),
    );
    const readout = screen.getByTestId('points-readout').textContent ?? '';
    const loss = Number(/loss (\S+)/.exec(readout)?.[1]);
    const floor = Number(/can do is (\S+?)\)/.exec(readout)?.[1]);
    expect(Math.abs(loss - floor)).toBeLessThan(1e-3);
    expect(screen.queryByText(/NaN|Infinity/)).toBeNull();
  });
});

describe('The iris flowers', () => {
  it('defines variance, z-score, PCA and variance explained, each with a number, before asking about variance', async () => {
    open('#/reduce/iris');
    const terms = document.querySelector('dl[aria-label="Words for this step"]') as HTMLElement;
    const question = await screen.findByLabelText('How much of the variance can two dimensions keep, in percent?');
    expect(terms.compareDocumentPosition(question) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const words = [...terms.querySelectorAll('dt')].map((d) => d.textContent);
    expect(words).toEqual(['Variance', 'z-score', 'PCA (principal component analysis)', 'Variance explained']);
    await waitFor(() => expect(terms.textContent).toMatch(/sepal widths have a variance of 0\.1\d+ cm²/));
    expect(terms.textContent).toMatch(/2 of the 4 units of variance explains 50 %/);
    // The question's answer is not among them.
    expect(terms.textContent).not.toMatch(/95\.8/);
  });

  it('checks the variance prediction against exact PCA (95.81 %), then trains W to the floor and within 1° of PCA’s plane', async () => {
    open('#/reduce/iris');
    fireEvent.change(await screen.findByLabelText('How much of the variance can two dimensions keep, in percent?'), {
      target: { value: '95.8' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() =>
      expect(screen.getByTestId('prediction-reduce-variance').textContent).toMatch(
        /Right\. You said 95\.8; the engine says 95\.81 %/,
      ),
    );
    expect((screen.getByLabelText('Seed') as HTMLInputElement).value).toBe('1');
    train();
    await waitFor(() => expect(screen.getByTestId('iris-step').textContent).toBe('300'), { timeout: 25_000 });
    expect(Math.abs(Number(screen.getByTestId('iris-loss').textContent) - 0.041868)).toBeLessThan(1e-4);
    expect(Number(screen.getByTestId('angle-to-pca').textContent?.replace('°', ''))).toBeLessThan(1);
    const scatter = screen.getByRole('figure', { name: 'Flowers in two dimensions' });
    await waitFor(() => expect(scatter.querySelectorAll('.scatter-point')).toHaveLength(150));
    // Beside it, exact PCA's picture on the same axes; W's is turned to face it, and says how.
    const pca = screen.getByRole('figure', { name: 'Exact PCA’s picture' });
    await waitFor(() => expect(pca.querySelectorAll('.scatter-point')).toHaveLength(150));
    await waitFor(() => expect(scatter.textContent).toMatch(/turned -?\d+(\.\d+)?°( and flipped)? to face PCA’s axes/));
    // Once the run has ended, its worker time is printed (a run at Max only).
    await waitFor(() =>
      expect(screen.getByTestId('worker-time').textContent).toMatch(/^300 steps took \S+ ms of worker time/),
    );
  }, 30_000);

  it('says what is wrong with a seed that is not a whole number, and does not train on it', () => {
    open('#/reduce/iris');
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '1.5' } });
    expect(screen.getByRole('alert').textContent).toBe('Seed must be a whole number.');
    expect(screen.getByLabelText('Seed').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Reduce: experiments', () => {
  it('measures the curvature with nested tapes (≈ 5.84, limit ≈ 0.343) and, once W is trained, places a new flower on the scatter', async () => {
    open('#/reduce/experiments');
    expect(screen.queryByTestId('reduce-curvature')).toBeNull();
    fireEvent.click(within(screen.getByTestId('prediction-reduce-lr-0.5')).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.getByTestId('reduce-curvature').textContent).toMatch(/5\.83/), {
      timeout: 25_000,
    });
    expect(screen.getByTestId('reduce-limit').textContent).toBe('0.343');
    expect(screen.queryByTestId('new-flower')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Train W on the flowers' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Train W on the flowers' })).toBeNull(), {
      timeout: 25_000,
    });
    fireEvent.change(screen.getByLabelText('New flower: petal length (cm)'), { target: { value: '6' } });
    await waitFor(
      () => expect(screen.getByTestId('new-flower').textContent).toMatch(/^The new flower lands at \(-?\d/),
      { timeout: 25_000 },
    );
    expect(
      screen.getByRole('figure', { name: 'Flowers in two dimensions' }).querySelectorAll('.scatter-extra'),
    ).toHaveLength(1);
  }, 30_000);

  it('why standardise: each measurement’s variance before and after, and why raw keeping more is no win', async () => {
    open('#/reduce/experiments');
    const table = await screen.findByRole('region', { name: 'What z-scoring changes' }, { timeout: 25_000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.children[0].textContent)).toEqual([
      'sepal length',
      'sepal width',
      'petal length',
      'petal width',
    ]);
    // z-scored, every measurement has variance 1; raw, petal length is most of the variance.
    for (const r of rows) expect(r.children[4].textContent).toBe('1');
    expect(Number.parseFloat(rows[2].children[2].textContent!)).toBeGreaterThan(60);
    expect(screen.getByTestId('standardise-why').textContent).toMatch(
      /petal length alone is \d+(\.\d+)? % of the variance.*Two raw directions keep 97\.7\d* %, more than the z-scores['’] 95\.81 %/,
    );
  }, 30_000);
});
