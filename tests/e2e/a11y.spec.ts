import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { appInBrowser, pageOpen } from './harness.ts';
import { ROUTE_TITLES } from '../../src/router.ts';

// Every page the router knows: a new step is checked without being listed here.
const PAGES = Object.keys(ROUTE_TITLES);

describe('accessibility (axe-core, WCAG 2 A/AA rules)', () => {
  const app = appInBrowser();

  for (const route of PAGES) {
    it(`#/${route} has no violations after training`, async () => {
      const { page } = app.browser;
      await page.goto(`${app.server.url}#/${route}`);
      await pageOpen(page);
      const train = page.getByRole('button', { name: 'Train', exact: true });
      if (await train.count()) {
        const speed = page.getByLabel('Speed');
        if (await speed.count()) await speed.first().selectOption('max');
        await train.first().click();
        await page.getByRole('status').filter({ hasText: /Done:/ }).first().waitFor({ timeout: 15_000 });
      }
      await page.waitForTimeout(300);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = result.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')})`,
      );
      assert.deepEqual(summary, []);
    });
  }
});
