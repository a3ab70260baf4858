/** How much of the flowers' variance each principal direction holds, and how much the learned plane keeps. */
import { formatNumber } from '../../components/format.ts';
import type { DatasetInfo } from '../../worker-types.ts';

/** The share of variance a plane keeps when its loss is `loss`: 1 − d·loss / total variance. */
export const keptShare = (info: DatasetInfo, loss: number) =>
  1 - (info.eigenvalues.length * loss) / info.eigenvalues.reduce((s, x) => s + x, 0);

function Bar({ label, share, kept }: { label: string; share: number; kept?: boolean }) {
  const pct = Math.max(0, Math.min(100, share * 100));
  return (
    <div className="bar-row">
      <span>{label}</span>
      <span className="bar-track" aria-hidden="true">
        <span className={kept ? 'bar-fill kept' : 'bar-fill'} style={{ width: `${pct}%`, display: 'block' }} />
      </span>
      <span>{formatNumber(share * 100, 4)} %</span>
    </div>
  );
}

export function VarianceBars({ info, loss }: { info: DatasetInfo; loss: number | undefined }) {
  const two = info.explained[0] + info.explained[1];
  return (
    <figure className="chart" aria-labelledby={`bars-${info.dataset}`}>
      <figcaption id={`bars-${info.dataset}`}>
        Variance explained{info.dataset === 'iris-raw' ? ' (raw centimetres)' : ''}
      </figcaption>
      <div className="bars">
        {info.explained.map((e, i) => (
          <Bar key={i} label={`Direction ${i + 1}`} share={e} />
        ))}
        <Bar label="Two together" share={two} kept />
        {loss !== undefined && Number.isFinite(loss) && (
          <Bar label="Your plane keeps" share={keptShare(info, loss)} kept />
        )}
      </div>
    </figure>
  );
}
