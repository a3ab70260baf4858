/**
 * Nothing lost, nobody locked out: updates that wait, stored data that cannot blank the app,
 * full storage, two tabs, share links, compared runs across reloads, deep paths offline.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  openBrowser,
  servePreview,
  waitForServiceWorkerControl,
  type Browser,
  type Served,
  pageOpen,
} from './harness.ts';
import { NEGATOR_STEPS } from '../../src/router.ts';

const LESSON = 'perceptron-lab:lesson';
const PLAYGROUND = 'perceptron-lab:playground';

/** Sets localStorage before the app's scripts run, then opens `hash`. */
async function openWithStorage(page: Page, url: string, hash: string, items: Record<string, string>) {
  await page.goto(`${url}#/`);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, items);
  await page.goto(`${url}#/${hash}`);
  await page.reload();
  await pageOpen(page);
}

const notices = (page: Page) => page.getByRole('region', { name: 'Notices' });

/** Waits until a field shows `value`, failing after `ms`. */
async function waitForValue(locator: Locator, value: string, ms: number) {
  const deadline = Date.now() + ms;
  while ((await locator.inputValue()) !== value) {
    if (Date.now() > deadline)
      assert.fail(`the field still shows "${await locator.inputValue()}" after ${ms} ms, not "${value}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('stored data can never blank the app', () => {
  let server: Served;
  let b: Browser;
  before(async () => {
    server = await servePreview();
    b = await openBrowser(server.url);
  });
  after(async () => {
    await b?.close();
    await server?.stop();
  });

  const BAD: Record<string, [string, string][]> = {
    [LESSON]: [
      ['wrong types', JSON.stringify({ version: 2, state: { visited: 'x', descent: 5, perceptron: null } })],
      ['unreadable', '{"state":{'],
      ['a future version', JSON.stringify({ version: 999, state: { visited: ['loss'] } })],
    ],
    [PLAYGROUND]: [
      [
        'wrong types',
        JSON.stringify({ version: 2, state: { rows: [{ input: 1, target: 2 }, null], settings: { model: 7 } } }),
      ],
      ['unreadable', 'not json at all'],
      ['a future version', JSON.stringify({ version: 999, state: {} })],
    ],
  };

  for (const [key, cases] of Object.entries(BAD)) {
    for (const [what, text] of cases) {
      it(`${key} with ${what}: every page renders, a notice says what happened`, async () => {
        for (const route of ['', ...NEGATOR_STEPS.map((s) => s.id), 'playground']) {
          await openWithStorage(b.page, server.url, route, { [key]: text });
          assert.equal(
            await b.page.getByRole('navigation', { name: 'Lesson' }).count(),
            1,
            `#/${route} shows the header`,
          );
          assert.ok((await b.page.locator('main').innerText()).length > 100, `#/${route} shows its content`);
        }
        const said = await notices(b.page).innerText();
        assert.match(
          said,
          what === 'a future version' ? /newer version of Perceptron Lab.*left untouched/s : /could not be read/,
        );
        if (what === 'a future version') {
          // Edit something on both pages: the newer version's data stays as it was.
          await b.page.getByLabel('Learning rate', { exact: true }).fill('0.3');
          await b.page.goto(`${server.url}#/loss`);
          await pageOpen(b.page);
          assert.equal(await b.page.evaluate((k) => localStorage.getItem(k), key), text);
        }
      });
    }
  }

  it('a mistyped row costs only itself: the good rows and the number row are kept', async () => {
    const state = { rows: [{ input: '1', target: '-1' }, { input: 1, target: 2 }, 'junk'], settings: {} };
    await openWithStorage(b.page, server.url, 'playground', { [PLAYGROUND]: JSON.stringify({ version: 2, state }) });
    assert.equal(await b.page.getByLabel('Input, row 2').inputValue(), '1');
    assert.equal(await b.page.getByLabel('Target, row 2').inputValue(), '2');
    assert.match(await notices(b.page).innerText(), /1 row of the pairs table \(left out\)/);
  });

  it('storage filled to the brim: an edit says it was not saved, a new lesson page still opens', async () => {
    await openWithStorage(b.page, server.url, 'playground', {});
    await b.page.evaluate(() => {
      // Largest pieces first, each size until it no longer fits: nothing is left over.
      let k = 0;
      for (let n = 64 * 1024; n >= 1; n = Math.floor(n / 2)) {
        const piece = 'x'.repeat(n);
        for (;;) {
          try {
            localStorage.setItem(`filler-${k++}`, piece);
          } catch {
            break;
          }
        }
      }
    });
    // Longer than what is saved now, so the write needs room the browser no longer has.
    const typed = `0.04${'0'.repeat(120)}1`;
    await b.page.getByLabel('Learning rate', { exact: true }).fill(typed);
    await notices(b.page)
      .getByText(/Couldn't save: this browser's storage is full\. Not saved: your Playground pairs and settings/)
      .waitFor();
    assert.equal(
      await b.page.getByLabel('Learning rate', { exact: true }).inputValue(),
      typed,
      'the edit is still shown',
    );
    await b.page.getByRole('navigation', { name: 'Lesson' }).getByRole('link', { name: 'Tape', exact: true }).click();
    await pageOpen(b.page, 'Tape');
    assert.ok((await b.page.locator('main').innerText()).includes('tape'));
    // Recording the visit could not be saved either, and says so instead of throwing.
    await notices(b.page)
      .getByText(/Not saved: your lesson progress/)
      .waitFor();
    await b.page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
    });
  });

  it('logged no errors and made no request to another origin', () => {
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.foreignRequests, []);
  });
});

describe('two tabs, share links, compared runs', () => {
  let server: Served;
  let b: Browser;
  before(async () => {
    server = await servePreview();
    b = await openBrowser(server.url);
  });
  after(async () => {
    await b?.close();
    await server?.stop();
  });

  it('two pages on one profile, editing in turn, each see the other within a second and lose nothing', async () => {
    const a = b.page;
    await openWithStorage(a, server.url, 'playground', {});
    const other = await b.context.newPage();
    await other.goto(`${server.url}#/playground`);
    await other.getByLabel('Input, row 1').waitFor();
    await a.getByLabel('Input, row 1').fill('6');
    await waitForValue(other.getByLabel('Input, row 1'), '6', 1000);
    await other.getByLabel('Learning rate', { exact: true }).fill('0.02');
    await waitForValue(a.getByLabel('Learning rate', { exact: true }), '0.02', 1000);
    const saved = await a.evaluate((k) => JSON.parse(localStorage.getItem(k)!).state, PLAYGROUND);
    assert.equal(saved.rows[0].input, '6');
    assert.equal(saved.settings.learningRate, '0.02');
    await other.close();
  });

  it('a malformed link over edited pairs changes nothing, also after a reload', async () => {
    const { page } = b;
    await page.goto(`${server.url}#/playground`);
    await page.getByLabel('Target, row 1').fill('-6');
    await page.goto(`${server.url}#/playground?c=eyJ2IjoxLCJwYWlycyI6W1sz`);
    await page
      .getByRole('alert')
      .filter({ hasText: /shared link could not be used.*Nothing was changed/ })
      .waitFor();
    await page.reload();
    await pageOpen(page);
    assert.equal(await page.getByLabel('Input, row 1').inputValue(), '6');
    assert.equal(await page.getByLabel('Target, row 1').inputValue(), '-6');
    assert.equal(await page.getByLabel('Learning rate', { exact: true }).inputValue(), '0.02');
  });

  it('Undo after a valid link restores every setting, and survives a reload until dismissed', async () => {
    const { page } = b;
    await page.getByLabel('Optimizer').selectOption('momentum');
    const body = Buffer.from(
      JSON.stringify({
        v: 1,
        pairs: [[1, 2]],
        model: 'w+b',
        optimizer: 'adam',
        learningRate: 0.3,
        steps: 10,
        initialWeight: 0,
        initialBias: 1,
        dtype: 'float64',
        seed: 4,
      }),
    ).toString('base64url');
    await page.goto(`${server.url}#/playground?c=${body}`);
    await page
      .getByRole('status')
      .filter({ hasText: /Opened the pairs and settings from a shared link/ })
      .first()
      .waitFor();
    assert.equal(await page.getByLabel('Learning rate', { exact: true }).inputValue(), '0.3');
    await page.reload();
    await page.getByRole('button', { name: 'Undo opening the shared link' }).click();
    assert.equal(await page.getByLabel('Input, row 1').inputValue(), '6');
    assert.equal(await page.getByLabel('Learning rate', { exact: true }).inputValue(), '0.02');
    assert.equal(await page.getByLabel('Optimizer').inputValue(), 'momentum');
    assert.equal(await page.getByLabel('Model').inputValue(), 'w');
    assert.equal(await page.getByLabel('Precision (dtype)').inputValue(), 'float32');
  });

  it('two share links opened in another tab, one after the other: this tab keeps its table, and Undo there still brings it back', async () => {
    const { page } = b;
    await page.goto(`${server.url}#/playground`);
    await page.getByLabel('Input, row 1').fill('7');
    await page.getByLabel('Target, row 1').fill('-7');
    const link = (input: number) =>
      Buffer.from(
        JSON.stringify({
          v: 1,
          pairs: [[input, -input]],
          model: 'w',
          optimizer: 'sgd',
          learningRate: 0.01,
          steps: 40,
          initialWeight: 0.5,
          initialBias: 0,
          dtype: 'float32',
          seed: 1,
        }),
      ).toString('base64url');
    const other = await b.context.newPage();
    await other.goto(`${server.url}#/playground?c=${link(1)}`);
    await waitForValue(other.getByLabel('Input, row 1'), '1', 5000);
    await other.goto(`${server.url}#/playground?c=${link(2)}`);
    await waitForValue(other.getByLabel('Input, row 1'), '2', 5000);
    // This tab did not open the links: it goes on showing the learner's table.
    await page.waitForTimeout(500);
    assert.equal(await page.getByLabel('Input, row 1').inputValue(), '7');
    assert.equal(await page.getByLabel('Target, row 1').inputValue(), '-7');
    // In the tab that did, Undo goes back to the learner's own table, not to the first link.
    await other.getByRole('button', { name: 'Undo opening the shared link' }).first().click();
    await waitForValue(other.getByLabel('Input, row 1'), '7', 2000);
    assert.equal(await other.getByLabel('Target, row 1').inputValue(), '-7');
    await other.close();
  });

  it('a huge unsent CSV draft is not saved (the page says so), and a later cell edit still is', async () => {
    const { page } = b;
    await page.goto(`${server.url}#/playground`);
    await page.getByText('Paste or import CSV').click();
    // As a paste arrives: one input event with the whole text (fill would type it line by line).
    await page.getByLabel('Paste CSV').evaluate((ta, text) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(ta, text);
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    }, '1,-1\n'.repeat(400_000)); // 2 MB
    await page.getByTestId('draft-not-saved').waitFor();
    await page.getByLabel('Input, row 1').fill('8');
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByLabel('Input, row 1').waitFor();
    assert.equal(await page.getByLabel('Input, row 1').inputValue(), '8', 'the edit was saved');
    assert.equal(
      await notices(page)
        .getByText(/storage is full/)
        .count(),
      0,
      'no storage-full notice',
    );
    await page.getByText('Paste or import CSV').click();
    assert.equal(await page.getByLabel('Paste CSV').inputValue(), '', 'the draft was not kept');
    await page.getByLabel('Input, row 1').fill('6');
    await page.waitForTimeout(600);
    await page.reload(); // as the next test expects it: the CSV box closed
    await page.getByLabel('Input, row 1').waitFor();
  });

  it('compared runs and the unsent CSV text survive a reload', async () => {
    const { page } = b;
    await page.getByLabel('Speed').selectOption('max');
    for (const lr of ['0.01', '0.02']) {
      await page.getByLabel('Learning rate', { exact: true }).fill(lr);
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page
        .getByRole('list', { name: 'Compared runs' })
        .getByRole('listitem')
        .filter({ hasText: `learning rate ${lr}` })
        .filter({ hasText: /done after/ })
        .waitFor();
    }
    await page.getByText('Paste or import CSV').click();
    await page.getByLabel('Paste CSV').fill('1,-1\n2,');
    await page.waitForTimeout(600); // the runs are saved a moment after they end
    await page.reload();
    const items = page.getByRole('list', { name: 'Compared runs' }).getByRole('listitem');
    await items.first().waitFor();
    assert.equal(await items.count(), 2);
    assert.match(await items.nth(0).innerText(), /learning rate 0\.02.*done after 40 steps/s);
    assert.equal(await page.getByLabel('Paste CSV').inputValue(), '1,-1\n2,');
    // A chart mounts in stages a frame apart after the page's first paint: wait for its lines.
    const lines = page.getByRole('figure', { name: 'Loss over steps' }).locator('path.recharts-curve');
    await lines.nth(1).waitFor({ timeout: 10_000 });
    assert.ok((await lines.count()) >= 2, 'both runs are drawn again');
  });

  it('a million-step run after two short ones is kept across a reload, and the notice names the two not kept', async () => {
    const { page } = b;
    await page.getByLabel('Speed').selectOption('max');
    await page.getByLabel('Steps', { exact: true }).fill('1000000');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const items = page.getByRole('list', { name: 'Compared runs' }).getByRole('listitem');
    await items.filter({ hasText: /done after 1,000,000 steps/ }).waitFor({ timeout: 60_000 });
    await notices(page)
      .getByText(/Run 1 and Run 2 are not kept for the next visit: saved runs hold at most 1,000,000 steps/)
      .waitFor({ timeout: 10_000 });
    await page.reload();
    await items.first().waitFor();
    assert.equal(await items.count(), 1, 'the newest run is kept, not an empty list');
    assert.match(await items.nth(0).innerText(), /done after 1,000,000 steps/);
    await page.getByLabel('Steps', { exact: true }).fill('40');
  });

  it('Train pressed as the page opens waits for the saved runs, so none are written over', async () => {
    const { page } = b;
    await page.waitForTimeout(600); // the Steps field's 40 is saved
    await page.reload();
    // At once: restoring the million-step run from IndexedDB takes a while.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const items = page.getByRole('list', { name: 'Compared runs' }).getByRole('listitem');
    await items.filter({ hasText: /done after 40 steps/ }).waitFor({ timeout: 20_000 });
    assert.equal(await items.count(), 2, 'the saved run and the new one');
    assert.match(await items.nth(0).innerText(), /Run 4/);
    // Both do not fit the cap together: the newest is kept, and the notice says which is not.
    await notices(page)
      .getByText(/Run 3 is not kept for the next visit/)
      .waitFor({ timeout: 10_000 });
    await page.reload();
    await items.first().waitFor();
    assert.equal(await items.count(), 1);
    assert.match(await items.nth(0).innerText(), /Run 4.*done after 40 steps/s);
  });

  it('"Clear all" offers Undo, kept across a reload until used', async () => {
    const { page } = b;
    const items = page.getByRole('list', { name: 'Compared runs' }).getByRole('listitem');
    await page.getByRole('button', { name: 'Clear all', exact: true }).click();
    assert.equal(await items.count(), 0);
    await page.getByText(/Run 4 cleared\. Undo is kept/).waitFor();
    await page.waitForTimeout(600); // saved a moment after the change
    await page.reload();
    await page.getByText(/Run 4 cleared\. Undo is kept/).waitFor();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await items.first().waitFor();
    assert.match(await items.nth(0).innerText(), /Run 4.*done after 40 steps/s);
    await page.waitForTimeout(600);
    await page.reload();
    await items.first().waitFor();
    assert.equal(await items.count(), 1);
    assert.equal(await page.getByText(/cleared\. Undo is kept/).count(), 0);
  });

  it('logged no errors and made no request to another origin', () => {
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.foreignRequests, []);
  });
});

describe('compared runs in two tabs', () => {
  let server: Served;
  let b: Browser;
  before(async () => {
    server = await servePreview();
    b = await openBrowser(server.url);
  });
  after(async () => {
    await b?.close();
    await server?.stop();
  });

  const list = (p: Page) => p.getByRole('list', { name: 'Compared runs' }).getByRole('listitem');
  // Listed newest first; compared oldest first.
  const names = async (p: Page) =>
    (await list(p).allInnerTexts())
      .map((t) => /Run \d+/.exec(t)?.[0])
      .reverse()
      .join(', ');
  async function waitForNames(p: Page, want: string, ms = 5000) {
    const deadline = Date.now() + ms;
    while ((await names(p)) !== want && Date.now() < deadline) await p.waitForTimeout(100);
    assert.equal(await names(p), want);
  }
  async function train(p: Page, n: number) {
    await p.getByRole('button', { name: 'Train', exact: true }).click();
    await list(p)
      .filter({ hasText: new RegExp(`Run ${n}\\b.*done after 40 steps`, 's') })
      .waitFor({ timeout: 20_000 });
  }

  it('tab A’s run, then tab B’s, then A’s again: every run is kept, each number used once, each tab sees them all', async () => {
    const a = b.page;
    await a.goto(`${server.url}#/playground`);
    await a.getByLabel('Speed').selectOption('max');
    await train(a, 1);
    await a.waitForTimeout(600); // saved a moment after it ends
    const other = await b.context.newPage();
    await other.goto(`${server.url}#/playground`);
    await waitForNames(other, 'Run 1');
    await train(other, 2);
    // Tab A hears of tab B's run without a reload.
    await waitForNames(a, 'Run 1, Run 2');
    await train(a, 3);
    await waitForNames(other, 'Run 1, Run 2, Run 3');
    // Hiding a run in B writes B's list, which must not drop A's run.
    await other.getByLabel('Show run 1').uncheck();
    await a.waitForTimeout(800);
    await a.reload();
    await waitForNames(a, 'Run 1, Run 2, Run 3');
    assert.equal(await a.getByLabel('Show run 1').isChecked(), false);
    await other.close();
  });
});

describe('updates wait for the learner; deployment behaviour of npm start', () => {
  let dir: string;
  let server: Served;
  let b: Browser;
  before(async () => {
    // A copy of the build we can "deploy" a new version into while the page is open.
    dir = mkdtempSync(join(tmpdir(), 'perceptron-lab-dist-'));
    cpSync('dist', dir, { recursive: true });
    server = await servePreview(dir);
    b = await openBrowser(server.url);
  });
  after(async () => {
    await b?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the Content-Security-Policy as a header, on the page and on the worker script', async () => {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp, /(^|\s)'unsafe-eval'/);
    const html = await res.text();
    // The worker is referenced from the entry or a chunk it imports (the bundler decides which).
    const entry = /assets\/index-[\w-]+\.js/.exec(html)![0];
    const entryText = await (await fetch(`${server.url}${entry}`)).text();
    const imported = [...entryText.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)].map((m) => `assets/${m[1]}`);
    let worker: RegExpExecArray | null = null;
    for (const file of [entry, ...imported]) {
      worker = /assets\/trainer\.worker-[\w-]+\.js/.exec(await (await fetch(`${server.url}${file}`)).text());
      if (worker) break;
    }
    assert.ok(worker, 'the worker chunk is referenced');
    assert.equal((await fetch(`${server.url}${worker[0]}`)).headers.get('content-security-policy'), csp);
  });

  it('no site can frame the app; the other security headers are sent; the meta tags match where a meta can carry them', async () => {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('permissions-policy') ?? '', /camera=\(\).*microphone=\(\)/);
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(html)?.[1]
      .replaceAll('&#39;', "'");
    assert.equal(
      `${meta}; frame-ancestors 'none'`,
      csp,
      'the meta CSP is the header less frame-ancestors (ignored in a meta)',
    );
    assert.match(html, /<meta name="referrer" content="no-referrer"/);
    // Framed by another origin (a data: page is opaque), the app does not load.
    // A browser of its own: the refusal is logged as a console error, which the shared one counts.
    const other = await openBrowser(server.url);
    try {
      await other.page.setContent(`<iframe src="${server.url}#/playground"></iframe>`);
      await other.page.waitForTimeout(1500);
      const framed = other.page.frames().find((f) => f.url().startsWith(server.url));
      const drawn = framed ? await framed.evaluate(() => document.body?.childElementCount ?? 0).catch(() => 0) : 0;
      assert.equal(drawn, 0, 'the app drew inside a frame');
    } finally {
      await other.close();
    }
  });

  it("a missing script is a 404, not the app's HTML", async () => {
    const res = await fetch(`${server.url}assets/tape-step-DOESNOTEXIST.js`);
    assert.equal(res.status, 404);
    assert.doesNotMatch(await res.text(), /<html/i);
    const page = await fetch(`${server.url}some/page`);
    assert.equal(page.status, 200, 'an unknown page path still gets the app');
  });

  it('an unknown path finds its assets, online and offline (/some/path#/loss)', async () => {
    const { page, context } = b;
    await page.goto(`${server.url}#/`);
    await waitForServiceWorkerControl(page);
    await page.goto(`${server.url}some/path#/loss`);
    await pageOpen(page, 'Loss');
    await context.setOffline(true);
    try {
      await page.goto(`${server.url}other/deep/path#/loss`);
      await pageOpen(page, 'Loss');
    } finally {
      await context.setOffline(false);
    }
  });

  it('a page whose code is gone from the offline copy says so offline, and Reload brings it back online', async () => {
    const { page, context } = b;
    await page.goto(`${server.url}#/`);
    await waitForServiceWorkerControl(page);
    const removed = await page.evaluate(async () => {
      let n = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys())
          if (/playground-page-[\w-]+\.js/.test(req.url)) n += (await cache.delete(req)) ? 1 : 0;
      }
      return n;
    });
    assert.ok(removed > 0, 'the Playground chunk was in the offline copy');
    await context.setOffline(true);
    try {
      await page.reload(); // a fresh page, with no chunk already in memory
      await pageOpen(page);
      await page.goto(`${server.url}#/playground`);
      await page
        .getByRole('alert')
        .filter({ hasText: /not in the offline copy of Perceptron Lab\. Reload once you are back online/ })
        .waitFor({ timeout: 20_000 });
    } finally {
      await context.setOffline(false);
    }
    // Back online, Reload brings it (a browser keeps a failed module import until a reload).
    await page.getByRole('alert').getByRole('button', { name: 'Reload' }).click();
    await page.getByLabel('Learning rate', { exact: true }).waitFor({ timeout: 20_000 });
  });

  it('a training worker whose code is gone from the offline copy says so, not "press Train to try again"', async () => {
    const { page, context } = b;
    await page.goto(`${server.url}#/`);
    await waitForServiceWorkerControl(page);
    const removed = await page.evaluate(async () => {
      let n = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys())
          if (/trainer\.worker-[\w-]+\.js/.test(req.url)) n += (await cache.delete(req)) ? 1 : 0;
      }
      return n;
    });
    assert.ok(removed > 0, 'the worker chunk was in the offline copy');
    await context.setOffline(true);
    try {
      await page.reload();
      await page.goto(`${server.url}#/descent`);
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      const alert = page
        .getByRole('region', { name: 'Run it' })
        .getByRole('alert')
        .filter({ hasText: /could not start: its code did not load/ });
      await alert.waitFor({ timeout: 20_000 });
      assert.doesNotMatch((await alert.textContent()) ?? '', /press Train to try again/);
    } finally {
      await context.setOffline(false);
    }
  });

  it('a new version while a run is in progress: the notice waits, the page is not reloaded, the run finishes; Reload then loads it', async () => {
    const { page } = b;
    await page.goto(`${server.url}#/descent`);
    await waitForServiceWorkerControl(page);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByLabel('Speed').selectOption('10');
    await page.getByLabel('Learning rate', { exact: true }).fill('0.02');
    await page.getByLabel('Steps', { exact: true }).fill('100'); // 10 s at 10 steps/s
    // The new version is deployed and found first, and the run starts while it waits: the
    // Chromium here (156) holds a registration's update() until a paced run in the page has
    // ended (measured: it resolved 12 s after a 10 s run started), so an update asked for
    // mid-run would only be seen after it.
    appendFileSync(join(dir, 'sw.js'), '\n// a new version\n');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    await notices(page)
      .getByText(/A new version is ready\. Reload to use it/)
      .waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const notice = notices(page).getByText(/A new version is ready\. Reloading now would end the run in progress/);
    await notice.waitFor({ timeout: 10_000 });
    assert.equal(
      await notices(page).getByRole('button', { name: 'Reload', exact: true }).count(),
      0,
      'no plain Reload mid-run',
    );
    await notices(page).getByRole('button', { name: 'Stop the run and reload' }).waitFor();
    await page.getByTestId('readout-step').filter({ hasText: /^100$/ }).waitFor({ timeout: 20_000 });
    assert.equal(
      await page.evaluate(() => (window as unknown as { marker?: number }).marker),
      42,
      'the page was not reloaded',
    );
    assert.equal(await page.getByTestId('readout-step').textContent(), '100');
    // A second tab, open on the old version, must not be reloaded when the first one updates.
    const second = await b.context.newPage();
    await second.goto(`${server.url}#/playground`);
    await pageOpen(second);
    await second.evaluate(() => {
      (window as unknown as { marker: number }).marker = 7;
    });
    await notices(page).getByRole('button', { name: 'Reload', exact: true }).click();
    // The new worker activates, then the page reloads: under load this has taken over 10 s here.
    await page.waitForFunction(() => !(window as unknown as { marker?: number }).marker, undefined, {
      timeout: 30_000,
    });
    await pageOpen(page);
    assert.equal(
      await page.getByLabel('Learning rate', { exact: true }).inputValue(),
      '0.02',
      'settings kept across the update',
    );
    assert.equal(
      await notices(page)
        .getByText(/A new version is ready/)
        .count(),
      0,
    );
    await notices(second)
      .getByText(/A new version is running in another tab/)
      .waitFor({ timeout: 10_000 });
    assert.equal(
      await second.evaluate(() => (window as unknown as { marker?: number }).marker),
      7,
      'the other tab was not reloaded',
    );
    await second.close();
  });

  it('offers "Install app" only while the browser offers installation', async () => {
    const { page } = b;
    await page.goto(`${server.url}#/`);
    const button = page.getByRole('button', { name: 'Install app' });
    // Chromium may really offer installation here (the manifest qualifies); once installed, the button goes.
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await button.waitFor({ state: 'detached' });
    await page.evaluate(() => {
      const e = new Event('beforeinstallprompt') as Event & {
        prompt(): Promise<void>;
        userChoice: Promise<{ outcome: string }>;
      };
      e.prompt = async () => {
        (window as unknown as { prompted: boolean }).prompted = true;
      };
      e.userChoice = Promise.resolve({ outcome: 'dismissed' });
      window.dispatchEvent(e);
    });
    await button.click();
    assert.equal(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted), true);
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await button.waitFor({ state: 'detached' });
  });

  it('the manifest has an id, a description and narrow and wide screenshots', async () => {
    const manifest = await (await fetch(`${server.url}manifest.webmanifest`)).json();
    assert.equal(manifest.id, '/');
    assert.ok(manifest.description.length > 40);
    const shots = manifest.screenshots as { src: string; form_factor: string }[];
    assert.deepEqual(shots.map((s) => s.form_factor).sort(), ['narrow', 'wide']);
    for (const s of shots)
      assert.equal((await fetch(`${server.url}${s.src}`)).headers.get('content-type'), 'image/png');
  });

  it('logged no errors and made no request to another origin', () => {
    // While offline the browser's own service-worker update check cannot reach the server.
    assert.deepEqual(
      // A chunk evicted from the offline copy fails to load while offline, as it should.
      b.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_FAILED|dynamically imported module/.test(e)),
      [],
    );
    assert.deepEqual(b.foreignRequests, []);
  });
});
