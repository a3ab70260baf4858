import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { SHOTS, appInBrowser, atEachSize, shootFitting, pageOpen } from './harness.ts';
import { NEGATOR_STEPS } from '../../src/router.ts';

// Lesson 1 as the router lists it, then the Playground it leads to.
const STEPS = [...NEGATOR_STEPS.map((s) => s.id), 'playground'];
/** Labels another label on the same page contains by design, so they are looked up exactly. */
const SUBSTRING_OK = new Set(['Learning rate']);

describe('the lesson, walked as a learner would', () => {
  before(() => {
    mkdirSync(SHOTS, { recursive: true });
  });
  const app = appInBrowser();

  it('reaches every step from the nav and shows the engine numbers', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/perceptron`);
    const nav = page.getByRole('navigation', { name: 'Lesson' });
    for (const name of ['Perceptron', 'Loss', 'Tape', 'Descent', 'Playground'])
      await nav.getByRole('link', { name, exact: true }).waitFor();
    await page.getByLabel('Prediction').filter({ hasText: '= 1.5' }).waitFor();

    await nav.getByRole('link', { name: 'Loss', exact: true }).click();
    await page
      .getByTestId('loss-at-weight')
      .filter({ hasText: /^20\.25$/ })
      .waitFor();

    await nav.getByRole('link', { name: 'Tape', exact: true }).click();
    assert.match(page.url(), /#\/tape$/);
  });

  it('trains on the Descent step, steps once, and survives a reload with progress kept', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/descent`);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByTestId('step-arithmetic').filter({ hasText: '0.5 + 27 · (-0.01) = 0.23' }).waitFor();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('readout-step').filter({ hasText: /^40$/ }).waitFor();
    assert.equal(await page.getByTestId('readout-loss').textContent(), '2.58e-6');
    await page.getByLabel('Learning rate', { exact: true }).fill('0.05');
    await page.reload();
    assert.equal(await page.getByLabel('Learning rate', { exact: true }).inputValue(), '0.05');
    const nav = page.getByRole('navigation', { name: 'Lesson' });
    assert.match((await nav.getByRole('link', { name: /Perceptron/ }).textContent()) ?? '', /✓/);
  });

  it('each named field is the only thing its label finds, even by substring', async () => {
    const { page } = app.browser;
    const check = async (route: string, labels: string[]) => {
      await page.goto(`${app.server.url}#/${route}`);
      // The old page stays until the new one is ready (a transition): wait for the new heading,
      // then for each field (lower panels come a frame later), then count.
      await page.getByRole('heading', { level: 1, name: route[0].toUpperCase() + route.slice(1) }).waitFor();
      for (const label of labels) {
        const found = page.getByLabel(label, { exact: SUBSTRING_OK.has(label) });
        await found.first().waitFor();
        assert.equal(await found.count(), 1, `#/${route}: getByLabel('${label}')`);
      }
    };
    await check('descent', [
      'Input',
      'Target',
      'Initial weight',
      'Learning rate',
      'Steps',
      'Speed',
      'Explore learning rate',
    ]);
    // "Learning rate" also occurs in the labels the lesson names after it: the explorer and two predictions.
    assert.deepEqual(await page.getByLabel('Learning rate').evaluateAll((els) => els.length), 4);
    await check('playground', ['Learning rate', 'Steps', 'Initial weight', 'Initial bias', 'Optimizer', 'Model']);
    await page.goto(`${app.server.url}#/descent`);
    // The Playground has figures of the same names: wait until Descent has replaced it.
    await page.getByRole('heading', { level: 1, name: 'Descent' }).waitFor();
    for (const name of ['Loss over steps', 'Weight over steps']) {
      await page.getByRole('figure', { name, exact: true }).waitFor(); // opened from a link, the charts come a frame later
      assert.equal(await page.getByRole('figure', { name, exact: true }).count(), 1);
    }
  });

  it('takes a screenshot of each step at phone and desktop widths', async () => {
    const { page } = app.browser;
    await atEachSize(page, ['light'], async (w) => {
      for (const step of STEPS) {
        await page.goto(`${app.server.url}#/${step}`);
        await pageOpen(page);
        await page.waitForTimeout(300);
        await shootFitting(page, `${step}-${w}`, `${step} at ${w}px`);
      }
    });
  });

  it('logged no console errors and made no request to another origin', () => {
    assert.deepEqual(app.browser.errors, []);
    assert.deepEqual(app.browser.foreignRequests, []);
  });
});
