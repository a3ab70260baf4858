/**
 * When does plain gradient descent blow up? For a quadratic loss it diverges once the
 * learning rate exceeds 2 / (largest eigenvalue of the Hessian). For y ≈ w·x that Hessian
 * is 2·mean(x²), so the limit is 1 / mean(x²): 1/9 ≈ 0.111 for the tutorial's input 3.
 */
import type { TrainingConfig } from './config.ts';

/** Largest stable SGD learning rate for this data and model (Infinity if all inputs are 0). */
export function stableLearningRate(config: Pick<TrainingConfig, 'pairs' | 'model'>): number {
  const n = config.pairs.length;
  const mxx = config.pairs.reduce((s, p) => s + p.input * p.input, 0) / n;
  if (config.model === 'w') return mxx > 0 ? 1 / mxx : Infinity;
  // Hessian of mean((y − w·x − b)²) is 2·[[mean x², mean x], [mean x, 1]].
  const mx = config.pairs.reduce((s, p) => s + p.input, 0) / n;
  const tr = mxx + 1;
  const det = mxx - mx * mx;
  const lambdaMax = 2 * (tr / 2 + Math.sqrt(Math.max(0, (tr * tr) / 4 - det)));
  return 2 / lambdaMax;
}

/** True when a step produced a number too large for its dtype (or NaN): the run cannot go on. */
export function overflowed(r: {
  loss: number;
  gradWeight: number;
  gradBias: number;
  weight: number;
  bias: number;
}): boolean {
  return !(
    Number.isFinite(r.loss) &&
    Number.isFinite(r.gradWeight) &&
    Number.isFinite(r.gradBias) &&
    Number.isFinite(r.weight) &&
    Number.isFinite(r.bias)
  );
}

/** What a learner reads when a run stopped on an overflow at `step`. */
export function explainOverflow(config: TrainingConfig, step: number): string {
  // Both counts, said apart: the readout and the run list show the last step kept (step − 1).
  return `Overflowed in step ${step}: the numbers grew past what ${config.dtype} can hold, so the run stopped after step ${step - 1}, the last with finite numbers.`;
}

/**
 * True when a run has clearly left the basin: the loss is non-finite or a million times its
 * first value. Plain SGD is also stopped once the loss doubles its first value: on these
 * quadratic losses, gradient descent below the stable rate never raises the loss at all, so a
 * rising loss already means every further step will overshoot more (lr 0.12 on the negator
 * is caught at step 4 instead of step 48).
 */
export function hasDiverged(loss: number, firstLoss: number, optimizer: TrainingConfig['optimizer'] = 'sgd'): boolean {
  if (!Number.isFinite(loss) || loss > 1e6 * Math.max(firstLoss, Number.MIN_VALUE)) return true;
  return optimizer === 'sgd' && firstLoss > 0 && loss > 2 * firstLoss;
}

const fmt = (v: number) => (v >= 0.01 ? v.toPrecision(3) : v.toExponential(2));
/** A loss as the page prints it: four significant digits (20.25, not 20.3). */
const lossText = (v: number) => (v >= 1e-3 && v < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(2));

/** Where the loss first went up, before the run was caught diverging. */
export interface FirstRise {
  step: number;
  from: number;
  to: number;
}

/** The detector's rule, as hasDiverged applies it, in words. */
const ruleOf = (optimizer: TrainingConfig['optimizer']) =>
  optimizer === 'sgd' ? 'the loss passed twice its first value' : 'the loss passed a million times its first value';

/**
 * A learner-facing explanation of a divergence caught at `step` (by hasDiverged's rule, said in
 * words), with where the loss first rose when that was earlier, naming the limit for this data.
 */
export function explainDivergence(config: TrainingConfig, step: number, rise?: FirstRise): string {
  const limit = stableLearningRate(config);
  const when =
    rise && rise.step < step
      ? `The loss first rose at step ${rise.step} (from ${lossText(rise.from)} to ${lossText(rise.to)}), and the run was marked diverged at step ${step}, when ${ruleOf(config.optimizer)}`
      : `The loss blew up at step ${step}, when ${ruleOf(config.optimizer)}`;
  const head = `${when}: each update overshot the minimum by more than the last.`;
  if (config.optimizer !== 'sgd') {
    return `${head} ${config.optimizer === 'adam' ? 'Adam' : 'Momentum'} with learning rate ${config.learningRate} is too aggressive for this data; try a smaller learning rate.`;
  }
  const why =
    config.model === 'w'
      ? `For this data the curvature d²L/dw² is 2·mean(x²) = ${fmt(2 / limit)}, so plain gradient descent is stable only while the learning rate is below 1 / mean(x²) = ${fmt(limit)}.`
      : `For this data plain gradient descent on w and b is stable only while the learning rate is below ${fmt(limit)}.`;
  return `${head} ${why} Your learning rate is ${config.learningRate}; try a value below ${fmt(limit)}.`;
}
