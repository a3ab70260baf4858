import { openBrowser, servePreview } from './harness.ts';
const [,, route = 'descent', width = '1280', scheme = 'light', action = ''] = process.argv;
const server = await servePreview();
const b = await openBrowser(server.url, { width: Number(width), height: 900 });
await b.page.emulateMedia({ colorScheme: scheme as 'light' | 'dark' });
await b.page.goto(`${server.url}#/${route}`);
await b.page.getByRole('heading', { level: 1 }).waitFor();
if (action === 'step3') for (let i = 0; i < 3; i++) { await b.page.getByRole('button', { name: 'Step', exact: true }).first().click(); await b.page.waitForTimeout(200); }
if (action === 'train') { await b.page.getByRole('button', { name: 'Train', exact: true }).first().click(); await b.page.waitForTimeout(5000); }
await b.page.waitForTimeout(800);
await b.page.screenshot({ path: `/tmp/shot-${route || 'overview'}-${width}-${scheme}${action ? '-' + action : ''}.png`, fullPage: true });
console.log(b.errors);
await b.close(); await server.stop();
