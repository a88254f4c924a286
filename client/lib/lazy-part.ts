import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

export interface LazyPart<P extends object> {
  (props: P): ReactElement;
  /** Load the code now (the server does before it renders; the browser may, ahead of need). */
  load(): Promise<void>;
}

/**
 * A part of the page whose code is not in the first JavaScript, yet that renders at once wherever
 * it is already loaded. The server loads every such part before it renders (server-entry.tsx), so
 * its markup is in the page; in the browser, put it in a <Suspense>: hydration leaves the server's
 * markup of that boundary as it is until the code has loaded, then hydrates it (no mismatch, nothing
 * moves). Where the page renders it without the server, the boundary's fallback shows meanwhile.
 */
const parts: LazyPart<never>[] = [];

/** Load every part made so far (the server, once, before its first render). */
export async function loadAllParts(): Promise<void> {
  await Promise.all(parts.map((part) => part.load()));
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // load() may try again; a render that met the failure has shown it (error boundary).
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => start().then((component) => ({ default: component })));
  const part = (props: P) => createElement(loaded ?? (Lazy as unknown as ComponentType<P>), props);
  const made = Object.assign(part, { load: () => start().then(() => undefined) });
  parts.push(made as unknown as LazyPart<never>);
  return made;
}
