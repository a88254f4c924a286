import { useId } from 'react';
import type { ThemePreference } from './use-theme.ts';

export function ThemeToggle({ preference, onChange }: { preference: ThemePreference; onChange: (p: ThemePreference) => void }) {
  const id = useId();
  return (
    <div className="theme-toggle">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={preference} onChange={(e) => onChange(e.target.value as ThemePreference)}>
        <option value="system">Same as system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
