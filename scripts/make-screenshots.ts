// Writes the manifest's store screenshots (public/screenshots/{wide,narrow}.png) from the built
// app in headless Chromium. Run after `vite build`: npm run screenshots (then build again).
import { mkdirSync } from 'node:fs';
import { openBrowser, servePreview } from '../tests/e2e/harness.ts';

const server = await servePreview();
mkdirSync('public/screenshots', { recursive: true });
try {
  for (const [name, width, height, route] of [['wide', 1280, 800, 'descent'], ['narrow', 390, 844, 'tape']] as const) {
    const b = await openBrowser(server.url, { width, height });
    await b.page.goto(`${server.url}#/${route}`);
    await b.page.getByRole('heading', { level: 1 }).waitFor();
    if (route === 'descent') {
      for (let i = 0; i < 3; i++) await b.page.getByRole('button', { name: 'Step', exact: true }).click();
      await b.page.getByRole('heading', { name: 'Run it' }).scrollIntoViewIfNeeded();
    }
    await b.page.waitForTimeout(800);
    await b.page.screenshot({ path: `public/screenshots/${name}.png` });
    await b.close();
  }
} finally {
  await server.stop();
}
