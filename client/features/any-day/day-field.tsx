import { useId, useState } from 'react';
import { inRange, type DayRange } from './day-range.ts';

interface Props {
  label: string;
  value: string;
  range: DayRange;
  onDay: (day: string) => void;
}

/**
 * A date field over the catalogue's range. It keeps what is being typed to itself and passes on a
 * day only once it is complete and within the range, so typing "1990" never jumps through year 1.
 */
export function DayField({ label, value, range, onDay }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // A new day from elsewhere (the slider, Back) replaces what was typed.
  const [followed, setFollowed] = useState(value);
  if (followed !== value) {
    setFollowed(value);
    setDraft(value);
    setError(null);
  }

  return (
    <div className="day-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        min={range.first}
        max={range.last}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const day = e.target.value;
          setDraft(day);
          if (day === '') return; // still being typed
          if (inRange(day, range)) {
            setError(null);
            if (day !== value) onDay(day);
          } else setError(`Pick a day from ${range.first} to ${range.last}.`);
        }}
      />
      {error ? (
        <span id={`${id}-error`} role="alert" className="error-inline">
          {error}
        </span>
      ) : null}
    </div>
  );
}
