/**
 * Lays out one small formula off screen while the browser is idle, then removes it. The first
 * formula the app shows makes the browser load and read its math font inside the frame that
 * draws the page (about 15 ms of a 4× slowed phone's style and layout, in a frame that already
 * has a new page in it); after this, opening a lesson step with a formula does not pay that.
 */
const SAMPLE =
  '<math display="block"><mrow><mover><mi>y</mi><mo>^</mo></mover><mo>←</mo><mfrac><mi>d</mi><mi>w</mi></mfrac><msup><mi>x</mi><mn>2</mn></msup><mo>(</mo><mo>−</mo><mi>η</mi><mo>)</mo></mrow></math>';

export function warmMathFont(doc: Document = document): void {
  if (!doc.body) return;
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  // Laid out (so the font is really used) but off screen and out of the page's flow.
  box.style.cssText = 'position:absolute;left:-10000px;top:0;visibility:hidden;pointer-events:none';
  box.innerHTML = SAMPLE;
  doc.body.append(box);
  void box.getBoundingClientRect();
  box.remove();
}
