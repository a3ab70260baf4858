import { useId } from 'react';

export interface NumberFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shown beside the field and announced with it; also marks the input invalid. */
  error?: string;
  hint?: string;
  inputMode?: 'decimal' | 'numeric';
  size?: number;
}

/**
 * A labelled text input for a number. Text, not type="number": learners may type "−3" or
 * half a number, and we keep exactly what they typed and explain what is wrong.
 */
export function NumberField({ label, value, onChange, error, hint, inputMode = 'decimal', size = 8 }: NumberFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
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
      />
      {hint && <span className="field-hint" id={`${id}-hint`}>{hint}</span>}
      {error && <span className="field-error" id={`${id}-err`} role="alert">{error}</span>}
    </div>
  );
}
