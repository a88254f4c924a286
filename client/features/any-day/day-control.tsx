import { useId } from 'react';
import type { SourceKind } from '../../../server/shared/contract.ts';
import { DayField } from './day-field.tsx';
import { sameDayInYear, yearOf, type DayRange } from './day-range.ts';

interface Props {
  range: DayRange;
  /** The day shown, and where its figures come from. */
  shown: string;
  kind: SourceKind;
  compare: string | null;
  /** `null` goes back to the newest day. */
  onDay: (day: string | null) => void;
  onCompare: (day: string | null) => void;
}

/** Any day since Sputnik: a date field and a year slider set the whole dashboard; any day to compare with. */
export function DayControl({ range, shown, kind, compare, onDay, onCompare }: Props) {
  const sliderId = useId();
  const pick = (day: string) => onDay(day === range.last ? null : day);
  const year = yearOf(shown);
  return (
    <fieldset className="day-control">
      <legend>Any day since 1957</legend>
      <DayField label="Day shown" value={shown} range={range} onDay={pick} />
      <div className="day-slider">
        <label htmlFor={sliderId}>Year</label>
        <input
          id={sliderId}
          type="range"
          min={yearOf(range.first)}
          max={yearOf(range.last)}
          step={1}
          value={year}
          aria-valuetext={`${year}: ${shown}`}
          onChange={(e) => pick(sameDayInYear(shown, Number(e.target.value), range))}
        />
        <output htmlFor={sliderId} aria-hidden="true">
          {year}
        </output>
      </div>
      <p className={`day-kind ${kind === 'rebuilt' ? 'rebuilt' : 'real'}`} data-testid="day-kind">
        {kind === 'rebuilt' ? 'Rebuilt from the satellite catalogue' : 'Real Space-Track boxscore'}
      </p>
      <DayField label="Compare with any day" value={compare ?? ''} range={range} onDay={(day) => onCompare(day === shown ? null : day)} />
      {compare ? (
        <button type="button" className="link-button" onClick={() => onCompare(null)}>
          No comparison
        </button>
      ) : null}
    </fieldset>
  );
}
