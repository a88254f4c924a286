import { useSyncExternalStore } from 'react';

interface MediaStore {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => boolean;
}

// One store per query for the page's life: window.matchMedia() parses the query and builds a new
// list each time it is called, and useSyncExternalStore resubscribes whenever `subscribe` is a
// new function, which a per-render arrow would be.
const stores = new Map<string, MediaStore>();
function storeFor(media: string): MediaStore {
  let store = stores.get(media);
  if (!store) {
    const list = window.matchMedia(media);
    store = {
      subscribe: (onChange) => {
        list.addEventListener('change', onChange);
        return () => list.removeEventListener('change', onChange);
      },
      getSnapshot: () => list.matches,
    };
    stores.set(media, store);
  }
  return store;
}

// On the server (render/page.ts) no query matches: the page is rendered for the default, light.
const onServer = () => false;
const SERVER_STORE: MediaStore = { subscribe: () => () => {}, getSnapshot: onServer };

/** Whether a CSS media query matches now, re-rendering when that changes. */
export function useMediaQuery(media: string): boolean {
  const { subscribe, getSnapshot } = typeof window === 'undefined' ? SERVER_STORE : storeFor(media);
  return useSyncExternalStore(subscribe, getSnapshot, onServer);
}
