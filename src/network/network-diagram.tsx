/**
 * The network drawn as TensorFlow Playground draws it: each input feature and each hidden unit
 * as a small map of the plane, the output's map last, and a link for every weight, coloured by
 * its sign (blue +, orange −) and thickened by its size. Focusing or hovering a link says its
 * weight; Enter (or a click) opens it for editing, and the next Train starts from the edited
 * weights. Every value is the worker's.
 */
import { memo, useId, useMemo, useState } from 'react';
import { useAtMostEvery } from '../components/schedule.tsx';
import { formatNumber } from '../components/format.ts';
import { NumberField } from '../components/number-field.tsx';
import { MapCanvas } from '../components/plane-map.tsx';
import { parseNumberField } from '../training/config.ts';
import type { PlaneMaps } from '../worker-types.ts';

const NODE = 48;
const COL = 120;
const ROW = 62;
const TOP = 24;

export interface Link {
  /** Index into the flat weights (layer by layer: W row-major [in, out], then b). */
  index: number;
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Every link's place and index into the flat weights, for layer sizes `sizes`. */
export function linksOf(sizes: readonly number[], names: string[][], biases = true): Link[] {
  const out: Link[] = [];
  let offset = 0;
  const height = Math.max(...sizes);
  const y = (l: number, i: number) => TOP + ((height - sizes[l]) * ROW) / 2 + i * ROW + NODE / 2;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [a, b] = [sizes[l], sizes[l + 1]];
    for (let i = 0; i < a; i++)
      for (let j = 0; j < b; j++)
        out.push({
          index: offset + i * b + j,
          from: names[l][i],
          to: names[l + 1][j],
          x1: l * COL + NODE + 8,
          y1: y(l, i),
          x2: (l + 1) * COL + 8,
          y2: y(l + 1, j),
        });
    offset += a * b + (biases ? b : 0);
  }
  return out;
}

/** What is wrong with a typed weight, or undefined (an empty field is not yet an error). */
function weightProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const r = parseNumberField(text, 'The weight');
  if (!r.ok) return r.message;
  return Math.abs(r.value) > 1e6 ? 'The weight must be at most 1,000,000 in size.' : undefined;
}

export interface NetworkDiagramProps {
  sizes: number[];
  featureNames: string[];
  weights: Float64Array | null;
  maps: PlaneMaps | null;
  /** Edited weights by index (shown instead of the run's, and used by the next Train). */
  edits: ReadonlyMap<number, number>;
  onEdit(index: number, value: number | null): void;
  discretize: boolean;
  state: string;
  /** Whether the run is moving (the links then redraw at most five times a second). */
  live: boolean;
}

/** Every link, coloured by its weight's sign and as thick as it is large; named with its weight. */
const Links = memo(function Links({
  links,
  weights,
  edits,
  active,
}: {
  links: Link[];
  weights: Float64Array | null;
  edits: ReadonlyMap<number, number>;
  active: number;
}) {
  return links.map((k, n) => {
    const w = edits.get(k.index) ?? weights?.[k.index];
    const label = `Weight from ${k.from} to ${k.to}: ${w === undefined ? 'not trained yet' : formatNumber(w)}${edits.has(k.index) ? ' (edited)' : ''}`;
    return (
      <line
        key={k.index}
        data-link={n}
        x1={k.x1}
        y1={k.y1}
        x2={k.x2}
        y2={k.y2}
        className={`net-link${w !== undefined && w < 0 ? ' net-neg' : ''}${active === k.index ? ' net-link-on' : ''}`}
        strokeWidth={w === undefined ? 1 : 0.5 + 3.5 * Math.min(1, Math.abs(w))}
        tabIndex={0}
        role="button"
        aria-label={label}
      />
    );
  });
});

export function NetworkDiagram({
  sizes,
  featureNames,
  weights,
  maps,
  edits,
  onEdit,
  discretize,
  state,
  live,
}: NetworkDiagramProps) {
  const names = sizes.map((n, l) =>
    Array.from({ length: n }, (_, k) =>
      l === 0
        ? featureNames[k]
        : l === sizes.length - 1
          ? n === 1
            ? 'Output'
            : `Output ${k + 1}`
          : `Unit ${l}.${k + 1}`,
    ),
  );
  const namesKey = names.flat().join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the names' text is the key
  const links = useMemo(() => linksOf(sizes, names), [namesKey]);
  const [focus, setFocus] = useState<Link | null>(null);
  const [editing, setEditing] = useState<Link | null>(null);
  const [text, setText] = useState('');
  const field = useId();
  const height = TOP + Math.max(...sizes) * ROW;
  const width = (sizes.length - 1) * COL + NODE + 16;
  const weightOf = (i: number) => edits.get(i) ?? weights?.[i];
  const cells = maps ? maps.unitGrid * maps.unitGrid : 0;
  const yOf = (l: number, i: number) => TOP + ((Math.max(...sizes) - sizes[l]) * ROW) / 2 + i * ROW;
  let unit = 0;
  const shown = editing ?? focus;
  // The links' colours and widths follow the weights about five times a second; the maps move faster.
  const shownWeights = useAtMostEvery(weights, 200, live);
  const linkAt = (t: EventTarget | null): Link | null => {
    const i = t instanceof Element ? t.getAttribute('data-link') : null;
    return i === null ? null : (links[Number(i)] ?? null);
  };
  const open = (k: Link | null) => {
    if (!k) return;
    const w = weightOf(k.index);
    setEditing(k);
    setText(w === undefined ? '' : String(w));
  };
  return (
    <div className="net-diagram-box">
      <div className="graph-scroll" role="group" aria-label={`The network, ${state}: its units and links`}>
        <div className="net-diagram" style={{ width, height }}>
          <svg
            width={width}
            height={height}
            className="net-links"
            // One handler for every link (each line carries its index), so the lines themselves
            // have no closures and redraw only when their weights do.
            onFocus={(e) => setFocus(linkAt(e.target))}
            onBlur={() => setFocus(null)}
            onMouseOver={(e) => setFocus(linkAt(e.target))}
            onMouseLeave={() => setFocus(null)}
            onClick={(e) => open(linkAt(e.target))}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              const k = linkAt(e.target);
              if (!k) return;
              e.preventDefault();
              open(k);
              requestAnimationFrame(() => document.getElementById(field)?.querySelector('input')?.focus());
            }}
          >
            <Links links={links} weights={shownWeights} edits={edits} active={shown?.index ?? -1} />
          </svg>
          {sizes.map((n, l) =>
            Array.from({ length: n }, (_, k) => {
              const name = names[l][k];
              const last = l === sizes.length - 1;
              const at = { left: l * COL + 8, top: yOf(l, k) };
              const u = l > 0 && !last ? unit++ : -1;
              return (
                <figure key={name} className="net-node" style={at} aria-label={l === 0 ? `Input ${name}` : name}>
                  {maps && l === 0 && (
                    <MapCanvas values={maps.inputs} grid={maps.unitGrid} size={NODE} offset={k * cells} />
                  )}
                  {maps && u >= 0 && (
                    <MapCanvas values={maps.units} grid={maps.unitGrid} size={NODE} offset={u * cells} />
                  )}
                  {maps && last && k === 0 && (
                    <MapCanvas
                      values={maps.output}
                      grid={maps.grid}
                      size={NODE}
                      outputs={maps.outputs}
                      discretize={discretize}
                    />
                  )}
                  {!maps && <div className="net-node-empty" />}
                  <figcaption>{name}</figcaption>
                </figure>
              );
            }),
          )}
        </div>
      </div>
      <p className="muted" aria-live="polite" data-testid="link-info">
        {shown
          ? `${shown.from} → ${shown.to}: weight ${formatNumber(weightOf(shown.index))}${edits.has(shown.index) ? ' (edited: the next Train starts from it)' : ''}. Press Enter to edit it.`
          : 'Focus or hover a link to read its weight; Enter or a click edits it.'}
      </p>
      {editing && (
        <div className="net-edit" id={field}>
          <NumberField
            label={`Edit weight: ${editing.from} → ${editing.to}`}
            value={text}
            error={weightProblem(text)}
            step={0.1}
            onChange={(v) => {
              setText(v);
              const r = parseNumberField(v, 'The weight');
              if (r.ok && Math.abs(r.value) <= 1e6) onEdit(editing.index, r.value);
            }}
          />
          <div className="toolbar">
            <button
              type="button"
              onClick={() => {
                onEdit(editing.index, null);
                setEditing(null);
              }}
            >
              Undo this edit
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
