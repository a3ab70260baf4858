/**
 * The perceptron as a picture: the input goes in, is multiplied by the weight, and comes out
 * as the prediction, set beside the answer a negator should give. Drawn from the same numbers
 * as the text below it (the prediction is the engine's).
 */
import { formatNumber } from '../../../components/format.ts';

export function UnitDiagram({
  input,
  weight,
  prediction,
}: {
  input: number;
  weight: number;
  prediction: number | undefined;
}) {
  const target = -input || 0;
  const out = formatNumber(prediction);
  return (
    <svg
      className="unit-diagram"
      viewBox="0 0 360 120"
      role="img"
      aria-label={`The unit: ${formatNumber(input)} goes in, is multiplied by w = ${formatNumber(weight)}, and ${out} comes out; a negator would give ${formatNumber(target)}.`}
    >
      <defs>
        <marker id="unit-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="unit-arrowhead" />
        </marker>
      </defs>
      <g className="unit-box">
        <rect x="4" y="34" width="84" height="44" rx="8" />
        <text x="46" y="52" textAnchor="middle" className="unit-title">
          input x
        </text>
        <text x="46" y="70" textAnchor="middle">
          {formatNumber(input)}
        </text>
      </g>
      <line className="unit-edge" x1="88" y1="56" x2="146" y2="56" markerEnd="url(#unit-arrow)" />
      <g className="unit-box unit-weight">
        <circle cx="170" cy="56" r="22" />
        <text x="170" y="62" textAnchor="middle" className="unit-times">
          ×
        </text>
      </g>
      <text x="170" y="22" textAnchor="middle" className="unit-w">
        w = {formatNumber(weight)}
      </text>
      <line className="unit-edge" x1="192" y1="56" x2="250" y2="56" markerEnd="url(#unit-arrow)" />
      <g className="unit-box">
        <rect x="252" y="34" width="104" height="44" rx="8" />
        <text x="304" y="52" textAnchor="middle" className="unit-title">
          prediction ŷ
        </text>
        <text x="304" y="70" textAnchor="middle">
          <tspan className="unit-out">{out}</tspan>
        </text>
      </g>
      <text x="304" y="100" textAnchor="middle" className="unit-target">
        a negator says {formatNumber(target)}
      </text>
    </svg>
  );
}
