import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useMediaQuery } from '../../lib/use-media-query.ts';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'boxscore-theme';

function readStoredPreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system'; // storage may be blocked; the system setting still applies
  }
}

// The reader's choice, read once and then kept here too: applied even where storage is blocked.
let chosen: ThemePreference | undefined;
const listeners = new Set<() => void>();
const readPreference = () => (chosen ??= readStoredPreference());

function subscribeToPreference(onChange: () => void) {
  // A choice made in another tab applies here as well.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    chosen = readStoredPreference();
    onChange();
  };
  listeners.add(onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Light or dark: the system's setting unless the reader chose one (kept in localStorage). The CSS
 * follows the system by itself (light-dark() colours); `data-theme` on <html> records the theme
 * in effect, which the stylesheet turns into its color-scheme, and the resolved theme is returned
 * so charts draw their axes and exports their background to match.
 * Both sources are external stores, so a server-rendered page hydrates with the server's view
 * ("system", light) and then moves to the reader's.
 */
export function useTheme(): { preference: ThemePreference; theme: Theme; setPreference: (p: ThemePreference) => void } {
  const preference = useSyncExternalStore(subscribeToPreference, readPreference, () => 'system' as const);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const theme: Theme = preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const setPreference = useCallback((next: ThemePreference) => {
    chosen = next;
    try {
      if (next === 'system') window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, but applied now.
    }
    for (const listener of listeners) listener();
  }, []);

  return { preference, theme, setPreference };
}

/** Colours the charts draw with, per theme (the bars keep their colour-blind-safe palette). */
export interface ChartTheme {
  name: Theme;
  text: string;
  muted: string;
  grid: string;
  cursor: string;
  surface: string;
}

export const CHART_THEMES: Record<Theme, ChartTheme> = {
  light: { name: 'light', text: '#1b1f24', muted: '#57606a', grid: '#d9dde3', cursor: 'rgba(0,0,0,0.06)', surface: '#ffffff' },
  dark: { name: 'dark', text: '#e6edf3', muted: '#9da7b3', grid: '#3a4350', cursor: 'rgba(255,255,255,0.08)', surface: '#161b22' },
};
