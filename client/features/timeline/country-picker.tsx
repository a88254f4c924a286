import { useId, useState } from 'react';
import { TIMELINE_MAX_CODES } from './timeline-view.ts';

export interface CountryOption {
  code: string;
  country: string;
}

interface Props {
  codes: readonly string[];
  options: readonly CountryOption[];
  onCodes: (codes: string[]) => void;
}

/** Up to twelve countries, by name or code (a list to pick from as one types); none is the world. */
export function CountryPicker({ codes, options, onCodes }: Props) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameOf = (code: string) => options.find((o) => o.code === code)?.country ?? code;
  const full = codes.length >= TIMELINE_MAX_CODES;

  function add() {
    const text = draft.trim().toUpperCase();
    const match = options.find((o) => o.code.toUpperCase() === text || o.country.toUpperCase() === text || `${o.country} (${o.code})`.toUpperCase() === text);
    if (!match) return setError(`No country “${draft.trim()}”: pick one from the list.`);
    if (!codes.includes(match.code)) onCodes([...codes, match.code]);
    setDraft('');
    setError(null);
  }

  return (
    <div className="country-picker">
      <div className="country-picker-add">
        <label htmlFor={id}>Add a country</label>
        <input
          id={id}
          list={`${id}-list`}
          value={draft}
          disabled={full}
          placeholder={full ? `At most ${TIMELINE_MAX_CODES}` : 'Name or code'}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={`${id}-list`}>
          {options.map((o) => (
            <option key={o.code} value={`${o.country} (${o.code})`} />
          ))}
        </datalist>
        <button type="button" onClick={add} disabled={full || draft.trim() === ''}>
          Add
        </button>
        {codes.length > 0 ? (
          <button type="button" className="link-button" onClick={() => onCodes([])}>
            World only
          </button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="error-inline">
          {error}
        </p>
      ) : null}
      <ul className="chips" aria-label="Countries on the timeline">
        {codes.length === 0 ? <li className="chip">World</li> : null}
        {codes.map((code) => (
          <li key={code} className="chip">
            {nameOf(code)} ({code})
            <button type="button" aria-label={`Remove ${nameOf(code)} from the timeline`} onClick={() => onCodes(codes.filter((c) => c !== code))}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
