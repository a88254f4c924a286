import { useId } from 'react';
import { OBJECT_TYPE_LABELS, type ChartMeasure, type ChartMode, type ChartOptions, type ChartScale, type ObjectType } from './chart-data.ts';

interface Props {
  options: ChartOptions;
  onChange: (patch: Partial<ChartOptions>) => void;
  maxLimit: number;
}

function Choice<T extends string>({ legend, value, options, onChange, disabled }: { legend: string; value: T; options: [T, string][]; onChange: (v: T) => void; disabled?: boolean }) {
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

const ALL_TYPES: ObjectType[] = ['payload', 'rocketBody', 'debris', 'tba'];

export function ChartControls({ options, onChange, maxLimit }: Props) {
  const limitId = useId();
  const toggleType = (type: ObjectType, on: boolean) =>
    onChange({ types: ALL_TYPES.filter((t) => (t === type ? on : options.types.includes(t))) });
  return (
    <div className="chart-controls">
      <Choice<ChartMode> legend="Show" value={options.mode} onChange={(mode) => onChange({ mode })} options={[['both', 'Orbital and decayed'], ['orbital', 'Orbital'], ['decayed', 'Decayed']]} />
      <Choice<ChartMeasure> legend="Values" value={options.measure} onChange={(measure) => onChange({ measure })} options={[['absolute', 'Counts'], ['share', 'Share (100%)']]} />
      <Choice<ChartScale>
        legend="Scale"
        value={options.scale}
        onChange={(scale) => onChange({ scale })}
        options={[['linear', 'Linear'], ['log', 'Log']]}
        disabled={options.measure === 'share'}
      />
      <fieldset className="segmented">
        <legend>Types</legend>
        {ALL_TYPES.map((type) => (
          <label key={type} className={options.types.includes(type) ? 'active' : undefined}>
            <input type="checkbox" checked={options.types.includes(type)} onChange={(e) => toggleType(type, e.target.checked)} />
            {OBJECT_TYPE_LABELS[type]}
          </label>
        ))}
      </fieldset>
      <div className="limit">
        <label htmlFor={limitId}>Countries in chart</label>
        <input
          id={limitId}
          type="number"
          min={1}
          max={Math.max(1, maxLimit)}
          value={options.limit}
          onChange={(event) => {
            const value = Math.round(Number(event.target.value));
            if (Number.isFinite(value) && value >= 1) onChange({ limit: Math.min(value, Math.max(1, maxLimit)) });
          }}
        />
        <label className="inline-check">
          <input type="checkbox" checked={options.others} onChange={(e) => onChange({ others: e.target.checked })} />
          Group the rest as “Others”
        </label>
      </div>
    </div>
  );
}
