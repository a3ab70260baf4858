/** See the chain rule: the tape walked by keyboard, the learner's numbers, any step of a run, predictions. */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SHOTS, appInBrowser, atEachSize, shootFitting } from './harness.ts';

const stageText = (page: Page) => page.locator('.tape-stage').first().textContent();

/** Types an answer to the prediction labelled `question` and presses Check with the keyboard. */
async function predict(page: Page, question: string, answer: string) {
  await page.getByLabel(question).fill(answer);
  await page.getByLabel(question).press('Enter');
}

describe('the tape, walked as a learner would', () => {
  before(() => mkdirSync(SHOTS, { recursive: true }));
  const app = appInBrowser();

  it('steps the graph with the keyboard alone, answering the question on the way', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/tape`);
    const group = page.getByRole('group', { name: /Tape walkthrough/ });
    await group.waitFor();
    await group.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    assert.match((await stageText(page)) ?? '', /^Forward: square — the tape records L = square\(t2\) = 20\.25\.$/);
    assert.equal(await page.locator('.tg-node.tg-op').count(), 3);
    // Held: Next is drawn as off and says why; the finite-difference check (which states dL/dw) waits too.
    await page.getByText(/Next waits for you: answer or skip the question below/).waitFor();
    assert.ok(
      Number(await page.getByRole('button', { name: 'Next' }).evaluate((b) => getComputedStyle(b).opacity)) < 1,
    );
    assert.equal(await page.getByTestId('tape-dldw').count(), 0);
    // Tab to the question, answer wrong twice (a hint, then the answer), and the walk back opens.
    await page.getByLabel(/What is dL\/dt1/).focus();
    await page.keyboard.type('-9');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('prediction-tape-dldw')
      .getByText(/Not yet: you said -9, and that is too low\./)
      .waitFor();
    await page.keyboard.type('-9');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('prediction-tape-dldw')
      .getByText(/Not quite\. You said -9; the engine says 9\./)
      .waitFor();
    await group.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    assert.match((await stageText(page)) ?? '', /∂t1\/∂w = x = 3, so dL\/dw = 3·9 = 27/);
    assert.equal(await page.getByTestId('tape-dldw').textContent(), '27');
    assert.equal(await page.locator('.tg-edge-label').filter({ hasText: '3 × 9 = 27' }).count(), 1);
    assert.equal(await page.locator('.tg-active').getAttribute('data-node'), 'w');
    // The last stage: Next stays focusable (aria-disabled), focus does not fall to the page.
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    // The walk ends at the gradient: the update is the Descent step's question.
    assert.match((await stageText(page)) ?? '', /dL\/dw = 3·9 = 27/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Next');
  });

  it('re-records the step for the learner’s own numbers', async () => {
    const { page } = app.browser;
    await page.getByLabel('Input', { exact: true }).fill('2');
    await page.getByLabel('Weight', { exact: true }).fill('1');
    await page.locator('.tg-node[data-node="L"]').getByText('= 25').waitFor();
    await page.getByTestId('tape-dldw').filter({ hasText: /^20$/ }).waitFor();
    await page.getByRole('button', { name: 'The tutorial’s numbers' }).click();
    await page.getByTestId('tape-dldw').filter({ hasText: /^27$/ }).waitFor();
  });

  it('draws every label whole for long and extreme numbers, at 390 and 1280 px: none touches a box or leaves the drawing', async () => {
    const { page } = app.browser;
    const cases = [
      { Input: '0.1234567', Target: '-3', Weight: '0.23' },
      { Input: '-999999.9', Target: '1e-30', Weight: '0.1234567' },
      { Input: '3', Target: '-987654.3', Weight: '-654321.1' },
    ];
    // tsx names the helpers inside the evaluated function with a __name() the page does not have.
    await page.evaluate('window.__name = (f) => f');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const c of cases) {
        for (const [label, value] of Object.entries(c)) await page.getByLabel(label, { exact: true }).fill(value);
        await page.getByTestId('tape-dldw').waitFor();
        const group = page.getByRole('group', { name: /Tape walkthrough/ });
        await group.focus();
        await page.keyboard.press('End');
        await page
          .getByText(/^Backward/)
          .first()
          .waitFor();
        await page.waitForTimeout(200);
        const problems = await page
          .locator('.tape-walk .tape-graph svg')
          .first()
          .evaluate((svg: SVGSVGElement) => {
            const boxOf = (el: SVGGraphicsElement) => {
              const b = el.getBBox();
              return { x: b.x, y: b.y, w: b.width, h: b.height };
            };
            type B = ReturnType<typeof boxOf>;
            const hit = (a: B, b: B) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
            const W = Number(svg.getAttribute('width'));
            const H = Number(svg.getAttribute('height'));
            const nodes = [...svg.querySelectorAll<SVGRectElement>('.tg-node rect')].map(boxOf);
            const labels = [...svg.querySelectorAll<SVGTextElement>('.tg-edge-label')].map((t) => ({
              text: t.textContent ?? '',
              ...boxOf(t),
            }));
            const out: string[] = [];
            labels.forEach((l, i) => {
              if (l.x < 0 || l.y < 0 || l.x + l.w > W || l.y + l.h > H) out.push(`"${l.text}" leaves the drawing`);
              if (nodes.some((n) => hit(l, n))) out.push(`"${l.text}" touches a node box`);
              labels.slice(i + 1).forEach((m) => hit(l, m) && out.push(`"${l.text}" touches "${m.text}"`));
            });
            // Each box's own lines stay inside it.
            svg.querySelectorAll<SVGGElement>('.tg-node').forEach((g) => {
              const r = boxOf(g.querySelector('rect')!);
              g.querySelectorAll<SVGTextElement>('.tg-title, .tg-value, .tg-grad').forEach((t) => {
                const b = boxOf(t);
                if (b.x < r.x || b.x + b.w > r.x + r.w) out.push(`"${t.textContent}" spills out of its box`);
              });
            });
            return { out, labels: labels.length };
          });
        assert.ok(
          problems.labels >= 3,
          `the backward pass shows its labels (${problems.labels}) for ${JSON.stringify(c)}`,
        );
        assert.deepEqual(problems.out, [], `at ${width}px with ${JSON.stringify(c)}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'The tutorial’s numbers' }).click();
  });

  it('takes screenshots of the backward pass at 390 and 1280 px, light and dark', async () => {
    const { page } = app.browser;
    await atEachSize(page, ['light', 'dark'], async (w, scheme) => {
      await page.waitForTimeout(300);
      await shootFitting(page, `tape-walk-${w}-${scheme}`, `the Tape step at ${w}px`);
    });
  });

  it('inspects step 2 of a Descent run: its tape, from the stored weight', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/descent`);
    await page.getByLabel('Speed').selectOption('max');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const slider = page.getByLabel('Inspect step');
    await slider.waitFor();
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page
      .getByTestId('ledger-summary')
      .filter({ hasText: 'Step 2: w = 0.23, loss 13.62, dL/dw = 22.14 (step 1’s row), next w 0.0086 (step 2’s row)' })
      .waitFor();
    assert.equal(await page.locator('.tape-ledger .tg-node[data-node="w"]').getByText('dL/dw = 22.14').count(), 1);
  });

  it('asks each prediction and checks it, right and wrong; the Overview counts them', async () => {
    const { page } = app.browser;
    await predict(page, 'What will w be after one step?', '0.23');
    await page
      .getByTestId('prediction-descent-next-w')
      .getByText(/^Right\./)
      .waitFor();
    await predict(page, 'Up to which learning rate does it still converge?', '1/9');
    await page
      .getByTestId('prediction-lr-limit')
      .getByText(/^Right\./)
      .waitFor();
    await predict(page, 'Which learning rate lands on −1 in one step?', '0.1');
    await page
      .getByTestId('prediction-lr-one-step')
      .getByText(/too high/)
      .waitFor();
    await predict(page, 'Which learning rate lands on −1 in one step?', '0.1');
    await page
      .getByTestId('prediction-lr-one-step')
      .getByText(/^Not quite\./)
      .waitFor();
    await page.goto(`${app.server.url}#/perceptron`);
    await predict(page, 'Which weight turns 3 into −3?', '-1');
    await page
      .getByTestId('prediction-perceptron-weight')
      .getByText(/^Right\./)
      .waitFor();
    await page.reload();
    await page
      .getByTestId('prediction-perceptron-weight')
      .getByText(/^Right\./)
      .waitFor(); // kept across reloads
    await page.goto(`${app.server.url}#/`);
    assert.match((await page.getByTestId('prediction-tally').textContent()) ?? '', /5 of 5 predicted \(3 right\)/);
  });

  it('logged no console errors and made no request to another origin', () => {
    assert.deepEqual(app.browser.errors, []);
    assert.deepEqual(app.browser.foreignRequests, []);
  });
});
