/**
 * Downloads: a run's history as CSV or JSON, and a chart as SVG or PNG. Charts are exported
 * from the chart's SVG (or a canvas), with CSS colours resolved so the file stands alone.
 */

/** A run's history columns, as plain numbers: one state per row. */
export interface HistoryExport {
  steps: ArrayLike<number>;
  weight: ArrayLike<number>;
  loss: ArrayLike<number>;
  /** dL/dw at the row's weight. */
  grad: ArrayLike<number>;
  /** Present for the w + b model, with dL/db. */
  bias?: ArrayLike<number>;
  gradBias?: ArrayLike<number>;
  length: number;
}

/** The columns in file order: each row is step k's weight (and bias) with the loss and slopes there. */
function columnsOf(h: HistoryExport): [string, ArrayLike<number>][] {
  const cols: [string, ArrayLike<number>][] = [
    ['step', h.steps],
    ['weight', h.weight],
  ];
  if (h.bias) cols.push(['bias', h.bias]);
  cols.push(['loss', h.loss], ['dL_dw', h.grad]);
  if (h.bias && h.gradBias) cols.push(['dL_db', h.gradBias]);
  return cols;
}

/** `step,weight,loss,dL_dw` (with bias and dL_db for w + b), one line per state; values at full precision. */
export function historyToCsv(h: HistoryExport): string {
  const cols = columnsOf(h);
  const lines = [cols.map(([name]) => name).join(',')];
  for (let i = 0; i < h.length; i++) lines.push(cols.map(([, c]) => String(c[i])).join(','));
  return lines.join('\n') + '\n';
}

/** The config and history as one JSON document; non-finite values become null. */
export function historyToJson(config: unknown, h: HistoryExport, extra: Record<string, unknown> = {}): string {
  const col = (a: ArrayLike<number>) =>
    Array.from({ length: h.length }, (_, i) => (Number.isFinite(a[i]) ? a[i] : null));
  const history = Object.fromEntries(columnsOf(h).map(([name, c]) => [name, col(c)]));
  return JSON.stringify(
    { ...extra, config, rows: 'one state per row: step k, its parameters, the loss and slopes there', history },
    null,
    2,
  );
}

/** Saves a blob under `filename` through a temporary link. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text with its MIME type. */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** A file-name-safe version of a title: "Loss over steps" → "loss-over-steps". */
export const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'chart';

const STYLE_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

/** A named colour swatch drawn under an exported chart (the page's legends are HTML). */
export interface LegendEntry {
  name: string;
  color: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Appends one legend line per entry below `top`; returns the height used. */
function appendLegend(svg: SVGSVGElement, legend: LegendEntry[], top: number): number {
  const g = svgEl('g', { 'font-family': 'sans-serif', 'font-size': 12, fill: '#0f172a' });
  legend.forEach((e, i) => {
    const y = top + 16 + i * 18;
    g.append(
      svgEl('rect', { x: 12, y: y - 10, width: 14, height: 4, fill: e.color }),
      svgEl('text', { x: 32, y }, e.name),
    );
  });
  svg.append(g);
  return legend.length ? legend.length * 18 + 10 : 0;
}

/**
 * The SVG as a standalone document: computed colours and fonts copied onto each element
 * (so `var(--loss)` survives outside the page), a background rectangle, and the legend.
 */
export function svgToString(svg: SVGSVGElement, legend: LegendEntry[] = [], background = '#ffffff'): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const style = STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
      .filter(([, v]) => v && !v.includes('var('))
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (style) copies[i].setAttribute('style', `${style};${copies[i].getAttribute('style') ?? ''}`);
  });
  const { width, height } = svgSize(svg);
  const extra = appendLegend(clone, legend, height);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height + extra));
  clone.setAttribute('viewBox', `0 0 ${width} ${height + extra}`);
  clone.insertBefore(svgEl('rect', { width: '100%', height: '100%', fill: background }), clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const w = Number(svg.getAttribute('width')) || svg.clientWidth || 600;
  const h = Number(svg.getAttribute('height')) || svg.clientHeight || 240;
  return { width: w, height: h };
}

/** A PNG of the SVG at `scale`× its size, drawn through an <img> onto a canvas. */
export async function svgToPngBlob(svg: SVGSVGElement, legend: LegendEntry[] = [], scale = 2): Promise<Blob> {
  const { width } = svgSize(svg);
  const height = svgSize(svg).height + (legend.length ? legend.length * 18 + 10 : 0);
  const url = URL.createObjectURL(new Blob([svgToString(svg, legend)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw PNG images.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await canvasToBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas as a PNG blob. */
export function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart could not be saved as PNG.'))), 'image/png'),
  );
}

/** A canvas wrapped in an SVG document (as an embedded PNG), for "save as SVG" on a canvas chart. */
export function canvasToSvgString(canvas: HTMLCanvasElement): string {
  const w = canvas.width;
  const h = canvas.height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><image width="${w}" height="${h}" href="${canvas.toDataURL('image/png')}"/></svg>`;
}

/**
 * Saves the chart inside `figure` (its SVG, or its canvas) as PNG or SVG. Throws a
 * learner-facing error if the figure has nothing drawn yet.
 */
export async function exportFigure(
  figure: Element,
  name: string,
  format: 'png' | 'svg',
  legend: LegendEntry[] = [],
): Promise<void> {
  // The drawing's first SVG (a history chart's legend icons and tooltip come after it).
  const svg = figure.querySelector<SVGSVGElement>('.chart-plot svg');
  const canvas = figure.querySelector<HTMLCanvasElement>('canvas');
  const file = `${slug(name)}.${format}`;
  if (svg) {
    if (format === 'svg') return downloadText(file, svgToString(svg, legend), 'image/svg+xml');
    return downloadBlob(file, await svgToPngBlob(svg, legend));
  }
  if (canvas) {
    if (format === 'svg') return downloadText(file, canvasToSvgString(canvas), 'image/svg+xml');
    return downloadBlob(file, await canvasToBlob(canvas));
  }
  throw new Error('There is no chart to save yet: train first.');
}
