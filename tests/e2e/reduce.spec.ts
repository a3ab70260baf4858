/** Lesson 2 walked as a learner would: four points, the flowers against exact PCA, experiments. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { SHOTS, appInBrowser, atEachSize, shootFitting, pageOpen } from './harness.ts';

describe('lesson 2, Reduce, in Chromium', () => {
  before(() => mkdirSync(SHOTS, { recursive: true }));
  const app = appInBrowser();

  it('is reached from its own group in the navigation, a link named Reduce', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/`);
    await page.getByRole('navigation', { name: 'Lesson' }).getByRole('link', { name: 'Reduce', exact: true }).click();
    await pageOpen(page, 'Squash four points');
    assert.match(page.url(), /#\/reduce$/);
    assert.equal(await page.title(), 'Squash four points — Perceptron Lab');
  });

  it('turns the 3-D view with the keyboard and lays the four points flat', async () => {
    const { page } = app.browser;
    const view = page.getByRole('group', { name: /The four points A, B, C and D in 3-D/ });
    const yaw = async () => Number(await view.getAttribute('data-yaw'));
    const before = await yaw();
    await view.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await yaw(), (before + 30) % 360);
    await page.keyboard.press('ArrowUp');
    assert.equal(Number(await view.getAttribute('data-pitch')), 35);
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Done: \d+ steps run\. Settled at step \d+/ })
      .waitFor({ timeout: 20_000 });
    const text = (await page.getByTestId('points-readout').textContent()) ?? '';
    const loss = Number(/loss (\S+)/.exec(text)![1]);
    assert.ok(Math.abs(loss - 1 / 9) < 1e-3, `settled near 1/9, at ${loss}`);
    const table = page.getByRole('region', { name: 'Distances of each pair' });
    assert.equal(await table.getByRole('row').count(), 7);
    assert.match((await table.getByRole('row').nth(2).textContent()) ?? '', /^AC2/);
  });

  it('trains W on the flowers: the loss reaches exact PCA’s floor and the angle to PCA falls below 1°', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/reduce/iris`);
    const question = page.getByLabel('How much of the variance can two dimensions keep, in percent?');
    await question.fill('90');
    await page.getByRole('button', { name: 'Check' }).click();
    await page
      .getByTestId('prediction-reduce-variance')
      .getByText(/too low/)
      .waitFor();
    // The answer is not on the page until the second miss.
    assert.doesNotMatch(await page.locator('main').innerText(), /95\.81/);
    await question.fill('90');
    await page.getByRole('button', { name: 'Check' }).click();
    await page
      .getByTestId('prediction-reduce-variance')
      .getByText(/Not quite\. You said 90; the engine says 95\.81 %/)
      .waitFor();
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('iris-step').filter({ hasText: /^300$/ }).waitFor({ timeout: 20_000 });
    const loss = Number(await page.getByTestId('iris-loss').textContent());
    assert.ok(Math.abs(loss - 0.04187) < 1e-4, `loss ${loss}`);
    const angle = Number((await page.getByTestId('angle-to-pca').textContent())!.replace('°', ''));
    assert.ok(angle < 1, `angle ${angle}°`);
    const scatter = page.getByRole('figure', { name: 'Flowers in two dimensions' });
    assert.equal(await scatter.locator('.scatter-point').count(), 150);
    const ms = Number(/took (\S+) ms/.exec((await page.getByTestId('worker-time').textContent()) ?? '')![1]);
    // The page states the worker's time; its 100 ms budget is checked by `npm run bench` (w4-iris.bench.ts,
    // 300-step iris run, PASS/FAIL), not here: a timed test flakes on a shared 2-core machine
    // (113 ms once in CI, under 50 ms in most runs).
    assert.ok(Number.isFinite(ms) && ms > 0, `the page states the worker time: ${ms}`);
  });

  it('experiments: learning rates explained by the measured curvature, and a new flower on the scatter', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/reduce/experiments`);
    // The limit is the question's answer: it is not on the page before the question is answered.
    await page.getByText('Answer or skip the question above to see where the limit comes from.').waitFor();
    assert.equal(await page.getByTestId('reduce-limit').count(), 0);
    for (let i = 0; i < 2; i++) {
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Check' }).click();
    }
    await page
      .getByTestId('prediction-reduce-lr-0.5')
      .getByText(/^Not quite\./)
      .waitFor();
    await page.getByTestId('reduce-curvature').filter({ hasText: /5\.83/ }).waitFor();
    assert.match((await page.getByTestId('reduce-limit').textContent()) ?? '', /0\.343/);
    await page.getByRole('button', { name: 'Run all four' }).click();
    await page
      .getByTestId('rate-1')
      .filter({ hasText: /blew up/ })
      .waitFor({ timeout: 20_000 });
    await page
      .getByTestId('rate-0.1')
      .filter({ hasText: /settled/ })
      .waitFor({ timeout: 20_000 });
    await page
      .getByTestId('rate-0.5')
      .filter({ hasText: /never settled/ })
      .waitFor({ timeout: 20_000 });
    await page.getByLabel('New flower: petal length (cm)').fill('6');
    await page
      .getByTestId('new-flower')
      .filter({ hasText: /The new flower lands at/ })
      .waitFor();
    assert.equal(
      await page.getByRole('figure', { name: 'Flowers in two dimensions' }).locator('.scatter-extra').count(),
      1,
    );
    assert.doesNotMatch(await page.locator('main').innerText(), /NaN|Infinity/);
  });

  it('screenshots at 390 and 1280 px, light and dark, with nothing sideways', async () => {
    const { page } = app.browser;
    await atEachSize(page, ['light', 'dark'], async (w, scheme) => {
      for (const route of ['reduce', 'reduce/iris', 'reduce/experiments']) {
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
