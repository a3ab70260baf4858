import golden from '../fixtures/number-negator.json';

export interface GoldenRow {
  step: number;
  weightBefore: number;
  loss: number;
  gradient: number;
  weightAfter: number;
}

export const GOLDEN = golden as unknown as {
  config: { input: number; target: number; w0: number; lr: number; steps: number };
  float32: GoldenRow[];
  float64: GoldenRow[];
  after1000Steps: { float32: GoldenRow; float64: GoldenRow };
  stableLearningRateLimit: { valueForInput3: number };
};

/** |a − b| ≤ rel·|b|, with an absolute floor for values near zero. */
export function closeRel(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-30);
}
