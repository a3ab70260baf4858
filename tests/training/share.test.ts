import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NEGATOR_CONFIG, validateConfig, type TrainingConfig } from '../../src/training/config.ts';
import { decodeConfig, encodeConfig, readShareHash, shareHash } from '../../src/training/share.ts';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

// JSON has no −0; a link carries 0 for it, which is the same number to the learner.
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const configArb: fc.Arbitrary<TrainingConfig> = fc
  .record({
    pairs: fc.array(fc.record({ input: finite, target: finite }), { minLength: 1, maxLength: 30 }),
    model: fc.constantFrom('w' as const, 'w+b' as const),
    optimizer: fc.constantFrom('sgd' as const, 'momentum' as const, 'adam' as const),
    learningRate: fc.double({ min: 1e-9, max: 10, noNaN: true }),
    steps: fc.integer({ min: 1, max: 1_000_000 }),
    initialWeight: finite,
    initialBias: finite,
    dtype: fc.constantFrom('float32' as const, 'float64' as const),
    seed: fc.integer({ min: -1e6, max: 1e6 }),
  })
  .map((c) => ({ ...NEGATOR_CONFIG, ...c }));

describe('share link codec', () => {
  it('round-trips the negator exactly, as URL-safe text', () => {
    const code = encodeConfig(NEGATOR_CONFIG);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeConfig(code)).toEqual({ ok: true, config: NEGATOR_CONFIG });
    expect(shareHash(NEGATOR_CONFIG)).toBe(`#/playground?c=${code}`);
  });

  it('round-trips any valid config (property)', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        expect(decodeConfig(encodeConfig(config))).toEqual({ ok: true, config });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings, and what it accepts is valid (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String()), (s) => {
        const r = decodeConfig(s);
        if (r.ok) expect(validateConfig(r.config).ok).toBe(true);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary JSON and on mangled real links (fuzz)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = decodeConfig(b64url(JSON.stringify(v) ?? 'null'));
        if (r.ok) expect(validateConfig(r.config).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
    const good = encodeConfig(NEGATOR_CONFIG);
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.string({ maxLength: 3 }), fc.nat(4), (at, insert, cut) => {
        const mangled = good.slice(0, at) + insert + good.slice(at + cut);
        expect(() => decodeConfig(mangled)).not.toThrow();
        expect(() => readShareHash(`#/playground?c=${mangled}`)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('says what is wrong with a malformed or out-of-range link', () => {
    const body = (patch: Record<string, unknown>) => {
      const b = JSON.parse(Buffer.from(encodeConfig(NEGATOR_CONFIG), 'base64url').toString()) as Record<
        string,
        unknown
      >;
      return b64url(JSON.stringify({ ...b, ...patch }));
    };
    const message = (code: string) => {
      const r = decodeConfig(code);
      return r.ok ? 'accepted' : r.message;
    };
    expect(message('')).toMatch(/no settings/);
    expect(message('%%%')).toMatch(/base64url/);
    expect(message(b64url('{"v":1,'))).toMatch(/not valid JSON/);
    expect(message(b64url('[1,2]'))).toMatch(/settings object/);
    expect(message(body({ v: 2 }))).toMatch(/made by a newer version of Perceptron Lab/);
    expect(message(body({ learningRate: 50 }))).toMatch(/Learning rate must be at most 10/);
    expect(message(body({ steps: 0 }))).toMatch(/Steps must be at least 1/);
    expect(message(body({ pairs: [[3]] }))).toMatch(/pair 1 is not an \[input, target\] pair/);
    expect(message(body({ pairs: [[3, 'x']] }))).toMatch(/Target of pair 1 must be a number/);
    expect(message(body({ pairs: [[2e6, 1]] }))).toMatch(/between −1,000,000 and 1,000,000/);
    expect(message(body({ optimizer: 'rmsprop' }))).toMatch(/Optimizer must be one of/);
    expect(message(body({ turbo: true }))).toMatch(/a setting this app does not know/);
    // A link's own words are never shown: not as its version, a key, or a value.
    const words = 'Your saved progress was corrupted, visit example.com';
    for (const patch of [{ v: words }, { [words]: 1 }, { model: words }, { optimizer: 'x'.repeat(100_000) }])
      expect(message(body(patch))).not.toMatch(/corrupted|example\.com|xxxxxxxx/);
    const { seed: _seed, ...noSeed } = JSON.parse(
      Buffer.from(encodeConfig(NEGATOR_CONFIG), 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(message(b64url(JSON.stringify(noSeed)))).toMatch(/missing seed/);
  });

  it('reads the c parameter from a playground hash', () => {
    expect(readShareHash('#/playground')).toEqual({ kind: 'none' });
    expect(readShareHash('#/playground?x=1')).toEqual({ kind: 'none' });
    expect(readShareHash(shareHash(NEGATOR_CONFIG))).toEqual({ kind: 'link', ok: true, config: NEGATOR_CONFIG });
    const bad = readShareHash('#/playground?c=');
    expect(bad.kind === 'link' && !bad.ok).toBe(true);
  });
});
