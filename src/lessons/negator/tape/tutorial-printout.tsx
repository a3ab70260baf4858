/**
 * The tutorial's loop prints one line per step, and the line for step k is the loss measured
 * inside that step, before its update: the loss of the weight the step started from. Our rows
 * give each step the weight it reached with that weight's own loss, so the two differ by one
 * step; this says so with both numbers, from the engine.
 */
import { formatNumber } from '../../../components/format.ts';
import { queries, useQuery } from '../../../store/queries.ts';
import { NEGATOR_CONFIG } from '../../../training/config.ts';

export function TutorialPrintout() {
  const q = useQuery(queries.printout, NEGATOR_CONFIG);
  const p = q.data;
  if (!p) return <p className="muted">Working out what the tutorial’s loop prints…</p>;
  const n = p.lastStep;
  return (
    <div className="printout" data-testid="tutorial-printout">
      <p>
        The tutorial runs this step in a loop {n} times and prints the loss each time. Its first line reads{' '}
        <code>step 1: loss {formatNumber(p.printed[0])}</code> and its last{' '}
        <code>
          step {n}: loss {formatNumber(p.printed[n - 1])}
        </code>
        , as the tutorial prints it.
      </p>
      <p className="muted">
        Each line is the loss computed inside the step, before <code>w = w + gradient * -0.01</code> moves the weight:
        the loss of the weight the step started from. This app’s tables and charts give every step the weight it ended
        at, with that weight’s own loss, so the tutorial’s line for step {n} is step {n - 1}’s loss here, and step {n}{' '}
        ends at a loss of {formatNumber(p.last.loss)}.
      </p>
    </div>
  );
}
