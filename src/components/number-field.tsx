import { useId, type KeyboardEvent } from 'react';
import { parseNumberField } from '../training/config.ts';

export interface NumberFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown beside the field and announced with it; also marks the input invalid. */
  error?: string;
  hint?: string;
  inputMode?: 'decimal' | 'numeric';
  size?: number;
  /** What ArrowUp and ArrowDown add and take away (as in a number input); 1 by default. */
  step?: number;
}

/** `text` moved by `delta`, rounded so 0.1 + 0.2 reads 0.3; null when the text is not a number. */
export function stepText(text: string, delta: number): string | null {
  const r = parseNumberField(text, 'value');
  if (!r.ok) return null;
  return String(Number((r.value + delta).toPrecision(12)));
}

/**
 * A labelled text input for a number. Text, not type="number": learners may type "−3" or
 * half a number, and we keep exactly what they typed and explain what is wrong. ArrowUp and
 * ArrowDown still step the value, as learners expect of a number field.
 */
export function NumberField({
  label,
  value,
  onChange,
  error,
  hint,
  inputMode = 'decimal',
  size = 8,
  step = 1,
}: NumberFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const next = stepText(value, e.key === 'ArrowUp' ? step : -step);
    if (next === null) return; // typed text that is not a number stays as it is, with its message
    e.preventDefault();
    onChange(next);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        size={size}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-err`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
