// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { Prediction, isClose, readGuess } from '../../src/components/prediction.tsx';
import { lessonStore } from '../../src/store/lesson-store.ts';

const ask = (props: Partial<Parameters<typeof Prediction>[0]> = {}) =>
  render(<Prediction id="p" question="What is dL/dw?" answer={27} why="Because the chain rule says so." {...props} />);
const answerWith = (text: string) => {
  fireEvent.change(screen.getByLabelText('What is dL/dw?'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Check' }));
};
const box = () => screen.getByTestId('prediction-p').textContent ?? '';

beforeEach(() => lessonStore.setState(lessonStore.getInitialState(), true));

describe('Prediction', () => {
  it('gives a hint and a second try after a first miss, and shows the answer only after the second', () => {
    ask({ hint: 'Multiply the factors along the path.' });
    answerWith('100');
    expect(box()).toMatch(/Not yet: you said 100, and that is too high\. Multiply the factors along the path\./);
    expect(box()).not.toMatch(/27/);
    expect(lessonStore.getState().predictions.p).toBeUndefined();
    answerWith('20');
    expect(box()).toMatch(/Not quite\. You said 20; the engine says 27\./);
    expect(lessonStore.getState().predictions.p).toEqual({ answer: '20', result: 'wrong' });
  });

  it('a right second try counts as right', () => {
    ask();
    answerWith('5');
    expect(box()).toMatch(/too low/);
    answerWith('27');
    expect(box()).toMatch(/^.*Right\. You said 27/);
    expect(lessonStore.getState().predictions.p?.result).toBe('right');
  });

  it('Skip after a miss shows the answer as skipped', () => {
    ask();
    answerWith('5');
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(box()).toMatch(/Skipped\. The engine says 27/);
  });

  it('a choice question also gets a second try', () => {
    render(
      <Prediction
        id="p"
        question="Will it converge?"
        answer={0}
        why="It is above the limit."
        choices={[
          { value: 1, label: 'Yes' },
          { value: 0, label: 'No' },
        ]}
      />,
    );
    fireEvent.click(screen.getByLabelText('Yes'));
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(box()).toMatch(/Not yet: you said Yes, and not that one\./);
    fireEvent.click(screen.getByLabelText('Yes'));
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(box()).toMatch(/Not quite\. You said Yes/);
  });

  it('reads fractions and checks within tolerance', () => {
    expect(readGuess('1/9')).toBeCloseTo(1 / 9);
    expect(isClose(0.111, 1 / 9)).toBe(true);
    expect(isClose(0.1, 1 / 18)).toBe(false);
  });
});
