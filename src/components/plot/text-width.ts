/**
 * How wide a line of SVG text will be drawn, so labels can be laid out from their width instead
 * of hoping the numbers stay short. In a browser the page's own font is measured on a canvas;
 * where there is no canvas (component tests), a per-character bound wide enough for the widest
 * digits of common sans-serif faces at that weight stands in, so a layout that fits by the
 * estimate also fits when drawn.
 */

type Measurer = (text: string, px: number, bold: boolean) => number;

/** Widest advance, as a fraction of the font size, of the characters our labels use (DejaVu Sans Bold's digits are 0.70). */
const EM_BOUND = 0.72;

const estimate: Measurer = (text, px) => [...text].reduce((w, c) => w + (c === ' ' ? 0.36 : EM_BOUND) * px, 0);

let measurer: Measurer | null = null;

function makeMeasurer(): Measurer {
  if (typeof OffscreenCanvas === 'undefined' || typeof document === 'undefined') return estimate;
  const ctx = new OffscreenCanvas(1, 1).getContext('2d');
  if (!ctx) return estimate;
  const family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
  const cache = new Map<string, number>();
  return (text, px, bold) => {
    const key = `${px}|${bold ? 1 : 0}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = `${bold ? 700 : 400} ${px}px ${family}`;
      w = ctx.measureText(text).width;
      if (cache.size > 2000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}

/** The drawn width of `text` at `px` pixels, in pixels. */
export function textWidth(text: string, px = 12, bold = false): number {
  measurer ??= makeMeasurer();
  return measurer(text, px, bold);
}
