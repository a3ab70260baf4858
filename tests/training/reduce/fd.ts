/** Central finite differences in float64, independent of the tape, for the lesson's losses. */
import { GradientTape, tensor, variable, type Tensor } from '../../../src/engine/index.ts';

/** d f / d w at `w` (flat, reshaped to `shape`), by central differences with step h. */
export function numericGradient(f: (w: Tensor) => Tensor, w: readonly number[], shape: number[], h = 1e-6): number[] {
  return w.map((_, i) => {
    const at = (delta: number) =>
      f(
        tensor(
          w.map((x, j) => (j === i ? x + delta : x)),
          'float64',
          shape,
        ),
      ).item();
    return (at(h) - at(-h)) / (2 * h);
  });
}

/** The tape's d f / d w at `w`. */
export function tapeGradient(f: (w: Tensor) => Tensor, w: readonly number[], shape: number[]): number[] {
  const v = variable(tensor([...w], 'float64', shape));
  const tape = new GradientTape();
  const loss = tape.record(() => f(v));
  return Array.from(tape.gradient(loss, v).data);
}

/** Largest |a − b| / max(1, |b|). */
export function maxRelativeError(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]) / Math.max(1, Math.abs(b[i]))));
}
