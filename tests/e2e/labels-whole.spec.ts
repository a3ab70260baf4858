/**
 * Every label drawn whole: with long and extreme numbers in the fields, no axis title sits on a
 * tick label, and no tick label or title is cut off at its figure's edge, in every chart on the
 * page (recharts' and our own SVG plots alike), at 390 and 1280 px.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { appInBrowser, pageOpen } from './harness.ts';

/** Overlaps between each figure's axis titles and its tick labels, and labels outside the figure. */
async function labelProblems(page: Page): Promise<string[]> {
  await page.evaluate('window.__name = (f) => f');
  // Charts are drawn once they come near the viewport: bring each one there first.
  const figures = page.locator('main figure');
  for (let i = 0; i < (await figures.count()); i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(800);
  const { out, titles, ticks } = await page.locator('main').evaluate((main) => {
    const out: string[] = [];
    let titleCount = 0;
    let tickCount = 0;
    const hit = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const fig of main.querySelectorAll('figure')) {
      const name = fig.querySelector('figcaption')?.textContent ?? '?';
      const box = fig.getBoundingClientRect();
      const titles = [...fig.querySelectorAll<SVGTextElement>('.plot-title, .recharts-label')];
      const ticks = [
        ...fig.querySelectorAll<SVGTextElement>('.plot-axis text:not(.plot-title), .recharts-cartesian-axis-tick text'),
      ];
      titleCount += titles.length;
      tickCount += ticks.length;
      for (const t of titles)
        for (const k of ticks)
          if (hit(t.getBoundingClientRect(), k.getBoundingClientRect()))
            out.push(`${name}: the title "${t.textContent}" sits on the tick "${k.textContent}"`);
      for (const t of [...titles, ...ticks]) {
        const r = t.getBoundingClientRect();
        if (r.width && (r.left < box.left - 1 || r.right > box.right + 1))
          out.push(`${name}: "${t.textContent}" is cut off at the figure's edge`);
      }
    }
    return { out, titles: titleCount, ticks: tickCount };
  });
  // The check looked at something: the charts' titles and ticks are drawn.
  assert.ok(titles >= 2 && ticks >= 10, `measured ${titles} axis titles and ${ticks} tick labels`);
  return out;
}

describe('every label drawn whole, for long and extreme numbers', () => {
  const app = appInBrowser();

  for (const width of [390, 1280]) {
    it(`the Playground's charts at ${width} px, with pairs of −999999.9 and 1e-30 and a run that overflows`, async () => {
      const { page } = app.browser;
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${app.server.url}#/playground`);
      await pageOpen(page, 'Playground');
      await page.getByLabel('Input, row 1').fill('-999999.9');
      await page.getByLabel('Target, row 1').fill('1e-30');
      await page.getByLabel('Learning rate', { exact: true }).fill('0.1234567');
      await page.getByLabel('Speed').selectOption('max');
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /Overflowed/ })
        .first()
        .waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1500);
      assert.ok((await page.locator('main figure').count()) >= 3, 'the page has its charts');
      assert.deepEqual(await labelProblems(page), []);
    });

    it(`the Descent and Loss steps' charts at ${width} px with the weight at 0.1234567`, async () => {
      const { page } = app.browser;
      await page.setViewportSize({ width, height: 900 });
      for (const route of ['loss', 'descent']) {
        await page.goto(`${app.server.url}#/${route}`);
        await pageOpen(page);
        await page.getByLabel(route === 'loss' ? 'Weight' : 'Initial weight', { exact: true }).fill('0.1234567');
        if (route === 'descent') {
          await page.getByLabel('Speed').selectOption('max');
          await page.getByRole('button', { name: 'Train', exact: true }).click();
        }
        await page.waitForTimeout(2000);
        assert.deepEqual(await labelProblems(page), [], `#/${route}`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  }
});
