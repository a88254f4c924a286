import { useId } from 'react';
import type { ChartMode, ChartScale } from './chart-data.ts';

interface Props {
  mode: ChartMode;
  onMode: (mode: ChartMode) => void;
  scale: ChartScale;
  onScale: (scale: ChartScale) => void;
  limit: number;
  onLimit: (limit: number) => void;
  maxLimit: number;
}

function Choice<T extends string>({ legend, value, options, onChange }: { legend: string; value: T; options: [T, string][]; onChange: (v: T) => void }) {
  const name = useId();
  return (
    <fieldset className="segmented">
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

export function ChartControls({ mode, onMode, scale, onScale, limit, onLimit, maxLimit }: Props) {
  const limitId = useId();
  return (
    <div className="chart-controls">
      <Choice legend="Show" value={mode} onChange={onMode} options={[['both', 'Orbital and decayed'], ['orbital', 'Orbital'], ['decayed', 'Decayed']]} />
      <Choice legend="Scale" value={scale} onChange={onScale} options={[['linear', 'Linear'], ['log', 'Log']]} />
      <div className="limit">
        <label htmlFor={limitId}>Countries in chart</label>
        <input
          id={limitId}
          type="number"
          min={1}
          max={Math.max(1, maxLimit)}
          value={limit}
          onChange={(event) => {
            const value = Math.round(Number(event.target.value));
            if (Number.isFinite(value) && value >= 1) onLimit(Math.min(value, Math.max(1, maxLimit)));
          }}
        />
      </div>
    </div>
  );
}
