/**
 * Field checks shared by the lesson's two configs (autoencoder and stress). They report
 * problems as the first lesson's {@link FieldIssue}s and throw its {@link ConfigError}, so the
 * form and the worker boundary treat both lessons' settings the same way.
 */
import { ConfigError, type FieldIssue } from '../config.ts';

export { ConfigError, type FieldIssue };

export type Checked<T> = { ok: true; config: T } | { ok: false; issues: FieldIssue[] };

export const REDUCE_LIMITS = Object.freeze({ maxLearningRate: 10, maxSteps: 100_000 });

const DTYPES: readonly string[] = ['float32', 'float64'];

/** A finite number, or an issue saying what it is instead; `null` when there was an issue. */
function finite(value: unknown, field: string, label: string, issues: FieldIssue[]): number | null {
  if (typeof value !== 'number') issues.push({ field, message: `${label} must be a number.` });
  else if (Number.isNaN(value)) issues.push({ field, message: `${label} is not a number (NaN).` });
  else if (!Number.isFinite(value))
    issues.push({ field, message: `${label} must be finite, not ${value > 0 ? '' : '−'}infinity.` });
  else return value;
  return null;
}

/** The object itself, or an issue when it is not a plain object; unknown keys are issues too. */
export function checkObject(
  raw: unknown,
  known: readonly string[],
  what: string,
  issues: FieldIssue[],
): Record<string, unknown> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({ field: '', message: `${what} must be an object.` });
    return null;
  }
  for (const key of Object.keys(raw))
    if (!known.includes(key)) issues.push({ field: key, message: `Unknown setting "${key}".` });
  return raw as Record<string, unknown>;
}

/** Learning rate: 0 < lr ≤ 10. */
export function checkLearningRate(value: unknown, issues: FieldIssue[]): void {
  const lr = finite(value, 'learningRate', 'Learning rate', issues);
  if (lr === null) return;
  if (lr <= 0) issues.push({ field: 'learningRate', message: 'Learning rate must be greater than 0.' });
  else if (lr > REDUCE_LIMITS.maxLearningRate)
    issues.push({ field: 'learningRate', message: 'Learning rate must be at most 10.' });
}

/** Steps: a whole number from 1 to 100,000. */
export function checkSteps(value: unknown, issues: FieldIssue[]): void {
  const steps = finite(value, 'steps', 'Steps', issues);
  if (steps === null) return;
  if (!Number.isInteger(steps)) issues.push({ field: 'steps', message: 'Steps must be a whole number.' });
  else if (steps < 1) issues.push({ field: 'steps', message: 'Steps must be at least 1.' });
  else if (steps > REDUCE_LIMITS.maxSteps) issues.push({ field: 'steps', message: 'Steps must be at most 100,000.' });
}

/** Seed: any whole number (mulberry32 takes it modulo 2³²). */
export function checkSeed(value: unknown, issues: FieldIssue[]): void {
  const seed = finite(value, 'seed', 'Seed', issues);
  if (seed !== null && !Number.isSafeInteger(seed))
    issues.push({ field: 'seed', message: 'Seed must be a whole number.' });
}

/** One of a fixed list of strings. */
export function checkChoice(
  value: unknown,
  field: string,
  allowed: readonly string[],
  label: string,
  issues: FieldIssue[],
): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    issues.push({ field, message: `${label} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.` });
  }
}

export const checkDType = (value: unknown, issues: FieldIssue[]): void =>
  checkChoice(value, 'dtype', DTYPES, 'Precision', issues);

/** Turns a validation into the value or a thrown {@link ConfigError} (the worker boundary). */
export function orThrow<T>(v: Checked<T>): T {
  if (!v.ok) throw new ConfigError(v.issues);
  return v.config;
}

/** The fields every Reduce run has: learning rate, steps, seed and dtype (issues appended). */
export function checkRunFields(c: Record<string, unknown>, issues: FieldIssue[]): void {
  checkLearningRate(c.learningRate, issues);
  checkSteps(c.steps, issues);
  checkSeed(c.seed, issues);
  checkDType(c.dtype, issues);
}
