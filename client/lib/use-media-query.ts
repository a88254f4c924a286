import { useSyncExternalStore } from 'react';

// One MediaQueryList per query for the page's life: React reads the snapshot on every render, and
// window.matchMedia() parses the query and builds a new list each time it is called.
const lists = new Map<string, MediaQueryList>();
function listFor(media: string): MediaQueryList {
  let list = lists.get(media);
  if (!list) lists.set(media, (list = window.matchMedia(media)));
  return list;
}

/** Whether a CSS media query matches now, re-rendering when that changes. */
export function useMediaQuery(media: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = listFor(media);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => listFor(media).matches,
    () => false,
  );
}
