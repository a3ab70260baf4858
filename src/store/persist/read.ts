/**
 * Reading stored data as untrusted input, field by field: what has the right shape is kept,
 * what does not is replaced by its default and named, so the learner can be told exactly
 * what was reset.
 */

/** Collects the names of the fields that had to be reset while reading one stored slice. */
export class FieldReader {
  readonly reset: string[] = [];

  constructor(readonly raw: Record<string, unknown>) {}

  /**
   * The field `name` read by `read`, or `fallback` when it is missing (an older shape, not a
   * fault) or unreadable (then `label` is listed as reset).
   */
  field<T>(name: string, label: string, read: (v: unknown) => T | undefined, fallback: T): T {
    if (!(name in this.raw) || this.raw[name] === undefined) return fallback;
    const v = read(this.raw[name]);
    if (v !== undefined) return v;
    this.reset.push(label);
    return fallback;
  }

  /** Notes a reset found by a nested reader. */
  add(labels: string[]): void {
    this.reset.push(...labels);
  }
}

/** The object itself when `v` is a plain object, else undefined. */
export const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Text as typed; a finite number (an older save) is kept as its text. */
export const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

export const asBoolean = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** A reader for one of `allowed`. */
export const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (v: unknown): T | undefined =>
    (allowed as readonly unknown[]).includes(v) ? (v as T) : undefined;

/**
 * An object of text fields (a form's draft): each field kept if it is text, else its default
 * (named `${label} ${field}` in `reader`'s list of resets).
 */
export function readDraft<T extends { [K in keyof T]: string }>(
  reader: FieldReader,
  name: string,
  label: string,
  defaults: T,
  names: Record<keyof T, string>,
): T {
  const raw = reader.field(name, label, asRecord, undefined);
  if (!raw) return { ...defaults };
  const inner = new FieldReader(raw);
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    out[key] = inner.field(key, `${label}: ${names[key]}`, asText, defaults[key]) as T[typeof key];
  }
  reader.add(inner.reset);
  return out;
}
