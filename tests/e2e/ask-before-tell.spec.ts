/**
 * Ask before you tell: a learner walks every lesson in order, and before each prediction is
 * answered its answer is on no page seen so far — not on its own page, not on an earlier one.
 * Each page is read once its figures and the engine's numbers have come in; then its questions
 * are skipped (which shows their answers) and the walk goes on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ALL_PREDICTIONS, LAYERS_STEPS, NEGATOR_STEPS, REDUCE_STEPS } from '../../src/router.ts';
import { appInBrowser, pageOpen } from './harness.ts';

/** What would give each answer away, as it would be printed (the number, or the sentence that settles it). */
const GIVEAWAY: Record<string, RegExp> = {
  // Which weight turns 3 into −3: −1 (or the run's −0.9995 on the way to it).
  'perceptron-weight': /\bw\s*=\s*[−-]1\b|weight (?:of |is |= )?[−-]1\b|[−-]0\.999/,
  // dL/dt1 at the tutorial's numbers: 9.
  'tape-dldw': /dL\/dt1 = [−-]?9\b|× 9 = |= 3·9/,
  // w after one step: 0.23.
  'descent-next-w': /\b0\.23\b/,
  // The largest rate that converges: 1/9 ≈ 0.111.
  'lr-limit': /0\.111|1\/9|2\/18/,
  // The rate that lands on −1 in one step: 1/18 ≈ 0.0556.
  'lr-one-step': /0\.0556|1\/18/,
  // Two dimensions keep 95.81 % of the variance.
  'reduce-variance': /95\.8/,
  // lr 0.5 does not converge: the limit 0.343, or what the run did.
  'reduce-lr-0.5': /0\.343|keeps swinging|never settled/,
  // Stacked linear layers stay one line, so they cannot fit |x|.
  'layers-abs': /still (?:one|a) (?:straight )?line|cannot (?:fit|bend)|relu\(x\) \+ relu\(−x\)/i,
  // One line puts at most 3 of XOR's 4 corners right ("Step 3 of 4" is the lesson's progress line).
  'layers-xor-one': /\b3 of 4\b(?<!Step 3 of 4)(?! visited)|\b75 %/,
  // x's gradient is the sum a + b of what each unit sends.
  'layers-x-twice': /dL\/dx = \S+ \+ \S+ =/,
  // The network confuses versicolor with virginica: the matrix itself (its caption), or saying so.
  'layers-confuse': /Confusion matrix|[Cc]onfuses? (?:versicolor|virginica)/,
};

const PAGES: { route: string; predictions: readonly string[] }[] = [
  { route: '', predictions: [] },
  ...NEGATOR_STEPS.map((s) => ({ route: s.id, predictions: s.predictions })),
  ...REDUCE_STEPS.map((s) => ({ route: s.id, predictions: s.predictions })),
  ...LAYERS_STEPS.map((s) => ({ route: s.id, predictions: s.predictions })),
];

/** The page's visible text once its lazy parts and the worker's answers have come in. */
async function settledText(page: Page): Promise<string> {
  await pageOpen(page);
  let text = '';
  // Until two looks a second apart read the same (figures and numbers arrive in turns).
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(500);
    const next = await page.locator('main').innerText();
    if (next === text) break;
    text = next;
  }
  return text;
}

describe('ask before you tell, walking every lesson in order', () => {
  const app = appInBrowser();

  it('knows a giveaway for every prediction the lessons ask', () => {
    assert.deepEqual(Object.keys(GIVEAWAY).sort(), [...ALL_PREDICTIONS].sort());
  });

  it('no answer is on screen, on its page or an earlier one, before its question is answered or skipped', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}#/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const unanswered = new Set(ALL_PREDICTIONS);
    const found: string[] = [];
    const look = async (route: string) => {
      const text = await settledText(page);
      for (const id of unanswered) {
        const m = GIVEAWAY[id].exec(text);
        if (m) found.push(`#/${route} shows "${m[0]}" before "${id}" is answered`);
      }
    };
    for (const { route, predictions } of PAGES) {
      await page.goto(`${app.server.url}#/${route}`);
      await look(route);
      for (const id of predictions) {
        const skip = page.getByTestId(`prediction-${id}`).getByRole('button', { name: 'Skip' });
        if (!(await skip.isVisible())) {
          // The Tape's question comes where the walk reaches it: walk there, and look again.
          await page.getByRole('group', { name: /walkthrough/i }).focus();
          await page.keyboard.press('End');
          await look(`${route} (walked to its question)`);
        }
        await skip.click();
        unanswered.delete(id);
      }
    }
    assert.deepEqual(found, []);
    assert.equal(unanswered.size, 0);
  });
});
