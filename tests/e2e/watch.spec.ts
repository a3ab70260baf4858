/** Watch it learn: paced runs, the step on the curve, the explorer, the Playground's fit. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { SHOTS, appInBrowser, atEachSize, shootFitting, pageOpen } from './harness.ts';

const readStep = async (page: import('playwright-core').Page) =>
  Number(await page.getByTestId('readout-step').textContent());

describe('watching it learn, in Chromium', () => {
  before(() => mkdirSync(SHOTS, { recursive: true }));
  const app = appInBrowser();

  it('at the default speed the 40-step run is still going a second after Train, and ends with the tutorial numbers', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/descent`);
    assert.equal(await page.getByLabel('Speed').inputValue(), '10');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForTimeout(1000);
    const at = await readStep(page);
    assert.ok(at > 3 && at < 25, `step ${at} one second in`);
    assert.equal(await page.getByRole('button', { name: 'Pause', exact: true }).isEnabled(), true);
    await page.getByTestId('readout-step').filter({ hasText: /^40$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('readout-loss').textContent(), '2.58e-6');
    assert.equal(await page.getByTestId('readout-weight').textContent(), '-0.9995');
  });

  it('Pause holds the step count for 2 s; Resume finishes the run', async () => {
    const { page } = app.browser;
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(300);
    const held = await readStep(page);
    await page.waitForTimeout(2000);
    assert.equal(await readStep(page), held);
    assert.ok(held < 40);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByTestId('readout-step').filter({ hasText: /^40$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('readout-weight').textContent(), '-0.9995');
  });

  it('the steps on the curve: the point, the tangent with its slope and one arrow per step', async () => {
    const { page } = app.browser;
    const fig = page.getByRole('figure', { name: 'The steps on the loss curve' });
    await fig.getByText(/After step 40 the weight is -0\.9995/).waitFor();
    assert.equal(await fig.locator('.step').count(), 40);
    assert.equal(await fig.locator('.tangent-line').count(), 1);
    assert.match((await fig.locator('.slope-label').textContent()) ?? '', /slope dL\/dw = /);
  });

  it('lr 0.12 over 100 steps is marked diverged, goes on to a loss above 1e10, and shows no NaN or Infinity', async () => {
    const { page } = app.browser;
    await page.getByRole('group', { name: 'Rates to try' }).getByRole('button', { name: '0.12' }).click();
    const item = page
      .getByRole('list', { name: 'Results for each rate' })
      .getByText(/^Learning rate 0\.12: diverged at step \d+; loss \S+ by step 100$/);
    await item.waitFor({ timeout: 10_000 });
    const loss = Number(/loss (\S+) by/.exec((await item.textContent()) ?? '')![1]);
    assert.ok(loss > 1e10, `loss ${loss}`);
    // The explorer's weight chart shows the zig-zag growing outward.
    await page.getByTestId('explore-factor').filter({ hasText: '× -1.16' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /NaN|Infinity/);
  });

  it('learning rate 5 stops on an overflow and says at which step, with no NaN on screen', async () => {
    const { page } = app.browser;
    await page.getByLabel('Learning rate', { exact: true }).fill('5');
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Overflowed in step \d+/ })
      .first()
      .waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /NaN|Infinity/);
    await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
    await page.getByLabel('Speed').selectOption('10');
  });

  it('the Loss step: the point is dragged with the keyboard and the loss and slope follow', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/loss`);
    await page.getByTestId('slope-at-weight').filter({ hasText: /^27$/ }).waitFor();
    const point = page.getByRole('slider', { name: 'Point on the loss curve (w)' });
    await point.focus();
    await page.keyboard.press('ArrowLeft');
    await page
      .getByTestId('loss-at-weight')
      .filter({ hasText: /^17\.64$/ })
      .waitFor(); // (−3 − 1.2)²
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await page.getByLabel('Weight', { exact: true }).inputValue(), '0.39');
    await page
      .getByTestId('slope-at-weight')
      .filter({ hasText: /^25\.02$/ })
      .waitFor(); // 2·3·(3·0.39 + 3)
    const box = await point.boundingBox();
    await page.mouse.click(box!.x + box!.width * 0.5, box!.y + box!.height * 0.5);
    assert.notEqual(
      await page.getByLabel('Weight', { exact: true }).inputValue(),
      '0.39',
      'a click on the curve moves the point',
    );
  });

  it('the Playground draws its pairs as points with the fitted line, and says what Adam’s rate means', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/playground`);
    await page.getByRole('button', { name: 'Negator pairs' }).click();
    const fit = page.getByRole('figure', { name: 'Data and fit' });
    // The figure redraws in a task of its own after the pairs change.
    await fit.locator('circle.fit-point').nth(6).waitFor();
    assert.equal(await fit.locator('circle.fit-point').count(), 7);
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await fit
      .getByTestId('fit-equation')
      .filter({ hasText: /^y = -1·x$|^y = -0\.99\d*·x$/ })
      .waitFor({ timeout: 10_000 });
    assert.equal(await fit.locator('line.fit-line').count(), 1);
    await page.getByLabel('Optimizer').selectOption('adam');
    assert.match(
      (await page.getByTestId('optimizer-note').textContent()) ?? '',
      /about the learning rate per step.*at 0\.01, travelling a distance of 2 takes about 200 steps/,
    );
  });

  it('each route has its own title; the Overview ends with a link into the lesson', async () => {
    const { page } = app.browser;
    for (const [hash, title] of [
      ['tape', 'Tape — Perceptron Lab'],
      ['playground', 'Playground — Perceptron Lab'],
      ['', 'Perceptron Lab'],
    ]) {
      await page.goto(`${app.server.url}#/${hash}`);
      // The title changes when the new page has rendered (it opens in a transition).
      await page.waitForFunction((t) => document.title === t, title, { timeout: 5000 }).catch(() => undefined);
      assert.equal(await page.title(), title);
    }
    await page.getByRole('link', { name: 'Start the lesson' }).click();
    await pageOpen(page, 'Perceptron');
  });

  it('screenshots at 390 and 1280 px, light and dark, with nothing sideways', async () => {
    const { page } = app.browser;
    await atEachSize(page, ['light', 'dark'], async (w, scheme) => {
      for (const route of ['', 'loss', 'descent', 'playground']) {
        await page.goto(`${app.server.url}#/${route}`);
        await page.reload();
        await pageOpen(page);
        await page.waitForTimeout(400);
        await shootFitting(page, `watch-${route || 'overview'}-${w}-${scheme}`, `#/${route} at ${w}px (${scheme})`);
      }
    });
  });

  it('logged no console errors and made no request to another origin', () => {
    assert.deepEqual(app.browser.errors, []);
    assert.deepEqual(app.browser.foreignRequests, []);
  });
});
