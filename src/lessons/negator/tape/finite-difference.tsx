/**
 * Check the tape: the slope estimated by nudging the weight, (L(w+h) − L(w−h)) / 2h, beside
 * the tape's exact chain rule. In float64 with h = 1e-4 they agree to many digits; in float32
 * the estimate's error grows as h shrinks, because L(w+h) and L(w−h) become nearly equal
 * numbers whose difference has few digits left (cancellation).
 */
import { NumberField } from '../../../components/number-field.tsx';
import { formatNumber } from '../../../components/format.ts';
import { TAPE_DEFAULTS, useForm } from '../../../store/lesson-store.ts';
import { queries, useQuery } from '../../../store/queries.ts';
import { parseNumberField } from '../../../training/config.ts';
import type { FiniteDifference, TapeStepResult } from '../../../worker-types.ts';

/** Step sizes the check shows all at once, largest first. */
export const FD_STEPS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7] as const;

/** The typed h, or a message: between 1e-7 and 0.1, as offered. */
export function readStepSize(text: string): { h: number } | { message: string } {
  const r = parseNumberField(text, 'Step size h');
  if (!r.ok) return { message: r.message };
  if (!(r.value >= 1e-7 && r.value <= 0.1)) return { message: 'Step size h must be between 1e-7 and 0.1.' };
  return { h: r.value };
}

// Ten significant digits, zeros kept: 27.00000000 shows how far the agreement goes.
const digits = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toPrecision(10));
const hText = (h: number) => h.toExponential(0);

function Row({ label, fd, exact }: { label: string; fd: FiniteDifference | undefined; exact: number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{fd ? digits(fd.plus) : '…'}</td>
      <td>{fd ? digits(fd.minus) : '…'}</td>
      <td>
        <strong>{digits(fd?.estimate)}</strong>
      </td>
      <td>{fd ? formatNumber(Math.abs(fd.estimate - exact)) : '…'}</td>
    </tr>
  );
}

export function FiniteDifferenceCheck({ input }: { input: TapeStepResult }) {
  const [{ h: text }, setDraft] = useForm('tape', TAPE_DEFAULTS);
  const read = readStepSize(text);
  const base = { input: input.input, target: input.target, weight: input.weight, learningRate: input.learningRate };
  const f64 = useQuery(queries.finiteDifference, { input: { ...base, dtype: 'float64' }, h: 1e-4 });
  const mine = useQuery(
    queries.finiteDifference,
    'h' in read ? { input: { ...base, dtype: 'float32' }, h: read.h } : null,
  );
  const sweep = useQuery(queries.finiteDifferenceSweep, { input: { ...base, dtype: 'float32' }, hs: [...FD_STEPS] });
  return (
    <section className="card" aria-labelledby="fd-title">
      <h2 id="fd-title">Check the tape</h2>
      <p>
        The tape gives dL/dw = <strong data-testid="tape-gradient">{formatNumber(input.gradient)}</strong> by the chain
        rule. Another way to estimate a slope is to nudge the weight a little each way and see how much the loss
        changes: (L(w + h) − L(w − h)) / 2h. The engine computes both losses and the estimate.
      </p>
      <NumberField
        label="Step size h"
        value={text}
        error={'message' in read ? read.message : undefined}
        hint="From 1e-7 to 0.1; used in float32 below."
        onChange={(v) => setDraft({ h: v })}
      />
      <div className="table-scroll" role="region" aria-label="Finite differences against the tape" tabIndex={0}>
        <table>
          <caption>The finite-difference estimate beside the tape’s dL/dw = {formatNumber(input.gradient)}</caption>
          <thead>
            <tr>
              <th scope="col">Precision and h</th>
              <th scope="col">L(w + h)</th>
              <th scope="col">L(w − h)</th>
              <th scope="col">Estimate</th>
              <th scope="col">Off by</th>
            </tr>
          </thead>
          <tbody>
            <Row label="float64, h = 1e-4" fd={f64.data} exact={input.gradient} />
            {'h' in read && <Row label={`float32, h = ${hText(read.h)}`} fd={mine.data} exact={input.gradient} />}
          </tbody>
        </table>
      </div>
      <p>
        In float64 the estimate agrees with the tape to many digits. In float32, try smaller and smaller h: the two
        losses become nearly the same number, their difference keeps only a few correct digits, and dividing by a tiny
        2h blows that error up. Every h at once, in float32:
      </p>
      <div className="table-scroll" role="region" aria-label="Every step size in float32" tabIndex={0}>
        <table>
          <caption>The float32 estimate for each h</caption>
          <thead>
            <tr>
              <th scope="col">h</th>
              <th scope="col">Estimate</th>
              <th scope="col">Off by</th>
            </tr>
          </thead>
          <tbody>
            {FD_STEPS.map((h, i) => (
              <tr key={h}>
                <th scope="row">{hText(h)}</th>
                <td>{digits(sweep.data?.[i].estimate)}</td>
                <td>{sweep.data ? formatNumber(Math.abs(sweep.data[i].estimate - input.gradient)) : '…'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        This is why frameworks use the tape’s exact chain rule rather than nudging each weight: it costs one backward
        pass, whatever the number of weights, and has no h to get wrong.
      </p>
    </section>
  );
}
