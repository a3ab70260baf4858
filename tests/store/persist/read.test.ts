/** The field readers every persisted slice is read with: keep what fits, reset and name what does not. */
import { describe, expect, it } from 'vitest';
import { FieldReader, asBoolean, asRecord, asText, oneOf, readDraft } from '../../../src/store/persist/read.ts';

describe('stored-data readers', () => {
  it('keeps a readable field, falls back silently for a missing one, and names an unreadable one', () => {
    const r = new FieldReader({ speed: 'max', dtype: 64, extra: 'kept' });
    expect(r.field('speed', 'Speed', oneOf(['max', '10'] as const), '10')).toBe('max');
    expect(r.field('optimizer', 'Optimizer', oneOf(['sgd', 'adam'] as const), 'sgd')).toBe('sgd');
    expect(r.field('dtype', 'Precision', oneOf(['float32', 'float64'] as const), 'float32')).toBe('float32');
    expect(r.reset).toEqual(['Precision']);
  });

  it('reads text as typed (an older save’s finite number as its text), objects and booleans strictly', () => {
    expect([asText('0.01'), asText(0.5), asText(NaN), asText(null)]).toEqual(['0.01', '0.5', undefined, undefined]);
    expect([asRecord({ a: 1 }), asRecord([1]), asRecord(null)]).toEqual([{ a: 1 }, undefined, undefined]);
    expect([asBoolean(true), asBoolean('true')]).toEqual([true, undefined]);
  });

  it('readDraft keeps each good field of a form draft, resets a bad one by name, and survives a draft that is not an object', () => {
    const defaults = { lr: '0.01', steps: '40' };
    const names = { lr: 'learning rate', steps: 'steps' };
    const r = new FieldReader({ descent: { lr: '0.1', steps: { bad: true } }, broken: 'x' });
    expect(readDraft(r, 'descent', 'Descent', defaults, names)).toEqual({ lr: '0.1', steps: '40' });
    expect(readDraft(r, 'broken', 'Tape', defaults, names)).toEqual(defaults);
    expect(r.reset).toEqual(['Descent: steps', 'Tape']);
  });
});
