/**
 * The training config schema and its validation. The UI (inline messages) and the worker
 * (typed error) run this same code, so a config the form accepts is one the worker accepts.
 */
import { groupDigits } from './digits.ts';

export type ModelKind = 'w' | 'w+b';
export type OptimizerKind = 'sgd' | 'momentum' | 'adam';
export type DTypeName = 'float32' | 'float64';

export interface Pair {
  input: number;
  target: number;
}

export interface TrainingConfig {
  pairs: Pair[];
  model: ModelKind;
  initialWeight: number;
  initialBias: number;
  learningRate: number;
  steps: number;
  optimizer: OptimizerKind;
  /** Momentum coefficient β (momentum optimizer). */
  momentum: number;
  /** Adam's β1, β2 and ε. */
  beta1: number;
  beta2: number;
  epsilon: number;
  dtype: DTypeName;
  seed: number;
}

/** The tutorial's number negator: input 3, target −3, w₀ 0.5, lr 0.01, 40 steps, float32. */
export const NEGATOR_CONFIG: TrainingConfig = Object.freeze({
  pairs: [{ input: 3, target: -3 }],
  model: 'w',
  initialWeight: 0.5,
  initialBias: 0,
  learningRate: 0.01,
  steps: 40,
  optimizer: 'sgd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  dtype: 'float32',
  seed: 1,
}) as TrainingConfig;

export const LIMITS = Object.freeze({
  maxPairs: 10_000,
  maxAbsValue: 1e6,
  maxLearningRate: 10,
  maxSteps: 1_000_000,
});

const countText = (n: number) => groupDigits(n);

/** "Input must be between −1,000,000 and 1,000,000." — the one wording of the value range, built from the limit. */
export function rangeMessage(label: string): string {
  return `${label} must be between −${countText(LIMITS.maxAbsValue)} and ${countText(LIMITS.maxAbsValue)}.`;
}

/** True when |v| is within the range every number of a config must keep. */
export const inRange = (v: number): boolean => Math.abs(v) <= LIMITS.maxAbsValue;

/** Whether two configs describe the same training (every setting and every pair equal). */
export function sameConfig(a: TrainingConfig, b: TrainingConfig): boolean {
  if (a === b) return true;
  for (const key of Object.keys(NEGATOR_CONFIG) as (keyof TrainingConfig)[]) {
    if (key !== 'pairs' && !Object.is(a[key], b[key])) return false;
  }
  return (
    a.pairs.length === b.pairs.length &&
    a.pairs.every((p, i) => Object.is(p.input, b.pairs[i].input) && Object.is(p.target, b.pairs[i].target))
  );
}

/** One problem with one field; `field` is a dotted path such as `pairs.3.input`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Thrown by {@link assertValidConfig}; carries every problem found, not just the first. */
export class ConfigError extends Error {
  readonly name = 'ConfigError';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

export type Validation = { ok: true; config: TrainingConfig } | { ok: false; issues: FieldIssue[] };

const KNOWN_KEYS = new Set<string>(Object.keys(NEGATOR_CONFIG));
const MODELS: readonly string[] = ['w', 'w+b'];
const OPTIMIZERS: readonly string[] = ['sgd', 'momentum', 'adam'];
const DTYPES: readonly string[] = ['float32', 'float64'];

/**
 * Checks a plain finite number within ±LIMITS.maxAbsValue. Strings are not coerced: the form parses text
 * with {@link parseNumberField} first, so "abc" gets its own message there.
 */
function checkNumber(value: unknown, field: string, issues: FieldIssue[], label: string): number {
  if (typeof value !== 'number') {
    issues.push({ field, message: `${label} must be a number.` });
  } else if (Number.isNaN(value)) {
    issues.push({ field, message: `${label} is not a number (NaN).` });
  } else if (!Number.isFinite(value)) {
    issues.push({ field, message: `${label} must be finite, not ${value > 0 ? '' : '−'}infinity.` });
  } else if (!inRange(value)) {
    issues.push({ field, message: rangeMessage(label) });
  }
  return value as number;
}

function checkPairs(value: unknown, issues: FieldIssue[]): void {
  if (!Array.isArray(value)) {
    issues.push({ field: 'pairs', message: 'Pairs must be a list of input/target pairs.' });
    return;
  }
  if (value.length === 0) {
    issues.push({ field: 'pairs', message: 'Add at least one input/target pair to train on.' });
  } else if (value.length > LIMITS.maxPairs) {
    issues.push({
      field: 'pairs',
      message: `At most ${countText(LIMITS.maxPairs)} pairs; this has ${countText(value.length)}.`,
    });
    return;
  }
  value.forEach((pair: unknown, i) => {
    if (typeof pair !== 'object' || pair === null) {
      issues.push({ field: `pairs.${i}`, message: `Pair ${i + 1} must have an input and a target.` });
      return;
    }
    const p = pair as Record<string, unknown>;
    checkNumber(p.input, `pairs.${i}.input`, issues, `Input of pair ${i + 1}`);
    checkNumber(p.target, `pairs.${i}.target`, issues, `Target of pair ${i + 1}`);
    for (const key of Object.keys(p)) {
      if (key !== 'input' && key !== 'target')
        issues.push({ field: `pairs.${i}.${key}`, message: `Pair ${i + 1} has a field this app does not know.` });
    }
  });
}

function checkChoice(
  value: unknown,
  field: string,
  allowed: readonly string[],
  issues: FieldIssue[],
  label: string,
): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    // The value itself is not repeated: it may come from a link, and its words are not the app's.
    issues.push({ field, message: `${label} must be one of ${allowed.join(', ')}.` });
  }
}

function checkTraining(c: Record<string, unknown>, issues: FieldIssue[]): void {
  const lr = checkNumber(c.learningRate, 'learningRate', issues, 'Learning rate');
  if (typeof lr === 'number' && Number.isFinite(lr)) {
    if (lr <= 0) issues.push({ field: 'learningRate', message: 'Learning rate must be greater than 0.' });
    else if (lr > LIMITS.maxLearningRate)
      issues.push({ field: 'learningRate', message: `Learning rate must be at most ${LIMITS.maxLearningRate}.` });
  }
  const steps = checkNumber(c.steps, 'steps', issues, 'Steps');
  if (typeof steps === 'number' && Number.isFinite(steps) && Math.abs(steps) <= LIMITS.maxAbsValue * 10) {
    if (!Number.isInteger(steps)) issues.push({ field: 'steps', message: 'Steps must be a whole number.' });
    else if (steps < 1) issues.push({ field: 'steps', message: 'Steps must be at least 1.' });
  }
  if (typeof steps === 'number' && steps > LIMITS.maxSteps) {
    // checkNumber already gave the value range for larger values; say the real limit instead.
    const i = issues.findIndex((x) => x.field === 'steps');
    const msg = { field: 'steps', message: `Steps must be at most ${countText(LIMITS.maxSteps)}.` };
    if (i >= 0) issues[i] = msg;
    else issues.push(msg);
  }
}

function checkOptimizer(c: Record<string, unknown>, issues: FieldIssue[]): void {
  checkChoice(c.optimizer, 'optimizer', OPTIMIZERS, issues, 'Optimizer');
  for (const [key, label] of [
    ['momentum', 'Momentum β'],
    ['beta1', 'Adam β1'],
    ['beta2', 'Adam β2'],
  ] as const) {
    const v = checkNumber(c[key], key, issues, label);
    if (typeof v === 'number' && Number.isFinite(v) && (v < 0 || v >= 1))
      issues.push({ field: key, message: `${label} must be at least 0 and below 1.` });
  }
  const eps = checkNumber(c.epsilon, 'epsilon', issues, 'Adam ε');
  if (typeof eps === 'number' && Number.isFinite(eps) && eps <= 0)
    issues.push({ field: 'epsilon', message: 'Adam ε must be greater than 0.' });
}

/**
 * Validates an untrusted value as a {@link TrainingConfig}. Never throws; returns every issue.
 * Missing optional fields are not filled in here: callers merge with defaults first.
 */
export function validateConfig(raw: unknown): Validation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ field: '', message: 'A training config must be an object.' }] };
  }
  const c = raw as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(c)) {
    if (!KNOWN_KEYS.has(key)) issues.push({ field: key, message: 'It has a setting this app does not know.' });
  }
  checkPairs(c.pairs, issues);
  checkChoice(c.model, 'model', MODELS, issues, 'Model');
  checkChoice(c.dtype, 'dtype', DTYPES, issues, 'Precision');
  checkNumber(c.initialWeight, 'initialWeight', issues, 'Initial weight');
  checkNumber(c.initialBias, 'initialBias', issues, 'Initial bias');
  const seed = checkNumber(c.seed, 'seed', issues, 'Seed');
  if (typeof seed === 'number' && Number.isFinite(seed) && !Number.isInteger(seed))
    issues.push({ field: 'seed', message: 'Seed must be a whole number.' });
  checkTraining(c, issues);
  checkOptimizer(c, issues);
  return issues.length ? { ok: false, issues } : { ok: true, config: c as unknown as TrainingConfig };
}

/** Like {@link validateConfig} but throws a {@link ConfigError}; used at the worker boundary. */
export function assertValidConfig(raw: unknown): TrainingConfig {
  const v = validateConfig(raw);
  if (!v.ok) throw new ConfigError(v.issues);
  return v.config;
}

/** Result of reading one text field: a number, or a message saying what is wrong with the text. */
export type ParsedField = { ok: true; value: number } | { ok: false; message: string };

/**
 * Parses what a learner typed. Accepts "−3" (typographic minus) and surrounding spaces;
 * rejects empty text, words, and numbers too large for a double ("1e309").
 */
export function parseNumberField(text: string, label: string): ParsedField {
  const t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return { ok: false, message: `${label} is empty; enter a number.` };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t))
    return { ok: false, message: `${label}: "${text.trim()}" is not a number.` };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: `${label} is too large to represent.` };
  return { ok: true, value: v };
}
