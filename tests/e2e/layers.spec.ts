/** Lesson 3 walked by keyboard as a learner would: stack, bend, backprop, the iris species. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, appInBrowser, atEachSize, eventually, painted, shootFitting, pageOpen } from './harness.ts';

/** Focuses a control and works it with the keyboard only. */
async function press(target: Locator, key: string): Promise<void> {
  await target.focus();
  await target.page().keyboard.press(key);
}

const mainText = (page: Page) => page.locator('main').innerText();

describe('lesson 3, Layers, in Chromium', () => {
  before(() => mkdirSync(SHOTS, { recursive: true }));
  const app = appInBrowser();

  it('is reached from its own group in the navigation, a link named Layers', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/`);
    const group = page.getByRole('list', { name: 'Lesson 3: multi-layer perceptrons' });
    await press(group.getByRole('link', { name: 'Layers', exact: true }), 'Enter');
    await pageOpen(page, 'Stack two lines');
    assert.match(page.url(), /#\/layers$/);
    assert.equal(await page.title(), 'Stack two lines — Perceptron Lab');
    await page.getByRole('navigation', { name: 'Steps of lesson 3' }).waitFor();
    const steps = page.getByRole('navigation', { name: 'Steps of lesson 3' }).getByRole('link');
    assert.deepEqual(await steps.allTextContents(), [
      '1. Stack two lines',
      '2. Bend the line',
      '3. Backprop through a layer',
      '4. Name the species',
    ]);
  });

  it('stack two lines: asks first, then trains at the lesson’s speed onto w₁·w₂ = −1', async () => {
    const { page } = app.browser;
    assert.doesNotMatch(await mainText(page), /\(w₂·w₁\)·x/);
    await press(page.getByRole('radio', { name: 'No, never' }), 'Space');
    await press(page.getByRole('button', { name: 'Check' }), 'Enter');
    await page
      .getByTestId('prediction-layers-abs')
      .getByText(/^Right\./)
      .waitFor();
    assert.match(await mainText(page), /\(w₂·w₁\)·x/);
    assert.equal(await page.getByLabel('Speed').inputValue(), '10');
    await press(page.getByRole('button', { name: 'Train', exact: true }), 'Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /Done: 40 steps run\./ })
      .waitFor({ timeout: 20_000 });
    const product = Number(await page.getByTestId('stack-product').textContent());
    assert.ok(Math.abs(product + 1) < 1e-3, `w₁·w₂ = ${product}`);
    assert.ok(await eventually(() => painted(page.locator('.contour-canvas'))), 'the landscape is drawn');
  });

  it('bend the line: XOR waits for its question, then four tanh units reach 95 % with their maps drawn', async () => {
    const { page } = app.browser;
    await press(page.getByRole('link', { name: 'Next: Bend the line →' }), 'Enter');
    await pageOpen(page, 'Bend the line');
    const q = page.getByLabel(/how many can one straight line put on their right side at best/);
    await q.waitFor(); // the page itself, not its loading placeholder
    assert.equal(await page.getByRole('figure', { name: /Decision map/ }).count(), 0);
    assert.doesNotMatch(await mainText(page), /3 of 4|75 %/);
    await q.focus();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('prediction-layers-xor-one')
      .getByText(/^Right\./)
      .waitFor();
    const hidden = page.getByRole('region', { name: 'A hidden layer of 4 tanh units' });
    await hidden.getByLabel('Speed').selectOption('max');
    await press(hidden.getByRole('button', { name: 'Train', exact: true }), 'Enter');
    await hidden
      .getByRole('status')
      .filter({ hasText: /Done: 100 epochs run\./ })
      .waitFor({ timeout: 20_000 });
    const acc = Number((await page.getByTestId('layers-xor-hidden-accuracy').textContent())!.replace(' %', ''));
    assert.ok(acc >= 95, `accuracy ${acc} %`);
    await page.getByRole('figure', { name: 'Decision map: A hidden layer of 4 tanh units' }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    assert.ok(await eventually(() => painted(hidden.locator('.map-canvas').first())), 'the decision map is painted');
    assert.equal(await hidden.getByRole('figure', { name: /^Unit 1\.\d$/ }).count(), 4);
  });

  it('backprop: the walk back waits for the question; x collects a + b; a ReLU unit with a negative input passes nothing', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/layers/backprop`);
    await page.getByText('The forward values are drawn. Answer or skip the question to walk the tape back.').waitFor();
    assert.equal(await page.getByTestId('x-sum').count(), 0);
    await press(page.getByRole('radio', { name: 'a + b' }), 'Space');
    await press(page.getByRole('button', { name: 'Check' }), 'Enter');
    const sum = (await page.getByTestId('x-sum').textContent()) ?? '';
    const [a, b, c] = /= (\S+) \+ (\S+) = (\S+)/.exec(sum)!.slice(1).map(Number);
    assert.ok(Math.abs(a + b - c) < 1e-4, sum);
    await press(page.getByRole('radio', { name: 'ReLU' }), 'Space');
    await page
      .getByTestId('dead-unit')
      .filter({ hasText: /dL\/dw2 = 0, dL\/db2 = 0/ })
      .waitFor();
  });

  it('name the species: ≥ 90 % on the held-out flowers, and the confusion matrix only after the question', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/layers/iris`);
    await page.getByText('Which two species will it confuse?').waitFor();
    await page.getByLabel('Speed').first().selectOption('max');
    await press(page.getByRole('button', { name: 'Train', exact: true }).first(), 'Enter');
    await page.getByText(/Done: 200 epochs run\./).waitFor({ timeout: 20_000 });
    const acc = Number((await page.getByTestId('test-accuracy').textContent())!.replace(' %', ''));
    assert.ok(acc >= 90, `test accuracy ${acc} %`);
    assert.equal(await page.getByRole('table', { name: /^Confusion matrix/ }).count(), 0);
    await press(page.getByRole('radio', { name: 'versicolor and virginica' }), 'Space');
    await press(page.getByRole('button', { name: 'Check' }), 'Enter');
    await page.getByRole('table', { name: 'Confusion matrix' }).waitFor();
    assert.doesNotMatch(await mainText(page), /NaN|Infinity/);
  });

  it('screenshots at 390 and 1280 px, light and dark, with nothing sideways', async () => {
    const { page } = app.browser;
    await atEachSize(page, ['light', 'dark'], async (w, scheme) => {
      for (const route of ['layers', 'layers/bend', 'layers/backprop', 'layers/iris']) {
        await page.goto(`${app.server.url}#/${route}`);
        await page.reload();
        await pageOpen(page);
        await page.waitForTimeout(500);
        await shootFitting(page, `${route.replace('/', '-')}-${w}-${scheme}`, `#/${route} at ${w}px (${scheme})`);
      }
    });
  });

  it('logged no console errors and made no request to another origin', () => {
    assert.deepEqual(app.browser.errors, []);
    assert.deepEqual(app.browser.foreignRequests, []);
  });
});
