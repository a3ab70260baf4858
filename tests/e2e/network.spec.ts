/** The Network page in Chromium: your own points drawn by clicking and trained, a share link in a fresh profile, the keyboard on controls and links. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import {
  SHOTS,
  appInBrowser,
  atEachSize,
  eventually,
  openBrowser,
  painted,
  shootFitting,
  pageOpen,
} from './harness.ts';

describe('the Network page in Chromium', () => {
  before(() => mkdirSync(SHOTS, { recursive: true }));
  const app = appInBrowser();

  it('is in the navigation after the Playground', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/`);
    const nav = page.getByRole('navigation', { name: 'Lesson' });
    const links = await nav.getByRole('link').allTextContents();
    assert.equal(links.indexOf('Network'), links.indexOf('Playground') + 1, links.join(' · '));
    await nav.getByRole('link', { name: 'Network', exact: true }).click();
    await pageOpen(page, 'Network');
    assert.equal(await page.title(), 'Network — Perceptron Lab');
  });

  it('draws 12 points by clicking the Decision map and trains a network on them', async () => {
    const { page } = app.browser;
    await page.getByLabel('Dataset').selectOption('points');
    const map = page.getByRole('figure', { name: 'Decision map' }).locator('canvas');
    const box = (await map.boundingBox())!;
    // Class A on the left half, class B on the right: six each.
    for (const [cls, xs] of [
      ['Class A', [0.15, 0.25, 0.3]],
      ['Class B', [0.7, 0.75, 0.85]],
    ] as const) {
      await page.getByLabel(cls, { exact: true }).check();
      for (const fx of xs)
        for (const fy of [0.3, 0.7]) await map.click({ position: { x: fx * box.width, y: fy * box.height } });
    }
    assert.match((await page.getByTestId('points-count').textContent()) ?? '', /^12 points/);
    await page.getByLabel('Epochs').fill('100');
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByText(/Done: 100 epochs run\./).waitFor({ timeout: 20_000 });
    const acc = Number((await page.getByTestId('net-train-accuracy').textContent())!.replace(' %', ''));
    assert.equal(acc, 100, `training accuracy ${acc} %`);
    assert.ok(await eventually(() => painted(map)), 'the decision map is painted');
  });

  it('works from the keyboard: a control changed by keys, a link’s weight read and edited', async () => {
    const { page } = app.browser;
    const hidden = page.getByLabel('Hidden layers');
    await hidden.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.getByRole('button', { name: 'More units in layer 1' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await hidden.inputValue(), '4');
    await page.getByRole('button', { name: 'Train', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Done: 100 epochs run\./).waitFor({ timeout: 20_000 });
    const link = page.getByRole('button', { name: /^Weight from x₁ to Unit 1\.1: / });
    await link.focus();
    await page
      .getByTestId('link-info')
      .filter({ hasText: /^x₁ → Unit 1\.1: weight / })
      .waitFor();
    await page.keyboard.press('Enter');
    const edit = page.getByLabel('Edit weight: x₁ → Unit 1.1');
    await edit.waitFor();
    await edit.fill('1.5');
    await page
      .getByTestId('edits-note')
      .filter({ hasText: /One weight is edited/ })
      .waitFor();
  });

  it('a share link opened in a fresh profile restores every setting and the points', async () => {
    const { page } = app.browser;
    await page.getByLabel('Activation').selectOption('relu');
    await page.getByLabel('Learning rate').fill('0.1');
    await page.getByRole('checkbox', { name: 'sin(x₁)' }).check();
    const url = await page.getByLabel('Link to these settings').inputValue();
    const fresh = await openBrowser(app.server.url);
    try {
      await fresh.page.goto(url);
      await pageOpen(fresh.page, 'Network');
      await fresh.page.getByText(/Opened the settings and 12 points from a shared link/).waitFor();
      assert.equal(await fresh.page.getByLabel('Dataset').inputValue(), 'points');
      assert.equal(await fresh.page.getByLabel('Activation').inputValue(), 'relu');
      assert.equal(await fresh.page.getByLabel('Learning rate').inputValue(), '0.1');
      assert.equal(await fresh.page.getByLabel('Hidden layers').inputValue(), '4');
      assert.equal(await fresh.page.getByLabel('Epochs').inputValue(), '100');
      assert.ok(await fresh.page.getByRole('checkbox', { name: 'sin(x₁)' }).isChecked());
      assert.match((await fresh.page.getByTestId('points-count').textContent()) ?? '', /^12 points/);
      assert.match(fresh.page.url(), /#\/network$/);
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.close();
    }
  });

  it('screenshots at 390 and 1280 px, light and dark, after a run on the spiral, with nothing sideways', async () => {
    const { page } = app.browser;
    await page.getByLabel('Dataset').selectOption('spiral');
    await page.getByLabel('Hidden layers').fill('8, 8');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByText(/Done: 100 epochs run\./).waitFor({ timeout: 30_000 });
    await atEachSize(page, ['light', 'dark'], async (w, scheme) => {
      await page.waitForTimeout(300);
      await shootFitting(page, `network-${w}-${scheme}`, `#/network at ${w}px (${scheme})`);
    });
  });

  it('logged no console errors and made no request to another origin', () => {
    assert.deepEqual(app.browser.errors, []);
    assert.deepEqual(app.browser.foreignRequests, []);
  });
});
