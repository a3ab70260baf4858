// @vitest-environment jsdom
/**
 * Lesson 3's four steps rendered whole, over the real trainer-api through a MessageChannel:
 * every number on screen comes from the engine, and no answer shows before its question is
 * answered or skipped.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setUpLessonTests } from '../../helpers/lesson-setup.ts';

const { open } = setUpLessonTests();

/** Sets every Speed on the page to Max and presses the `n`-th Train button. */
const train = (n = 0) => {
  for (const s of screen.getAllByLabelText('Speed')) fireEvent.change(s, { target: { value: 'max' } });
  fireEvent.click(screen.getAllByRole('button', { name: 'Train' })[n]);
};
const main = () => document.querySelector('main')!.textContent ?? '';

describe('Stack two lines', () => {
  it('asks first, then trains ŷ = w₂·(w₁·x) onto the valley w₁·w₂ = −1 and draws its path', async () => {
    open('#/layers');
    expect(screen.getByRole('heading', { level: 1, name: 'Stack two lines' })).toBeTruthy();
    await screen.findByText('Can stacking linear layers fit y = |x|?');
    // The composition (the answer's reason) is not on the page yet.
    expect(main()).not.toMatch(/\(w₂·w₁\)·x/);
    fireEvent.click(screen.getByLabelText('No, never'));
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByTestId('prediction-layers-abs').textContent).toMatch(/^.*Right\./));
    expect(main()).toMatch(/\(w₂·w₁\)·x/);
    train();
    await waitFor(() => expect(screen.getByText(/Done: 40 steps run\./)).toBeTruthy(), { timeout: 20_000 });
    expect(Math.abs(Number(screen.getByTestId('stack-product').textContent) + 1)).toBeLessThan(1e-3);
    const map = screen.getByRole('figure', { name: 'Loss over (w₁, w₂), with the path' });
    await waitFor(() =>
      expect(map.textContent).toMatch(/starts at w₁ = 0\.5, w₂ = 0\.3 .* ends at w₁ = 1\.03, w₂ = -0\.973/),
    );
    fireEvent.click(within(map).getByRole('button', { name: 'Show data table' }));
    expect(within(map).getAllByRole('row')).toHaveLength(1 + 41); // the start and 40 steps
  });
});

describe('Bend the line', () => {
  it('fits |x|: the best line lies flat at 1.048, two ReLU units add up to the bend', async () => {
    open('#/layers/bend');
    await screen.findByRole('heading', { name: 'The best line through |x|' });
    train(0);
    await waitFor(() => expect(screen.getByTestId('abs-line').textContent).toMatch(/\+ 1\.048\. The slope/), {
      timeout: 20_000,
    });
    train(1);
    await waitFor(() => expect(screen.getAllByText(/Done: 500 steps run\./)).toHaveLength(2), { timeout: 20_000 });
    const plot = screen.getByRole('figure', { name: 'The network’s output and its two pieces' });
    await waitFor(() => expect(plot.textContent).toMatch(/2 pieces it adds up/));
    fireEvent.click(within(plot).getByRole('button', { name: 'Show data table' }));
    const rows = within(plot).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(13); // x = −3, −2.5, …, 3
    for (const r of rows) {
      const [p1, p2, c, out] = [...r.querySelectorAll('td')].map((td) => Number(td.textContent));
      // The printed pieces add up to the printed output.
      const digits = String(out).replace(/^-?0\.0*|\./g, '').length;
      expect(Math.abs(p1 + p2 + c - out)).toBeLessThanOrEqual(
        0.5 * 10 ** (Math.floor(Math.log10(Math.abs(out))) - digits + 1) + 1e-12,
      );
    }
    const atTwo = rows.find((r) => r.querySelector('th')?.textContent === '2')!;
    expect(Math.abs(Number(atTwo.querySelectorAll('td')[3].textContent) - 2)).toBeLessThan(0.01);
  });

  it('XOR waits for its question, then one neuron stays under 75 % and four tanh units pass 95 %', async () => {
    open('#/layers/bend');
    const q = await screen.findByLabelText(/how many can one straight line put on their right side at best/);
    expect(screen.queryByRole('figure', { name: /Decision map/ })).toBeNull();
    expect(main()).toMatch(/Answer or skip the question to train on XOR/);
    fireEvent.change(q, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await screen.findByRole('heading', { name: 'One neuron' });
    train(2);
    train(3);
    await waitFor(() => expect(screen.getAllByText(/Done: 100 epochs run\./)).toHaveLength(2), { timeout: 30_000 });
    const pct = (id: string) => Number(screen.getByTestId(id).textContent?.replace(' %', ''));
    expect(pct('layers-xor-one-accuracy')).toBeLessThan(75);
    expect(pct('layers-xor-hidden-accuracy')).toBeGreaterThanOrEqual(95);
    const units = screen.getByRole('list', { name: /Hidden units’ maps, after epoch 100/ });
    expect(
      within(units)
        .getAllByRole('figure')
        .map((f) => f.getAttribute('aria-label')),
    ).toEqual(['Unit 1.1', 'Unit 1.2', 'Unit 1.3', 'Unit 1.4']);
    expect(screen.getByTestId('xor-verdict').textContent).toMatch(/One neuron, after epoch 100, gets/);
    expect(main()).not.toMatch(/NaN|Infinity/);
  });
});

describe('Backprop through a layer', () => {
  it('walks the tape back only after the question, sums x’s two gradients, and shows a dead ReLU unit', async () => {
    open('#/layers/backprop');
    await screen.findByText(/Every value on the tape/);
    expect(screen.getAllByText('answer first').length).toBeGreaterThan(10);
    expect(screen.queryByTestId('x-sum')).toBeNull();
    fireEvent.click(screen.getByLabelText('a + b'));
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    const sum = await screen.findByTestId('x-sum');
    const [a, b, c] = /dL\/dx = (\S+) \+ (\S+) = (\S+)/
      .exec(sum.textContent ?? '')!
      .slice(1)
      .map(Number);
    expect(a).not.toBe(0);
    expect(b).not.toBe(0);
    expect(Math.abs(a + b - c)).toBeLessThan(1e-4);
    expect(main()).toMatch(/tanh′\(z\) = 1 − tanh\(z\)²: at unit 1, 1 − 0\.4621² = 0\.7864/);
    await waitFor(() => expect(screen.getByTestId('fd-estimate').textContent).not.toBe('…'));
    const check = screen.getByRole('region', { name: 'Check one hidden weight' }).textContent ?? '';
    const tape = Number(/The tape says dL\/dw1 = (\S+)\./.exec(check)![1]);
    expect(Math.abs(Number(screen.getByTestId('fd-estimate').textContent) - tape)).toBeLessThan(1e-7);
    fireEvent.click(screen.getByLabelText('ReLU'));
    const dead = await screen.findByTestId('dead-unit');
    expect(dead.textContent).toMatch(/z2 = -0\.4 is negative.*dL\/dw2 = 0, dL\/db2 = 0, and x gets 0/);
    await waitFor(() => expect(screen.getByTestId('x-sum').textContent).toMatch(/= 0\.112 \+ 0 = 0\.112/));
  });
});

describe('Name the species', () => {
  it('asks which two it will confuse, trains to ≥ 90 % on the held-out flowers, then shows the confusion matrix', async () => {
    open('#/layers/iris');
    await screen.findByText('Which two species will it confuse?');
    expect(main()).toMatch(/Answer or skip the question at the top of the page to see the confusion matrix/);
    train(0);
    await waitFor(() => expect(screen.getByText(/Done: 200 epochs run\./)).toBeTruthy(), { timeout: 30_000 });
    expect(Number(screen.getByTestId('test-accuracy').textContent?.replace(' %', ''))).toBeGreaterThanOrEqual(90);
    expect(screen.queryByTestId('confusion')).toBeNull();
    fireEvent.click(screen.getByLabelText('versicolor and virginica'));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Check' }) as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByTestId('prediction-layers-confuse').textContent).toMatch(/Right\./));
    const table = await screen.findByRole('table', {
      name: 'Confusion matrix',
    });
    expect(screen.getByText(/^The 30 held-out flowers after epoch 200/)).toBeTruthy();
    const counts = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent)));
    expect(counts.map((r) => r.reduce((s, v) => s + v, 0))).toEqual([10, 10, 10]);
    expect(counts[0]).toEqual([10, 0, 0]);
    const flower = await screen.findByTestId('one-flower');
    const probs = /softmax p = .* = \(([^)]+)\)/
      .exec(flower.textContent ?? '')![1]
      .split(', ')
      .map(Number);
    expect(probs.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 3);
  });

  it('trains three seeds to different weights and reports each one’s test accuracy', async () => {
    open('#/layers/iris');
    fireEvent.click(await screen.findByRole('button', { name: 'Train seeds 1, 2 and 3' }));
    const verdict = await screen.findByTestId('seeds-verdict', {}, { timeout: 30_000 });
    const weights = /first weights alone are (\S+), (\S+), (\S+)\)/
      .exec(verdict.textContent ?? '')!
      .slice(1)
      .map(Number);
    expect(new Set(weights).size).toBe(3);
    const rows = within(screen.getByRole('table', { name: /Each seed’s run/ }))
      .getAllByRole('row')
      .slice(1);
    for (const r of rows) {
      expect(r.textContent).toMatch(/after epoch 200/);
      expect(Number(r.querySelectorAll('td')[3].textContent?.replace(' %', ''))).toBeGreaterThanOrEqual(90);
    }
  });
});
