import { describe, expect, it } from 'vitest';
import { AUTO_MAX_STEPS, readSpeed, speedLabel, stepsPerSecond } from '../../src/training/pace.ts';

describe('pace', () => {
  it('a number is steps per second; max runs unpaced', () => {
    expect(stepsPerSecond(10, 40)).toBe(10);
    expect(stepsPerSecond('max', 40)).toBeNull();
  });

  it('auto makes runs of up to 200 steps last at least 2 s and runs longer ones at max', () => {
    expect(40 / stepsPerSecond('auto', 40)!).toBe(2);
    expect(AUTO_MAX_STEPS / stepsPerSecond('auto', AUTO_MAX_STEPS)!).toBe(2);
    expect(1 / stepsPerSecond('auto', 1)!).toBeLessThanOrEqual(2);
    expect(stepsPerSecond('auto', AUTO_MAX_STEPS + 1)).toBeNull();
  });

  it('reads only the offered speeds back from storage', () => {
    expect(readSpeed(5)).toBe(5);
    expect(readSpeed('max')).toBe('max');
    expect(readSpeed(7)).toBeUndefined();
    expect(readSpeed('10')).toBeUndefined();
  });

  it('labels speeds for people', () => {
    expect(speedLabel(1)).toBe('1 step/s');
    expect(speedLabel(50)).toBe('50 steps/s');
    expect(speedLabel('max')).toBe('Max');
  });
});
