// Writes the manifest's store screenshots (public/screenshots/{wide,narrow}.png) from the built
// app in headless Chromium. Run after `vite build`: npm run screenshots (then build again).
import { mkdirSync } from 'node:fs';
import { openBrowser, servePreview } from '../tests/e2e/harness.ts';

const server = await servePreview();
mkdirSync('public/screenshots', { recursive: true });
try {
  for (const [name, width, height, route] of [
    ['wide', 1280, 800, 'descent'],
    ['narrow', 390, 844, 'tape'],
  ] as const) {
    const b = await openBrowser(server.url, { width, height });
    await b.page.goto(`${server.url}#/${route}`);
    await b.page.getByRole('heading', { level: 1 }).waitFor();
    if (route === 'descent') {
      // Three steps, then the curve with its tangent and the steps' arrows at the top of the picture.
      for (let i = 0; i < 3; i++) await b.page.getByRole('button', { name: 'Step', exact: true }).click();
      await b.page.getByText(/^Step 3: loss/).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    } else {
      // The forward pass, the learner's answer, then the backward pass half done: the graph
      // with the arithmetic on its edges.
      const next = b.page.getByRole('button', { name: 'Next', exact: true });
      for (let i = 0; i < 3; i++) await next.click();
      await b.page.getByLabel('What is dL/dw?').fill('27');
      await b.page.getByLabel('What is dL/dw?').press('Enter');
      for (let i = 0; i < 3; i++) await next.click();
      await b.page
        .getByRole('group', { name: /Tape walkthrough/ })
        .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    }
    await b.page.waitForTimeout(800);
    await b.page.screenshot({ path: `public/screenshots/${name}.png` });
    await b.close();
  }
} finally {
  await server.stop();
}
