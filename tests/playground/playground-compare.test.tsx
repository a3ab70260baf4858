// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/app.tsx';
import { playgroundStore } from '../../src/store/playground-store.ts';
import { trainingStore } from '../../src/store/training-store.ts';
import { NEGATOR_CONFIG } from '../../src/training/config.ts';
import { decodeConfig, shareHash } from '../../src/training/share.ts';
import { setUpPlaygroundTests } from '../helpers/playground-setup.ts';

setUpPlaygroundTests();
afterEach(() => vi.restoreAllMocks());

function open(hash = '#/playground') {
  window.location.hash = hash;
  return render(<App />);
}
const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

/** Sets the learning rate and optimizer, trains, and waits for this new run to finish. */
async function train(lr: string, optimizer = 'sgd') {
  fireEvent.change(field('Learning rate'), { target: { value: lr } });
  fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: optimizer } });
  const next = playgroundStore.getState().nextRun;
  fireEvent.click(button('Train'));
  await waitFor(
    () => {
      const item = within(screen.getByRole('list', { name: 'Compared runs' }))
        .getByText(new RegExp(`^Run ${next}\\b`))
        .closest('li')!;
      expect(item.textContent).toMatch(/done after 40 steps/);
    },
    { timeout: 8000 },
  );
}

/** Captures what the page downloads: file name and blob, via a stubbed object URL. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const files: { name: string; blob: Blob }[] = [];
  let n = 0;
  URL.createObjectURL = vi.fn((b: Blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, b);
    return url;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

describe('compare runs', () => {
  it('overlays two learning rates with a legend naming what differs; hide/show; clear all', async () => {
    open();
    await train('0.01');
    await train('0.05');
    const list = screen.getByRole('list', { name: 'Compared runs' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/Run 2: learning rate 0\.05/);
    expect(items[1]).toMatch(/Run 1: learning rate 0\.01/);
    const loss = screen.getByRole('figure', { name: 'Loss over steps' });
    // The charts redraw in a deferred render, a moment after the list.
    await waitFor(() =>
      expect(loss.querySelector('.chart-summary')!.textContent).toMatch(
        /^Run 1: learning rate 0\.01: from 20\.25 at step 0 to .* at step 40; Run 2: learning rate 0\.05: from 20\.25/,
      ),
    );
    await waitFor(() =>
      expect(within(loss).getAllByText(/^Run [12]: learning rate 0\.0[15]$/).length).toBeGreaterThanOrEqual(2),
    );
    const summary = () => loss.querySelector('.chart-summary')!.textContent;
    fireEvent.click(screen.getByLabelText('Show run 1'));
    // One line left: the summary no longer names runs, and it is run 2's (lr 0.05 ends lower).
    await waitFor(() => expect(summary()).toMatch(/^From 20\.25 at step 0 to \S+ at step 40\.$/));
    const hidden = summary();
    fireEvent.click(screen.getByLabelText('Show run 1'));
    await waitFor(() => expect(summary()).toMatch(/Run 1: learning rate 0\.01: from/));
    expect(summary()!.toLowerCase()).toContain(hidden!.replace(/\.$/, '').toLowerCase());
    fireEvent.click(button('Clear all'));
    expect(screen.queryByRole('list', { name: 'Compared runs' })).toBeNull();
    await waitFor(() => expect(within(loss).getByText('Press Train to see this chart fill in.')).toBeTruthy());
    // Not final: Undo puts both runs back, histories and all.
    expect(screen.getByText(/Runs 1, 2 cleared\. Undo is kept/)).toBeTruthy();
    fireEvent.click(button('Undo'));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Compared runs' })).getAllByRole('listitem')).toHaveLength(2),
    );
    await waitFor(() => expect(summary()).toMatch(/Run 1: learning rate 0\.01: from 20\.25/));
    // Dismissed, the offer and the cleared histories are gone.
    fireEvent.click(button('Clear all'));
    fireEvent.click(button('Dismiss'));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(playgroundStore.getState().cleared).toBeNull();
    expect(trainingStore.getState().runs['playground-1']).toBeUndefined();
  });

  it('names the optimizer and model when those differ, and keeps at least five runs', async () => {
    open();
    await train('0.01', 'sgd');
    await train('0.01', 'momentum');
    await train('0.01', 'adam');
    fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'w+b' } });
    await train('0.01', 'adam');
    await train('0.02', 'adam');
    const items = within(screen.getByRole('list', { name: 'Compared runs' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent!);
    expect(items).toHaveLength(5);
    expect(items[4]).toMatch(/Run 1: learning rate 0\.01, SGD, model w/);
    expect(items[3]).toMatch(/Run 2: learning rate 0\.01, momentum, model w/);
    expect(items[1]).toMatch(/Run 4: learning rate 0\.01, Adam, model w \+ b/);
    expect(items[0]).toMatch(/Run 5: learning rate 0\.02, Adam, model w \+ b/);
  }, 30_000);

  it('selecting a run makes the readout and prediction follow it', async () => {
    open();
    await train('0.01');
    await train('0.001');
    await waitFor(() => expect(screen.getByTestId('readout-weight').textContent).toBe('-0.2746'));
    fireEvent.click(screen.getByLabelText('Select run 1'));
    await waitFor(() => expect(screen.getByTestId('readout-weight').textContent).toBe('-0.9995'));
    await waitFor(() => expect(screen.getByTestId('prediction').textContent).toBe('2.998'));
  });
});

describe('export', () => {
  it('exports the selected run’s history as CSV and JSON with the worker’s numbers', async () => {
    open();
    expect(button('Export CSV').disabled).toBe(true);
    await train('0.01');
    const files = captureDownloads();
    fireEvent.click(button('Export CSV'));
    fireEvent.click(button('Export JSON'));
    expect(files.map((f) => f.name)).toEqual(['playground-run-1.csv', 'playground-run-1.json']);
    const csv = (await files[0].blob.text()).trim().split('\n');
    // One state per row: step k's weight with the loss and slope measured there.
    expect(csv[0]).toBe('step,weight,loss,dL_dw');
    expect(csv).toHaveLength(42);
    expect(csv[1]).toBe('0,0.5,20.25,27');
    // Full precision, as the worker sent it (float32 arithmetic), not the rounded display value.
    expect(csv[2]).toMatch(/^1,0\.2300000\d{5,},13\.61\d+,22\.1\d+$/);
    const json = JSON.parse(await files[1].blob.text());
    expect(json.config.learningRate).toBe(0.01);
    expect(json.status).toBe('done');
    expect(json.history.loss).toHaveLength(41);
    expect(json.history.loss[1]).toBeCloseTo(13.6161, 4);
    expect(json.history.dL_dw[1]).toBeCloseTo(22.14, 4);
    expect(json.history.step[40]).toBe(40);
    expect(json.history.bias).toBeUndefined();
  });

  it('saves the loss chart as a standalone SVG with the compare legend', async () => {
    open();
    await train('0.01');
    await train('0.05');
    const loss = screen.getByRole('figure', { name: 'Loss over steps' });
    await waitFor(() =>
      expect(loss.querySelector('.chart-summary')!.textContent).toMatch(/Run 2: learning rate 0\.05/),
    );
    await waitFor(() => expect(loss.querySelectorAll('svg.recharts-surface path.recharts-curve')).toHaveLength(2));
    const files = captureDownloads();
    fireEvent.click(within(loss).getByRole('button', { name: 'Save SVG' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0].name).toBe('loss-over-steps.svg');
    const svg = await files[0].blob.text();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('recharts-line');
    expect(svg).toContain('Run 2: learning rate 0.05');
    expect(within(loss).getByRole('button', { name: 'Save PNG' })).toBeTruthy();
  });
});

describe('share links', () => {
  it('Copy link encodes the current config; opening the link restores it', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const view = open();
    fireEvent.change(screen.getByLabelText('Input, row 1'), { target: { value: '2' } });
    fireEvent.change(field('Learning rate'), { target: { value: '0.03' } });
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'adam' } });
    fireEvent.click(button('Copy link'));
    await screen.findByText('Link copied to the clipboard.');
    const link = field('Shareable link').value;
    expect(writeText).toHaveBeenCalledWith(link);
    const code = new URL(link).hash.split('?c=')[1];
    const decoded = decodeConfig(code);
    expect(decoded.ok && decoded.config).toEqual({
      ...NEGATOR_CONFIG,
      pairs: [{ input: 2, target: -3 }],
      learningRate: 0.03,
      optimizer: 'adam',
    });
    view.unmount();
    localStorage.clear();
    playgroundStore.setState(playgroundStore.getInitialState(), true);
    open(new URL(link).hash);
    expect(field('Learning rate').value).toBe('0.03');
    expect((screen.getByLabelText('Optimizer') as HTMLSelectElement).value).toBe('adam');
    expect(field('Input, row 1').value).toBe('2');
    expect(screen.getByText(/Opened the pairs and settings from a shared link/)).toBeTruthy();
    expect(window.location.hash).toBe('#/playground');
  });

  it('a malformed link changes nothing and says what was wrong', () => {
    playgroundStore.getState().setSettings({ learningRate: '0.5' });
    playgroundStore.getState().setCell(playgroundStore.getState().rows[0].id, 'input', '8');
    open('#/playground?c=not*base64');
    expect(screen.getByRole('alert').textContent).toMatch(
      /shared link could not be used: it is not valid base64url text \(was it cut short when copied\?\)\. Nothing was changed/,
    );
    expect(field('Learning rate').value).toBe('0.5');
    expect(field('Input, row 1').value).toBe('8');
    expect(JSON.parse(localStorage.getItem('perceptron-lab:playground')!).state.settings.learningRate).toBe('0.5');
  });

  it('an out-of-range link says which setting was out of range', () => {
    const body = Buffer.from(
      JSON.stringify({
        v: 1,
        pairs: [[3, -3]],
        model: 'w',
        optimizer: 'sgd',
        learningRate: 99,
        steps: 40,
        initialWeight: 0.5,
        initialBias: 0,
        dtype: 'float32',
        seed: 1,
      }),
    ).toString('base64url');
    open(`#/playground?c=${body}`);
    expect(screen.getByRole('alert').textContent).toMatch(/Learning rate must be at most 10\. Nothing was changed/);
    expect(screen.getByRole('alert').textContent).not.toMatch(/\.\./);
    expect(field('Learning rate').value).toBe('0.01');
  });

  it('a link pasted while on the page is applied too', async () => {
    open();
    window.location.hash = shareHash({ ...NEGATOR_CONFIG, steps: 77 });
    await waitFor(() => expect(field('Steps').value).toBe('77'));
  });
});
