import { useId } from 'react';

/** Each setting's values with their names on screen (the address stores the values). */
export type Choices<T extends string> = readonly (readonly [T, string])[];

/** A segmented choice: radio buttons in a fieldset, so arrow keys move between the values. */
export function Choice<T extends string>({ legend, value, options, onChange, disabled }: { legend: string; value: T; options: Choices<T>; onChange: (v: T) => void; disabled?: boolean }) {
  const name = useId();
  return (
    <fieldset className="segmented" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map(([option, text]) => (
        <label key={option} className={option === value ? 'active' : undefined}>
          <input type="radio" name={name} value={option} checked={option === value} onChange={() => onChange(option)} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
