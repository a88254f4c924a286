import { useId, useState } from 'react';
import { Choice } from '../../lib/choice.tsx';
import { CHART_MEASURES, CHART_MODES, CHART_SCALES, OBJECT_TYPE_LABELS, OBJECT_TYPES, type ChartMeasure, type ChartMode, type ChartOptions, type ChartScale, type ObjectType } from './chart-data.ts';

interface Props {
  options: ChartOptions;
  /** Whether a comparison is loaded: only then can the chart show changes. */
  comparing: boolean;
  onChange: (patch: Partial<ChartOptions>) => void;
  maxLimit: number;
}

/**
 * The number of countries: a draft while typing (so the field can be emptied to type a new number),
 * applied whenever it holds a valid number, and put back to the applied value on blur.
 */
function LimitInput({ id, value, max, onChange }: { id: string; value: number; max: number; onChange: (limit: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={id}
      type="number"
      min={1}
      max={max}
      value={draft ?? value}
      onChange={(event) => {
        setDraft(event.target.value);
        const next = Math.round(Number(event.target.value));
        if (event.target.value !== '' && Number.isFinite(next) && next >= 1) onChange(Math.min(next, max));
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

export function ChartControls({ options, comparing, onChange, maxLimit }: Props) {
  const limitId = useId();
  const toggleType = (type: ObjectType, on: boolean) =>
    onChange({ types: OBJECT_TYPES.filter((t) => (t === type ? on : options.types.includes(t))) });
  return (
    <div className="chart-controls">
      <Choice<ChartMode> legend="Show" value={options.mode} onChange={(mode) => onChange({ mode })} options={CHART_MODES} />
      <Choice<ChartMeasure>
        legend="Values"
        value={options.measure}
        onChange={(measure) => onChange({ measure })}
        options={comparing ? CHART_MEASURES : CHART_MEASURES.filter(([m]) => m !== 'change')}
      />
      {/* A log scale is for counts: shares end at 100% and changes can be negative. */}
      <Choice<ChartScale> legend="Scale" value={options.scale} onChange={(scale) => onChange({ scale })} options={CHART_SCALES} disabled={options.measure !== 'absolute'} />
      <fieldset className="segmented">
        <legend>Types</legend>
        {OBJECT_TYPES.map((type) => (
          <label key={type} className={options.types.includes(type) ? 'active' : undefined}>
            <input type="checkbox" checked={options.types.includes(type)} onChange={(e) => toggleType(type, e.target.checked)} />
            {OBJECT_TYPE_LABELS[type]}
          </label>
        ))}
      </fieldset>
      <div className="limit">
        <label htmlFor={limitId}>Countries in chart</label>
        <LimitInput id={limitId} value={options.limit} max={Math.max(1, maxLimit)} onChange={(limit) => onChange({ limit })} />
        <label className="inline-check">
          <input type="checkbox" checked={options.others} onChange={(e) => onChange({ others: e.target.checked })} />
          Group the rest as “Others”
        </label>
      </div>
    </div>
  );
}
