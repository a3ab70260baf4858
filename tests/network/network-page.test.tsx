// @vitest-environment jsdom
/**
 * The Network page rendered whole over the real trainer-api through a MessageChannel: its
 * controls by their names, a run's readouts and maps, regression and three classes, a link's
 * weight edited from the keyboard, your own points added by clicking and from CSV.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setUpLessonTests } from '../helpers/lesson-setup.ts';
import { networkSettings } from '../../src/store/network-settings.ts';
import { networkStore } from '../../src/store/network-store.ts';

const { open } = setUpLessonTests();
beforeEach(() => networkSettings.setState(networkSettings.getInitialState(), true));

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const train = (epochs: string) => {
  fireEvent.change(field('Epochs'), { target: { value: epochs } });
  fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
  fireEvent.click(screen.getByRole('button', { name: 'Train' }));
};
const done = (n: number) =>
  waitFor(() => expect(screen.getByText(new RegExp(`Done: ${n} epochs? run\\.`))).toBeTruthy(), { timeout: 20_000 });

describe('the Network page', () => {
  it('has every control of TensorFlow Playground by name, at its defaults', async () => {
    open('#/network');
    await screen.findByRole('heading', { level: 1, name: 'Network' });
    expect((screen.getByLabelText('Problem') as HTMLSelectElement).value).toBe('classification');
    expect((screen.getByLabelText('Dataset') as HTMLSelectElement).value).toBe('circle');
    expect([...(screen.getByLabelText('Dataset') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Circle',
      'XOR',
      'Gaussian',
      'Spiral',
      'Moons',
      'Three blobs',
      'Your points',
    ]);
    expect(field('Noise').value).toBe('0');
    expect(field('Training data (%)').value).toBe('50');
    expect(field('Seed').value).toBe('1');
    for (const f of ['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin(x₁)', 'sin(x₂)'])
      expect(screen.getByLabelText(f)).toBeTruthy();
    expect(field('Hidden layers').value).toBe('4, 2');
    expect((screen.getByLabelText('Activation') as HTMLSelectElement).value).toBe('tanh');
    expect((screen.getByLabelText('Regularization') as HTMLSelectElement).value).toBe('none');
    expect(field('Regularization rate').value).toBe('0');
    expect(field('Learning rate').value).toBe('0.03');
    expect(field('Batch size').value).toBe('10');
    expect((screen.getByLabelText('Loss') as HTMLSelectElement).value).toBe('squared');
    expect(screen.getByRole('button', { name: 'New data' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Decision map' })).toBeTruthy();
    expect(screen.getByLabelText('Show test data')).toBeTruthy();
    expect(screen.getByLabelText('Discretize output')).toBeTruthy();
  });

  it('keeps the Hidden layers text and the +/− buttons in step', async () => {
    open('#/network');
    fireEvent.click(await screen.findByRole('button', { name: 'More units in layer 1' }));
    expect(field('Hidden layers').value).toBe('5, 2');
    fireEvent.click(screen.getByRole('button', { name: 'Remove a layer' }));
    expect(field('Hidden layers').value).toBe('5');
    fireEvent.change(field('Hidden layers'), { target: { value: '3, 3, 9' } });
    expect(screen.getByText(/whole numbers from 1 to 8/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('trains in the worker: readouts, each unit’s map, the loss and gradient charts', async () => {
    open('#/network');
    train('20');
    await done(20);
    expect(screen.getByTestId('net-epoch').textContent).toBe('20');
    expect(screen.getByTestId('net-test-accuracy').textContent).toMatch(/^\d+(\.\d+)? %$/);
    expect(screen.getAllByRole('figure', { name: /^Unit \d\.\d$/ }).map((f) => f.getAttribute('aria-label'))).toEqual([
      'Unit 1.1',
      'Unit 1.2',
      'Unit 1.3',
      'Unit 1.4',
      'Unit 2.1',
      'Unit 2.2',
    ]);
    const grads = await screen.findByRole('figure', { name: 'Gradient size per layer' });
    await waitFor(() => expect(grads.textContent).toMatch(/Layer 1: from .* at epoch 1 to .* at epoch 20/));
    expect(screen.getByRole('figure', { name: 'Decision map' }).textContent).toMatch(/after epoch 20/);
  });

  it('regression: Plane and Multi-Gaussian, squared error, no accuracy', async () => {
    open('#/network');
    fireEvent.change(await screen.findByLabelText('Problem'), { target: { value: 'regression' } });
    expect([...(screen.getByLabelText('Dataset') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Plane',
      'Multi-Gaussian',
    ]);
    train('5');
    await done(5);
    expect(screen.getByTestId('net-test-accuracy').textContent).toBe('—');
  });

  it('three blobs switch the loss to cross-entropy and train three outputs', async () => {
    open('#/network');
    fireEvent.change(await screen.findByLabelText('Dataset'), { target: { value: 'blobs' } });
    expect((screen.getByLabelText('Loss') as HTMLSelectElement).value).toBe('cross-entropy');
    train('10');
    await done(10);
    expect(screen.getAllByRole('figure', { name: /^Output \d$/ })).toHaveLength(3);
    expect(Number(screen.getByTestId('net-test-accuracy').textContent?.replace(' %', ''))).toBeGreaterThan(80);
  });

  it('every training control reaches the trainer: each changes what five epochs leave', async () => {
    open('#/network');
    await screen.findByRole('heading', { level: 1, name: 'Network' });
    const trainingLoss = () => screen.getByText('Training loss').nextElementSibling!.textContent;
    let runs = 0;
    const lossAfter = async (change: () => void) => {
      networkSettings.setState(networkSettings.getInitialState(), true);
      change();
      train('5');
      runs += 5;
      await waitFor(() => expect(screen.getByTestId('net-epoch').textContent).toBe('5'), { timeout: 20_000 });
      await done(5);
      return trainingLoss();
    };
    const base = await lossAfter(() => undefined);
    const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    const changes: [string, () => void][] = [
      ['Activation ReLU', () => set('Activation', 'relu')],
      ['Learning rate 0.3', () => set('Learning rate', '0.3')],
      ['Batch size 1', () => set('Batch size', '1')],
      ['L2 at rate 0.3', () => (set('Regularization', 'l2'), set('Regularization rate', '0.3'))],
      [
        'x₁² in place of x₁',
        () => (fireEvent.click(screen.getByLabelText('x₁')), fireEvent.click(screen.getByLabelText('x₁²'))),
      ],
      ['Noise 50', () => set('Noise', '50')],
      ['Seed 2', () => set('Seed', '2')],
      ['Training data 90 %', () => set('Training data (%)', '90')],
    ];
    for (const [what, change] of changes) expect(await lossAfter(change), what).not.toBe(base);
    expect(runs).toBe(45);
  }, 90_000);

  it('Training data and Show test data: the map draws the points each names', async () => {
    open('#/network');
    const map = await screen.findByRole('figure', { name: 'Decision map' });
    const drawn = () => Number(/(\d+) points drawn/.exec(map.textContent ?? '')?.[1]);
    await waitFor(() => expect(drawn()).toBeGreaterThan(0));
    const train = drawn(); // the training half (50 %); the test points are hidden by default
    fireEvent.click(screen.getByLabelText('Show test data'));
    await waitFor(() => expect(drawn()).toBe(2 * train));
    fireEvent.click(screen.getByLabelText('Show test data'));
    fireEvent.change(screen.getByLabelText('Training data (%)'), { target: { value: '90' } });
    await waitFor(() => expect(drawn()).toBe(Math.round(2 * train * 0.9)));
  });

  it('Pause holds the epoch, Step takes one, Resume finishes, Reset clears', async () => {
    open('#/network');
    fireEvent.change(await screen.findByLabelText('Epochs'), { target: { value: '300' } });
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await waitFor(() => expect(Number(screen.getByTestId('net-epoch').textContent)).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await screen.findByText(/^Paused at epoch \d+\./);
    const at = Number(screen.getByTestId('net-epoch').textContent);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(Number(screen.getByTestId('net-epoch').textContent)).toBe(at + 1));
    fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'max' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await done(300);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(screen.getByTestId('net-epoch').textContent).toBe('—'));
  }, 30_000);

  it('a link’s weight is read on focus and edited from the keyboard; the next Train starts from it', async () => {
    open('#/network');
    train('2');
    await done(2);
    const link = screen.getByRole('button', { name: /^Weight from x₁ to Unit 1\.1: / });
    fireEvent.focus(link);
    expect(screen.getByTestId('link-info').textContent).toMatch(/^x₁ → Unit 1\.1: weight /);
    fireEvent.keyDown(link, { key: 'Enter' });
    fireEvent.change(await screen.findByLabelText('Edit weight: x₁ → Unit 1.1'), { target: { value: '2.5' } });
    expect(screen.getByTestId('edits-note').textContent).toMatch(/One weight is edited/);
    expect(link.getAttribute('aria-label')).toMatch(/: 2\.5 \(edited\)$/);
    fireEvent.change(field('Epochs'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await done(1);
    // That run started from the drawn weights with x₁ → Unit 1.1 (the first weight) at 2.5.
    expect(networkStore.getState().runs.network?.config.init?.[0]).toBe(2.5);
    expect(screen.queryByTestId('edits-note')).toBeNull();
  });

  it('your points: click the map to add one of the class picked, clear with Undo, import CSV', async () => {
    open('#/network');
    fireEvent.change(await screen.findByLabelText('Dataset'), { target: { value: 'points' } });
    const map = screen.getByRole('figure', { name: 'Decision map' });
    const canvas = map.querySelector('canvas')!;
    canvas.getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width: 360,
      height: 360,
      right: 360,
      bottom: 360,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    fireEvent.click(canvas, { clientX: 90, clientY: 90 });
    fireEvent.click(screen.getByLabelText('Class B'));
    fireEvent.click(canvas, { clientX: 270, clientY: 270 });
    expect(screen.getByTestId('points-count').textContent).toMatch(/^2 points/);
    expect(networkSettings.getState().points).toEqual({ xy: [-3, 3, 3, -3], labels: [0, 1] });
    fireEvent.click(screen.getByRole('button', { name: 'Clear points' }));
    expect(screen.getByTestId('points-count').textContent).toMatch(/^0 points/);
    fireEvent.click(screen.getByRole('button', { name: /^Undo/ }));
    expect(screen.getByTestId('points-count').textContent).toMatch(/^2 points/);
    const file = new File(['x1,x2,label\n1,1,A\n2,2,B\n-1,-2,C\n'], 'p.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('CSV file of points'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('points-count').textContent).toMatch(/^3 points/));
    expect((screen.getByLabelText('Classes') as HTMLSelectElement).value).toBe('3');
    expect(within(screen.getByRole('radiogroup', { name: 'Class a click adds' })).getAllByRole('radio')).toHaveLength(
      3,
    );
  });
});
