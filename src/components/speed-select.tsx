/** The Speed control: how many steps per second a run is shown at, or Max. */
import { useId } from 'react';
import { SPEEDS, readSpeed, speedLabel, type Speed } from '../training/pace.ts';

export interface SpeedSelectProps {
  value: Speed;
  onChange(speed: Speed): void;
  /** Offer "Auto" (short runs paced to last a couple of seconds, long ones at Max). */
  withAuto?: boolean;
}

export function SpeedSelect({ value, onChange, withAuto = false }: SpeedSelectProps) {
  const id = useId();
  const options: Speed[] = [...(withAuto ? (['auto'] as const) : []), ...SPEEDS, 'max'];
  return (
    <div className="field speed-field">
      <label htmlFor={id}>Speed</label>
      <select
        id={id}
        value={String(value)}
        onChange={(e) => {
          const v = e.target.value;
          const speed = readSpeed(/^\d+$/.test(v) ? Number(v) : v);
          if (speed !== undefined) onChange(speed);
        }}
      >
        {options.map((s) => (
          <option key={s} value={String(s)}>
            {s === 'auto' ? 'Auto (short runs last 2 s)' : speedLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
