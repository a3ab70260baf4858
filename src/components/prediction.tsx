/**
 * Predict, then check: a question asked before the page shows its answer. The learner types a
 * guess and presses Check (or Skip to see it). A first miss gets a hint (too high, too low, or
 * the question's own hint) and a second try; the answer is shown after a right answer, a second
 * miss or Skip, beside the learner's with one line of why. Answers are kept with the lesson
 * progress.
 */
import { useId, useState, type ReactNode } from 'react';
import { lessonStore, useLesson } from '../store/lesson-store.ts';
import { parseNumberField } from '../training/config.ts';
import { formatNumber } from './format.ts';

export interface PredictionProps {
  id: string;
  /** The question, which is also the field's label. */
  question: string;
  /** The engine's answer; undefined while it is being computed. */
  answer: number | undefined;
  /** One line of why, shown with the result. */
  why: ReactNode;
  /** Relative tolerance (3 % by default), with an absolute floor of `atol`. */
  rtol?: number;
  atol?: number;
  /** Offer these answers to pick from instead of a number field (e.g. yes = 1, no = 0). */
  choices?: { value: number; label: string }[];
  /** How the engine's answer is shown (default: the number). */
  show?: (answer: number) => string;
  /** Said after a first miss, with "too high" or "too low": a nudge that does not give the answer away. */
  hint?: ReactNode;
}

/** A typed guess as a number: decimals, "−1", or a fraction such as "1/9". */
export function readGuess(text: string): number | string {
  const frac = /^\s*([-−+]?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (frac) {
    const v = Number(frac[1].replace('−', '-')) / Number(frac[2]);
    return Number.isFinite(v) ? v : 'Your answer divides by zero.';
  }
  const r = parseNumberField(text, 'Your answer');
  return r.ok ? r.value : r.message;
}

/** Whether `guess` is close enough to `answer`. */
export function isClose(guess: number, answer: number, rtol = 0.03, atol = 0.002): boolean {
  return Math.abs(guess - answer) <= Math.max(atol, rtol * Math.abs(answer));
}

export function Prediction({
  id,
  question,
  answer,
  why,
  rtol,
  atol,
  choices,
  show = formatNumber,
  hint,
}: PredictionProps) {
  const saved = useLesson((s) => s.predictions[id]);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** After a first miss: what the learner said and which way it was off. */
  const [missed, setMissed] = useState<{ said: string; off: string } | null>(null);
  const field = useId();
  const settle = (said: string, right: boolean, off: string) => {
    if (right || missed) {
      lessonStore.getState().answer(id, { answer: said, result: right ? 'right' : 'wrong' });
      setMissed(null);
      return;
    }
    setMissed({ said, off });
    setText('');
  };
  const check = () => {
    if (answer === undefined) return;
    if (choices) {
      const picked = choices.find((c) => String(c.value) === text);
      if (picked) settle(picked.label, picked.value === answer, 'not that one');
      return;
    }
    const g = readGuess(text);
    if (typeof g === 'string') {
      setProblem(g);
      return;
    }
    setProblem(null);
    settle(text.trim(), isClose(g, answer, rtol, atol), g > answer ? 'that is too high' : 'that is too low');
  };
  const retry = missed && (
    <p className="prediction-hint" aria-live="polite">
      <strong>Not yet:</strong> you said {missed.said}, and {missed.off}. {hint} One more try, or Skip to see the
      answer.
    </p>
  );
  const skip = () => {
    setMissed(null);
    lessonStore.getState().answer(id, { answer: '', result: 'skipped' });
  };
  if (saved) {
    const verdict = saved.result === 'right' ? 'Right.' : saved.result === 'wrong' ? 'Not quite.' : 'Skipped.';
    return (
      <div className={`prediction prediction-${saved.result}`} data-testid={`prediction-${id}`}>
        <p className="prediction-q">{question}</p>
        <p role="status">
          <strong>{verdict}</strong>{' '}
          {saved.result !== 'skipped' ? (
            <>
              You said <strong>{saved.answer}</strong>; the engine says{' '}
            </>
          ) : (
            <>The engine says </>
          )}
          <strong>{answer === undefined ? '…' : show(answer)}</strong>. {why}
        </p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            lessonStore.getState().forget(id);
            setText('');
          }}
        >
          Try this one again
        </button>
      </div>
    );
  }
  if (choices) {
    return (
      <div className="prediction" data-testid={`prediction-${id}`}>
        <fieldset className="prediction-choices">
          <legend className="prediction-q">{question}</legend>
          {choices.map((c) => (
            <label key={c.value} className="pg-check">
              <input
                type="radio"
                name={field}
                value={c.value}
                checked={text === String(c.value)}
                onChange={() => setText(String(c.value))}
              />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
        {retry}
        <div className="toolbar">
          <button type="button" onClick={check} disabled={!text || answer === undefined}>
            Check
          </button>
          <button type="button" className="link-button" onClick={skip}>
            Skip
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="prediction" data-testid={`prediction-${id}`}>
      <div className="field">
        <label htmlFor={field} className="prediction-q">
          {question}
        </label>
        <input
          id={field}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${field}-err` : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') check();
          }}
        />
        {problem && (
          <span className="field-error" id={`${field}-err`} role="alert">
            {problem}
          </span>
        )}
      </div>
      {retry}
      <div className="toolbar">
        <button type="button" onClick={check} disabled={!text.trim() || answer === undefined}>
          Check
        </button>
        <button type="button" className="link-button" onClick={skip}>
          Skip
        </button>
      </div>
    </div>
  );
}
