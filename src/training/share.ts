/**
 * The Playground's share links: a training config as base64url JSON in the hash,
 * `#/playground?c=<base64url>`. Decoding never throws: a bad link yields a message that
 * says what was wrong, and the caller opens the defaults.
 */
import { NEGATOR_CONFIG, validateConfig, type FieldIssue, type TrainingConfig } from './config.ts';

export const SHARE_VERSION = 1;
/** Links longer than this are refused before decoding (10,000 pairs fit comfortably). */
export const MAX_SHARE_LENGTH = 2_000_000;

/** The fields a link carries; optimizer constants (β, ε) keep their defaults. */
const SHARED_KEYS = [
  'model',
  'optimizer',
  'learningRate',
  'steps',
  'initialWeight',
  'initialBias',
  'dtype',
  'seed',
] as const;

export type DecodeResult = { ok: true; config: TrainingConfig } | { ok: false; message: string };

/** UTF-8 text as base64url (no padding): what every share link carries. */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of a base64url string, or null when it is not one (or not UTF-8). */
export function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Encodes a config as the `c` parameter of a share link (base64url of a small JSON). */
export function encodeConfig(config: TrainingConfig): string {
  const body: Record<string, unknown> = { v: SHARE_VERSION, pairs: config.pairs.map((p) => [p.input, p.target]) };
  for (const key of SHARED_KEYS) body[key] = config[key];
  return toBase64Url(JSON.stringify(body));
}

/** `#/playground?c=…` for this config. */
export function shareHash(config: TrainingConfig): string {
  return `#/playground?c=${encodeConfig(config)}`;
}

function readPairs(value: unknown): TrainingConfig['pairs'] | string {
  if (!Array.isArray(value)) return 'it has no list of pairs';
  const pairs: TrainingConfig['pairs'] = [];
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    if (!Array.isArray(p) || p.length !== 2) return `pair ${i + 1} is not an [input, target] pair`;
    pairs.push({ input: p[0] as number, target: p[1] as number });
  }
  return pairs;
}

const summarise = (issues: FieldIssue[]) =>
  issues
    .slice(0, 3)
    .map((i) => i.message)
    .join(' ') + (issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '');

/** Builds a config from a decoded link body, or says what is missing or wrong. */
function readBody(body: unknown): DecodeResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, message: 'it does not hold a settings object' };
  const b = body as Record<string, unknown>;
  if (b.v !== SHARE_VERSION)
    return {
      ok: false,
      // In the app's own words: a link's text is never shown (it could say anything).
      message:
        typeof b.v === 'number' && Number.isInteger(b.v) && b.v > SHARE_VERSION
          ? `it was made by a newer version of Perceptron Lab (this one reads version ${SHARE_VERSION} links)`
          : `its version is not one this app reads (version ${SHARE_VERSION})`,
    };
  const pairs = readPairs(b.pairs);
  if (typeof pairs === 'string') return { ok: false, message: pairs };
  const missing = SHARED_KEYS.filter((k) => !(k in b));
  if (missing.length) return { ok: false, message: `it is missing ${missing.join(', ')}` };
  const unknown = Object.keys(b).filter(
    (k) => k !== 'v' && k !== 'pairs' && !(SHARED_KEYS as readonly string[]).includes(k),
  );
  if (unknown.length)
    return {
      ok: false,
      message: `it has ${unknown.length === 1 ? 'a setting' : `${unknown.length} settings`} this app does not know`,
    };
  const config: Record<string, unknown> = { ...NEGATOR_CONFIG, pairs };
  for (const key of SHARED_KEYS) config[key] = b[key];
  const v = validateConfig(config);
  return v.ok
    ? { ok: true, config: v.config }
    : { ok: false, message: `a setting is out of range or invalid. ${summarise(v.issues)}` };
}

/**
 * Decodes the `c` parameter of a share link. Never throws, whatever the input: returns the
 * validated config, or a message completing "The shared link could not be used: …".
 */
export function decodeConfig(param: string): DecodeResult {
  try {
    if (param === '') return { ok: false, message: 'it holds no settings' };
    if (param.length > MAX_SHARE_LENGTH) return { ok: false, message: 'it is too long' };
    const json = fromBase64Url(param);
    if (json === null) return { ok: false, message: 'it is not valid base64url text (was it cut short when copied?)' };
    let body: unknown;
    try {
      body = JSON.parse(json);
    } catch {
      return { ok: false, message: 'its settings are not valid JSON (was it cut short when copied?)' };
    }
    return readBody(body);
  } catch {
    return { ok: false, message: 'it could not be read' };
  }
}

/**
 * Reads a location hash. `none`: no `c` parameter (a plain `#/playground`); otherwise the
 * decode result. Never throws.
 */
export function readShareHash(hash: string): { kind: 'none' } | ({ kind: 'link' } & DecodeResult) {
  const q = hash.indexOf('?');
  if (q < 0) return { kind: 'none' };
  let c: string | null;
  try {
    c = new URLSearchParams(hash.slice(q + 1)).get('c');
  } catch {
    c = '';
  }
  if (c === null) return { kind: 'none' };
  return { kind: 'link', ...decodeConfig(c) };
}
