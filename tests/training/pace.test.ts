import { describe, expect, it } from 'vitest';
import { readSpeed, speedLabel, stepsPerSecond } from '../../src/training/pace.ts';

describe('pace', () => {
  it('a number is steps per second; max runs unpaced', () => {
    expect(stepsPerSecond(10, 40)).toBe(10);
    expect(stepsPerSecond('max', 40)).toBeNull();
  });

  it('auto, one rule for runs meant to be watched: 10 steps/s, a long run paced to last 6 s, too long ones at max', () => {
    expect(stepsPerSecond('auto', 40)).toBe(10); // the tutorial's 40 steps in 4 s
    expect(stepsPerSecond('auto', 1)).toBe(10);
    expect(stepsPerSecond('auto', 60)).toBe(10);
    expect(300 / stepsPerSecond('auto', 300)!).toBe(6); // the iris run: 50 steps/s
    expect(3000 / stepsPerSecond('auto', 3000)!).toBe(6);
    expect(stepsPerSecond('auto', 3001)).toBeNull();
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
