/**
 * Heat maps of a network over the input plane [−6, 6]², painted from the worker's grids: the
 * decision map (the output, with the data's points over it) and one small map per hidden unit.
 * Orange is −1, white 0, blue +1, as in TensorFlow Playground. The page computes nothing: each
 * cell's value is the engine's.
 */
import { useEffect, useRef } from 'react';
import { ChartFigure } from './chart-figure.tsx';
import { formatNumber } from './format.ts';
import { afterFrame } from './schedule.tsx';

export interface MapPoints {
  /** (x₁, x₂) row-major, and each point's class (0 → −1, 1 → +1). */
  xy: ArrayLike<number>;
  cls: ArrayLike<number>;
  /** Test points are drawn with a dark ring. */
  test?: boolean;
  /** Three classes: A, B, C in orange, blue, green. */
  classes?: number;
}

const EXTENT = 6;
const NEG = [245, 147, 34];
const POS = [8, 119, 189];
/** Classes A, B, C of three: orange, blue, green. */
const CLASS_COLORS = [NEG, POS, [22, 163, 74]];

/** v in [−1, 1] as the Playground's colour: orange through white to blue. */
export function mapColor(v: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const end = t < 0 ? NEG : POS;
  const a = Math.abs(t);
  return [0, 1, 2].map((k) => Math.round(255 + (end[k] - 255) * a)) as [number, number, number];
}

/** mapColor at 511 evenly spaced values of [−1, 1], as bytes. */
const LUT_STEPS = 511;
const LUT = (() => {
  const t = new Uint8ClampedArray(3 * LUT_STEPS);
  for (let k = 0; k < LUT_STEPS; k++) t.set(mapColor(-1 + (2 * k) / (LUT_STEPS - 1)), 3 * k);
  return t;
})();
const lutIndex = (v: number) =>
  Number.isFinite(v) ? Math.round(((Math.max(-1, Math.min(1, v)) + 1) * (LUT_STEPS - 1)) / 2) : (LUT_STEPS - 1) / 2;

/** One ImageData per grid size, reused: a map repainted 30 times a second allocates nothing. */
const images = new Map<number, ImageData>();
function imageOf(ctx: CanvasRenderingContext2D, grid: number): ImageData {
  let im = images.get(grid);
  if (!im) {
    im = ctx.createImageData(grid, grid);
    images.set(grid, im);
  }
  return im;
}

const scratches = new Map<number, HTMLCanvasElement>();
function scratch(grid: number): HTMLCanvasElement {
  let c = scratches.get(grid);
  if (!c) {
    c = document.createElement('canvas');
    c.width = c.height = grid;
    scratches.set(grid, c);
  }
  return c;
}

/**
 * The colour of cell i of a network's output: k = 1 output is a value in [−1, 1] (or, with
 * `discretize`, its sign); k ≥ 2 are class probabilities, painted in the likeliest class's
 * colour (two classes: by p(B) − p(A)), as strong as it is sure (or fully, discretized).
 */
export function outputColor(
  values: ArrayLike<number>,
  k: number,
  i: number,
  discretize: boolean,
): [number, number, number] {
  if (k === 1) {
    const v = values[i];
    return mapColor(discretize ? (v >= 0 ? 1 : -1) : v);
  }
  if (k === 2) {
    const v = values[2 * i + 1] - values[2 * i];
    return mapColor(discretize ? (v >= 0 ? 1 : -1) : v);
  }
  let best = 0;
  for (let j = 1; j < k; j++) if (values[k * i + j] > values[k * i + best]) best = j;
  const p = values[k * i + best];
  const a = discretize ? 1 : Math.max(0, (p - 1 / k) / (1 - 1 / k));
  const end = CLASS_COLORS[best % 3];
  return [0, 1, 2].map((c) => Math.round(255 + (end[c] - 255) * a)) as [number, number, number];
}

function paint(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  grid: number,
  offset: number,
  stride: number,
  points: MapPoints[],
  colorOf?: (i: number) => [number, number, number],
): void {
  // Small canvases repainted from pixels many times a second: kept in memory, not on the GPU
  // (uploading each putImageData to the GPU costs more than the painting).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const image = imageOf(ctx, grid);
  const px = image.data;
  for (let i = 0; i < grid * grid; i++) {
    // Straight into the pixels, from a table for the two-colour scale: a 100 × 100 map is
    // repainted up to 30 times a second, so no array per cell.
    const at = 4 * i;
    if (colorOf) {
      const [r, g, b] = colorOf(i);
      px[at] = r;
      px[at + 1] = g;
      px[at + 2] = b;
    } else {
      const k = 3 * lutIndex(values[offset + i * stride]);
      px[at] = LUT[k];
      px[at + 1] = LUT[k + 1];
      px[at + 2] = LUT[k + 2];
    }
    px[at + 3] = 255;
  }
  // The grid is drawn at its own size, then scaled up smoothly to the canvas (one scratch canvas per grid size, reused).
  const small = scratch(grid);
  small.getContext('2d', { willReadFrequently: true })?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
  const s = canvas.width / (2 * EXTENT);
  for (const set of points) {
    for (let i = 0; i < set.cls.length; i++) {
      const x = (set.xy[2 * i] + EXTENT) * s;
      const y = (EXTENT - set.xy[2 * i + 1]) * s;
      const [r, g, b] = set.classes === 3 ? CLASS_COLORS[set.cls[i]] : set.cls[i] ? POS : NEG;
      ctx.beginPath();
      ctx.arc(x, y, Math.max(2, canvas.width / 110), 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fill();
      ctx.lineWidth = set.test ? 1.5 : 1;
      ctx.strokeStyle = set.test ? '#111827' : '#ffffff';
      ctx.stroke();
    }
  }
}

/** One painted grid on a canvas; repainted in the next frame when its values change. */
export function MapCanvas({
  values,
  grid,
  size,
  offset = 0,
  stride = 1,
  points = [],
  outputs,
  discretize = false,
  onPick,
}: {
  values: ArrayLike<number> | null;
  grid: number;
  size: number;
  offset?: number;
  stride?: number;
  points?: MapPoints[];
  /** A network's output map: how many values per cell (painted by `outputColor`). */
  outputs?: number;
  discretize?: boolean;
  /** Called with the plane point (x₁, x₂) a click lands on. */
  onPick?: (x1: number, x2: number) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    // jsdom (unit tests) has no 2D canvas.
    if (!canvas || /jsdom/i.test(navigator.userAgent)) return;
    const cells = values ?? new Float32Array(grid * grid * (outputs ?? 1));
    // One output, not discretized, paints like a unit's map (the fast table).
    const colorOf =
      outputs && (outputs > 1 || discretize) ? (i: number) => outputColor(cells, outputs, i, discretize) : undefined;
    return afterFrame(() => paint(canvas, cells, grid, offset, stride, points, colorOf));
  }, [values, grid, offset, stride, points, outputs, discretize]);
  return (
    <canvas
      ref={ref}
      className={`map-canvas${onPick ? ' map-pick' : ''}`}
      width={size}
      height={size}
      aria-hidden="true"
      onClick={
        onPick &&
        ((e) => {
          const r = e.currentTarget.getBoundingClientRect();
          if (!(r.width > 0 && r.height > 0)) return;
          onPick(
            ((e.clientX - r.left) / r.width) * 2 * EXTENT - EXTENT,
            EXTENT - ((e.clientY - r.top) / r.height) * 2 * EXTENT,
          );
        })
      }
    />
  );
}

/** Share of the cells the network puts on the +1 side. */
function positiveShare(values: ArrayLike<number>, cells: number, offset: number, stride: number): number {
  let n = 0;
  for (let i = 0; i < cells; i++) if (values[offset + i * stride] >= 0) n++;
  return n / cells;
}

export interface DecisionMapProps {
  title: string;
  /** Output per cell (tanh in [−1, 1]), row 0 at the top (x₂ = 6). */
  output: ArrayLike<number> | null;
  grid: number;
  /** Which run state the map shows, e.g. "after epoch 100". */
  state: string;
  points: MapPoints[];
  /** Test accuracy in the same state, when known (for the text alternative). */
  accuracy?: number;
}

/** The decision map in its accessible frame; the table lists the points by class. */
export function DecisionMap({ title, output, grid, state, points, accuracy }: DecisionMapProps) {
  const cells = grid * grid;
  const share = output ? positiveShare(output, cells, 0, 1) : 0;
  const summary = output
    ? `The network’s output over the plane from −6 to 6 on both axes, ${state}: blue (+1) on ${formatNumber(100 * share, 3)} % of it, orange (−1) on the rest${accuracy === undefined ? '' : `; ${formatNumber(100 * accuracy, 3)} % of the test points are on their own colour`}.`
    : 'No map yet: press Train.';
  return (
    <ChartFigure
      title={title}
      summary={summary}
      hasData={!!output}
      emptyText="No map yet."
      table={() => (
        <table>
          <caption>Points drawn on the map</caption>
          <thead>
            <tr>
              <th scope="col">Set</th>
              <th scope="col">Class −1</th>
              <th scope="col">Class +1</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => {
              let pos = 0;
              for (let k = 0; k < p.cls.length; k++) pos += p.cls[k] ? 1 : 0;
              return (
                <tr key={i}>
                  <th scope="row">{p.test ? 'Test' : 'Training'}</th>
                  <td>{p.cls.length - pos}</td>
                  <td>{pos}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    >
      <MapCanvas values={output} grid={grid} size={320} points={points} />
    </ChartFigure>
  );
}

/** One small map per hidden unit, named "Unit L.k" (layer L, unit k), each with its share in words. */
export function UnitMaps({
  units,
  grid,
  sizes,
  state,
}: {
  units: ArrayLike<number> | null;
  grid: number;
  /** Hidden layer sizes, e.g. [4, 2]. */
  sizes: number[];
  state: string;
}) {
  const cells = grid * grid;
  let u = 0;
  const named = sizes.flatMap((k, l) =>
    Array.from({ length: k }, (_, j) => ({ name: `Unit ${l + 1}.${j + 1}`, at: u++ })),
  );
  return (
    <ul className="unit-maps" aria-label={`Hidden units’ maps, ${state}`}>
      {named.map(({ name, at }) => {
        const share = units ? positiveShare(units, cells, at * cells, 1) : undefined;
        return (
          <li key={name}>
            <figure className="unit-map" aria-label={name}>
              <MapCanvas values={units} grid={grid} size={96} offset={at * cells} />
              <figcaption>
                {name}
                <span className="visually-hidden">
                  {share === undefined
                    ? ': no map yet'
                    : `: positive on ${formatNumber(100 * share, 3)} % of the plane`}
                </span>
              </figcaption>
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
