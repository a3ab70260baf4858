// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/app.tsx';
import { PLAYGROUND_STORAGE_KEY, playgroundStore } from '../../src/store/playground-store.ts';
import { setUpPlaygroundTests } from '../helpers/playground-setup.ts';

setUpPlaygroundTests();

function open(hash = '#/playground') {
  window.location.hash = hash;
  return render(<App />);
}

const table = () => screen.getByRole('region', { name: 'Pairs table' });
const cell = (field: 'Input' | 'Target', row: number) =>
  screen.getByLabelText(`${field}, row ${row}`) as HTMLInputElement;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

/** [input, target] text of every row, in order. */
function rows(): [string, string][] {
  const inputs = within(table()).getAllByRole('textbox') as HTMLInputElement[];
  const out: [string, string][] = [];
  for (let i = 0; i < inputs.length; i += 2) out.push([inputs[i].value, inputs[i + 1].value]);
  return out;
}

function paste(target: HTMLElement, text: string) {
  fireEvent.paste(target, { clipboardData: { getData: () => text } });
}

async function trainAndWait(steps: number) {
  fireEvent.click(button('Train'));
  await waitFor(() => expect(screen.getByTestId('readout-step').textContent).toBe(String(steps)), { timeout: 8000 });
  await waitFor(() => expect(button('Train').disabled).toBe(false));
}

describe('Playground controls', () => {
  it('has every control with its accessible name, preset to the negator', () => {
    open();
    expect(screen.getByRole('heading', { level: 1, name: 'Playground' })).toBeTruthy();
    const expected: Record<string, string> = {
      'Learning rate': '0.01',
      Steps: '40',
      'Initial weight': '0.5',
      'Initial bias': '0',
      Seed: '1',
    };
    for (const [label, value] of Object.entries(expected))
      expect((screen.getByLabelText(label) as HTMLInputElement).value).toBe(value);
    expect((screen.getByLabelText('Model') as HTMLSelectElement).value).toBe('w');
    expect([...(screen.getByLabelText('Optimizer') as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'SGD',
      'momentum',
      'Adam',
    ]);
    expect([...(screen.getByLabelText('Model') as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'w',
      'w + b',
    ]);
    expect((screen.getByLabelText(/dtype/) as HTMLSelectElement).value).toBe('float32');
    for (const name of ['Train', 'Stop', 'Step', 'Reset', 'Copy link']) expect(button(name)).toBeTruthy();
    expect(rows()).toEqual([['3', '-3']]);
  });

  it('trains the negator in the worker: 40 steps, the golden loss, charts filled', async () => {
    open();
    await trainAndWait(40);
    expect(screen.getByTestId('readout-loss').textContent).toBe('2.58e-6');
    expect(screen.getByTestId('readout-weight').textContent).toBe('-0.9995');
    const loss = screen.getByRole('figure', { name: 'Loss over steps' });
    fireEvent.click(within(loss).getByRole('button', { name: 'Show data table' }));
    // The chart redraws in a deferred render that may land a moment after the readout.
    await waitFor(() => expect(within(loss).getAllByRole('row')).toHaveLength(42)); // header, the start (step 0), steps 1–40
    expect(screen.getByRole('figure', { name: 'Weight over steps' })).toBeTruthy();
    expect(screen.queryByRole('figure', { name: 'Bias over steps' })).toBeNull();
  });

  it('Step takes one step at a time and continues from the last one', async () => {
    open();
    fireEvent.click(button('Step'));
    await waitFor(() => expect(screen.getByTestId('readout-weight').textContent).toBe('0.23'));
    fireEvent.click(button('Step'));
    await waitFor(() => expect(screen.getByTestId('readout-step').textContent).toBe('2'));
    expect(Number(screen.getByTestId('readout-weight').textContent)).toBeCloseTo(
      0.23 - 0.01 * 2 * 3 * (0.23 * 3 + 3),
      3,
    );
    fireEvent.click(button('Reset'));
    await waitFor(() => expect(screen.getByTestId('readout-step').textContent).toBe('—'));
  });

  it('Stop ends a long run early; Reset discards it', async () => {
    open();
    fireEvent.change(screen.getByLabelText('Steps'), { target: { value: '1000000' } });
    fireEvent.click(button('Train'));
    await waitFor(() => expect(button('Stop').disabled).toBe(false));
    await waitFor(() => expect(Number(screen.getByTestId('readout-step').textContent)).toBeGreaterThan(0), {
      timeout: 8000,
    });
    fireEvent.click(button('Stop'));
    const aside = screen.getByRole('complementary', { name: 'Run status' });
    await waitFor(() => expect(aside.textContent).toMatch(/Stopped at step \d+\./), { timeout: 8000 });
    expect(Number(screen.getByTestId('readout-step').textContent)).toBeLessThan(1_000_000);
    expect(button('Train').disabled).toBe(false);
    fireEvent.click(button('Reset'));
    await waitFor(() => expect(screen.getByTestId('readout-step').textContent).toBe('—'));
    expect((screen.getByLabelText('Steps') as HTMLInputElement).value).toBe('1000000');
  });

  it('w + b fits the line with offset and shows the bias chart', async () => {
    open();
    fireEvent.click(button('Line with offset (y = −x + 1)'));
    expect((screen.getByLabelText('Model') as HTMLSelectElement).value).toBe('w+b');
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'adam' } });
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.1' } });
    fireEvent.change(screen.getByLabelText('Steps'), { target: { value: '400' } });
    await trainAndWait(400);
    expect(Number(screen.getByTestId('readout-weight').textContent)).toBeCloseTo(-1, 1);
    expect(Number(screen.getByTestId('readout-bias').textContent)).toBeCloseTo(1, 1);
    // Charts redraw in a deferred render that may land after the readout (as above).
    expect(await screen.findByRole('figure', { name: 'Bias over steps' })).toBeTruthy();
    const map = screen.getByRole('figure', { name: 'Loss over weight and bias' });
    // The grid is recomputed around the finished path; its lowest cell is next to (−1, 1).
    await waitFor(
      () => expect(within(map).getByText(/lowest loss on this grid/).textContent).toMatch(/ends at w = -1, b = 1 /),
      { timeout: 8000 },
    );
    const [, w, b] = /near w = (\S+), b = (\S+)\./.exec(
      within(map).getByText(/lowest loss on this grid/).textContent!,
    )!;
    expect(Math.abs(Number(w) + 1)).toBeLessThan(0.05);
    expect(Math.abs(Number(b) - 1)).toBeLessThan(0.1);
    expect(within(map).getByText(/descent path starts at w = 0.5, b = 0 /)).toBeTruthy();
  }, 20_000);

  it('a divergent learning rate shows the worker’s explanation beside the chart', async () => {
    open();
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.5' } });
    fireEvent.click(button('Train'));
    const aside = screen.getByRole('complementary', { name: 'Run status' });
    await waitFor(
      () => expect(within(aside).getByRole('alert').textContent).toMatch(/blew up.*try a value below 0\.111/),
      { timeout: 8000 },
    );
  });

  it('predicts with the trained weight from the worker: −3 → ≈3, 7 → ≈−7', async () => {
    open();
    fireEvent.change(screen.getByLabelText('Steps'), { target: { value: '200' } });
    await trainAndWait(200);
    const input = screen.getByLabelText('Predict input');
    fireEvent.change(input, { target: { value: '-3' } });
    // float32 stops a hair short of −1, and the output says so rather than rounding to 3.
    await waitFor(() => expect(Number(screen.getByTestId('prediction').textContent)).toBeCloseTo(3, 5));
    fireEvent.change(input, { target: { value: '7' } });
    await waitFor(() => expect(Number(screen.getByTestId('prediction').textContent)).toBeCloseTo(-7, 5));
    fireEvent.change(input, { target: { value: 'seven' } });
    expect(screen.getByText(/"seven" is not a number/)).toBeTruthy();
  });
});

describe('pairs table editor', () => {
  it('adds, edits and deletes rows; Enter moves down and adds a row at the end', () => {
    open();
    fireEvent.change(cell('Input', 1), { target: { value: '2' } });
    fireEvent.change(cell('Target', 1), { target: { value: '-2' } });
    fireEvent.keyDown(cell('Target', 1), { key: 'Enter' });
    expect(rows()).toEqual([
      ['2', '-2'],
      ['', ''],
    ]);
    expect(document.activeElement).toBe(cell('Target', 2));
    fireEvent.change(cell('Target', 2), { target: { value: '-5' } });
    fireEvent.change(cell('Input', 2), { target: { value: '5' } });
    fireEvent.keyDown(cell('Input', 2), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cell('Input', 1));
    fireEvent.click(button('Add row'));
    expect(rows()).toHaveLength(3);
    expect(document.activeElement).toBe(cell('Input', 3));
    fireEvent.click(button('Delete row 1'));
    expect(rows()).toEqual([
      ['5', '-5'],
      ['', ''],
    ]);
  });

  it('says what is wrong next to each bad cell, disables Train, keeps the text', () => {
    open();
    fireEvent.click(button('Add row'));
    fireEvent.change(cell('Input', 1), { target: { value: 'abc' } });
    fireEvent.change(cell('Input', 2), { target: { value: '2e6' } });
    fireEvent.change(cell('Target', 2), { target: { value: '1' } });
    expect(cell('Input', 1).getAttribute('aria-invalid')).toBe('true');
    const describedBy = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby')!)!.textContent;
    expect(describedBy(cell('Input', 1))).toMatch(/"abc" is not a number/);
    expect(describedBy(cell('Input', 2))).toMatch(/out of range/);
    fireEvent.change(cell('Target', 1), { target: { value: '' } });
    expect(describedBy(cell('Target', 1))).toMatch(/empty/);
    expect(button('Train').disabled).toBe(true);
    expect(button('Step').disabled).toBe(true);
    expect(screen.getByText(/Training is off until the 3 highlighted problems are fixed/)).toBeTruthy();
    const saved = JSON.parse(localStorage.getItem(PLAYGROUND_STORAGE_KEY)!).state.rows;
    expect(saved).toEqual([
      { input: 'abc', target: '' },
      { input: '2e6', target: '1' },
    ]);
    fireEvent.change(cell('Input', 1), { target: { value: '1' } });
    fireEvent.change(cell('Target', 1), { target: { value: '−1' } });
    fireEvent.change(cell('Input', 2), { target: { value: '2' } });
    expect(button('Train').disabled).toBe(false);
  });

  it('pasting messy CSV into a cell adds rows and explains what it guessed', () => {
    open();
    fireEvent.click(button('Clear table'));
    paste(cell('Input', 1), '\uFEFFInput;Target\r\n1,5; -1,5\r\n\r\n"2"\t"-2"\n3,-3,extra\n4\n  x , 5 \n# a comment\n');
    expect(rows()).toEqual([
      ['1.5', '-1.5'],
      ['2', '-2'],
      ['3', '-3'],
      ['4', ''],
      ['x', '5'],
    ]);
    const notes = screen.getByText(/Added 5 rows from the pasted text/).closest('[role="status"]')!;
    expect(notes.textContent).toMatch(/Line 1 .* header/);
    expect(notes.textContent).toMatch(/Line 5 has 3 values; used the first two/);
    expect(notes.textContent).toMatch(/Line 6 has only one value/);
    expect(notes.textContent).toMatch(/Skipped 1 blank line/);
    expect(cell('Target', 4).getAttribute('aria-invalid')).toBe('true');
    expect(cell('Input', 5).getAttribute('aria-invalid')).toBe('true');
    expect(button('Train').disabled).toBe(true);
  });

  it('a plain number pasted into a cell stays a plain edit', () => {
    open();
    fireEvent.paste(cell('Input', 1), { clipboardData: { getData: () => '-4.5' } });
    expect(rows()).toEqual([['3', '-3']]);
  });

  it('Paste CSV box adds or replaces rows; Undo brings the old table back', () => {
    open();
    fireEvent.change(screen.getByLabelText('Paste CSV'), { target: { value: 'input,target\n1,2\n2,4' } });
    fireEvent.click(button('Add pasted rows'));
    expect(rows()).toEqual([
      ['3', '-3'],
      ['1', '2'],
      ['2', '4'],
    ]);
    fireEvent.click(button('Replace table with pasted rows'));
    expect(rows()).toEqual([
      ['1', '2'],
      ['2', '4'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: /^Undo/ }));
    expect(rows()).toEqual([
      ['3', '-3'],
      ['1', '2'],
      ['2', '4'],
    ]);
  });

  it('reads a long paste off the page’s thread: it says so, then adds the rows with their notes', async () => {
    open();
    // 40,000 one-value lines: over the 200,000 characters from which the worker parses.
    const long = Array.from({ length: 40_000 }, () => '77777').join('\n');
    fireEvent.change(screen.getByLabelText('Paste CSV'), { target: { value: long } });
    fireEvent.click(button('Add pasted rows'));
    expect(screen.getByText('Reading the pasted text…').getAttribute('role')).toBe('status');
    expect(button('Add pasted rows').disabled).toBe(true);
    await screen.findByText(/…and 39,995 more lines like this/, undefined, { timeout: 10_000 });
    expect(screen.queryByText(/Reading the pasted text/)).toBeNull();
    expect(screen.getByText(/Added 40000 rows from the pasted text/)).toBeTruthy();
  });

  it('refuses text with more rows than the table has room for, and says so', async () => {
    open();
    const before = rows();
    const huge = Array.from({ length: 120_000 }, () => '7').join('\n');
    fireEvent.change(screen.getByLabelText('Paste CSV'), { target: { value: huge } });
    fireEvent.click(button('Replace table with pasted rows'));
    await screen.findByText(/This text has 120,000 rows, more than the table holds \(100,000 rows/, undefined, {
      timeout: 10_000,
    });
    expect(rows()).toEqual(before);
  });

  it('adding more rows than the table has room for says how much room is left', async () => {
    open();
    const lines = (n: number) => Array.from({ length: n }, () => '1,2').join('\n');
    fireEvent.change(screen.getByLabelText('Paste CSV'), { target: { value: lines(40_000) } });
    fireEvent.click(button('Replace table with pasted rows'));
    fireEvent.change(screen.getByLabelText('Paste CSV'), { target: { value: lines(70_000) } });
    fireEvent.click(button('Add pasted rows'));
    await screen.findByText(
      /This text has 70,000 rows, more than the table has room for \(60,000 more rows; it holds at most 100,000\)/,
      undefined,
      { timeout: 10_000 },
    );
    expect(screen.getByText(/Input\/target pairs \(40,000 rows\)/)).toBeTruthy();
  });

  it('flags more than 10,000 rows and pages through them', () => {
    open();
    const many = Array.from({ length: 10_001 }, (_, i) => `${i},${-i}`).join('\n');
    fireEvent.change(screen.getByLabelText('Paste CSV'), { target: { value: many } });
    fireEvent.click(button('Replace table with pasted rows'));
    expect(screen.getByText(/Too many rows: 10,001/)).toBeTruthy();
    expect(button('Train').disabled).toBe(true);
    expect(screen.getByText('Rows 1–100 of 10,001')).toBeTruthy();
    fireEvent.click(button('Delete row 1'));
    expect(screen.queryByText(/Too many rows/)).toBeNull();
    expect(button('Train').disabled).toBe(false);
  });

  it('presets fill the table; the noisy negator follows the seed', () => {
    open();
    fireEvent.click(button('Doubler (y = 2x)'));
    expect(rows().every(([x, y]) => Number(y) === 2 * Number(x))).toBe(true);
    fireEvent.click(button('Negator pairs'));
    expect(rows().length).toBeGreaterThan(3);
    fireEvent.click(button('Noisy negator'));
    const first = rows();
    expect(first).toHaveLength(20);
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '2' } });
    fireEvent.click(button('Noisy negator'));
    expect(rows()).not.toEqual(first);
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '1' } });
    fireEvent.click(button('Noisy negator'));
    expect(rows()).toEqual(first);
  });

  it('pairs and settings survive a reload (persisted store)', async () => {
    const view = open();
    fireEvent.change(cell('Input', 1), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.02' } });
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'momentum' } });
    view.unmount();
    const saved = localStorage.getItem(PLAYGROUND_STORAGE_KEY)!;
    playgroundStore.setState(playgroundStore.getInitialState(), true);
    expect(playgroundStore.getState().rows.map((r) => r.input)).toEqual(['3']);
    localStorage.setItem(PLAYGROUND_STORAGE_KEY, saved);
    await playgroundStore.persist.rehydrate();
    open();
    expect(rows()).toEqual([['4', '-3']]);
    expect((screen.getByLabelText('Learning rate') as HTMLInputElement).value).toBe('0.02');
    expect((screen.getByLabelText('Optimizer') as HTMLSelectElement).value).toBe('momentum');
  });
});
