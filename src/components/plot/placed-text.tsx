/** A label where placeLabels put it: its lines centred on its x, each on its own baseline. */
import type { SVGProps } from 'react';
import type { PlacedLabel } from './label-layout.ts';

export function PlacedText({ label, ...props }: { label: PlacedLabel } & SVGProps<SVGTextElement>) {
  return (
    <text textAnchor="middle" {...props}>
      {label.lines.map((line) => (
        <tspan key={line.y} x={label.x} y={line.y}>
          {line.text}
        </tspan>
      ))}
    </text>
  );
}
