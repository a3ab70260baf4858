import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appInBrowser, waitForServiceWorkerControl } from './harness.ts';

describe('walking skeleton in Chromium', () => {
  const app = appInBrowser();

  async function trainAndCheck() {
    const { page } = app.browser;
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const values = page.getByLabel('Current values');
    await values.getByTestId('readout-step').filter({ hasText: /^40$/ }).waitFor({ timeout: 15_000 });
    assert.equal(await values.getByTestId('readout-loss').textContent(), '2.58e-6');
    assert.equal(await values.getByTestId('readout-weight').textContent(), '-0.9995');
    // The charts drew: recharts renders an SVG path per line.
    await page.getByRole('figure', { name: 'Loss over steps' }).locator('svg path.recharts-curve').first().waitFor();
    await page.getByRole('figure', { name: 'Weight over steps' }).locator('svg path.recharts-curve').first().waitFor();
  }

  it('trains the negator in the worker and shows the golden numbers', async () => {
    await app.browser.page.goto(app.server.url);
    await trainAndCheck();
  });

  it('reloads and trains offline once the service worker controls the page', async () => {
    const { page, context } = app.browser;
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await trainAndCheck();
    } finally {
      await context.setOffline(false);
    }
  });

  it('logged no console errors and asked no other origin for anything', () => {
    assert.deepEqual(app.browser.errors, []);
    assert.deepEqual(app.browser.foreignRequests, []);
  });

  it('serves a manifest with the icons a PWA install needs', async () => {
    const manifest = await app.browser.page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? (await fetch(link.href)).json() : null;
    });
    assert.ok(manifest, 'a <link rel="manifest"> is present');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.name && manifest.short_name && manifest.start_url && manifest.theme_color);
    const icons = manifest.icons as { sizes: string; purpose?: string }[];
    assert.ok(icons.some((i) => i.sizes === '192x192'));
    assert.ok(icons.some((i) => i.sizes === '512x512'));
    assert.ok(icons.some((i) => i.purpose?.includes('maskable')));
  });
});
