/** The Speed control: how many steps per second a run is shown at, or Max. */
import { useId } from 'react';
import { SPEEDS, WATCH_PACE, WATCH_SECONDS, readSpeed, speedLabel, type Speed } from '../training/pace.ts';

export interface SpeedSelectProps {
  value: Speed;
  onChange(speed: Speed): void;
}

export function SpeedSelect({ value, onChange }: SpeedSelectProps) {
  const id = useId();
  // "Auto" first: the one pace for a run meant to be watched (pace.ts).
  const options: Speed[] = ['auto', ...SPEEDS, 'max'];
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
            {s === 'auto' ? `Auto (${WATCH_PACE} steps/s; a long run takes ${WATCH_SECONDS} s)` : speedLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
