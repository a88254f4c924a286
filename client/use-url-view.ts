import { useCallback, useEffect, useState } from 'react';
import { normalizeView, parseView, reuseUnchanged, serializeView, type View } from './view.ts';

/**
 * A patch, or a function of the view now in the address to a patch: a setting that depends on the
 * one before (the next sort, a column toggled) uses the function, so two clicks quicker than a render
 * each start from the other's result rather than from the view the page last drew.
 */
export type ViewPatch = Partial<View> | ((current: View) => Partial<View>);
export type UpdateView = (patch: ViewPatch, options?: { replace?: boolean }) => void;

/**
 * The view, kept in the address bar: every change is a history entry (so Back and Forward step
 * through views), except typing in the filter, which replaces the current entry rather than
 * adding one per keystroke.
 */
export interface UrlView {
  view: View;
  update: UpdateView;
  /** Settings from the link that were not understood, as "name=value". */
  invalid: string[];
  dismissInvalid: () => void;
  /** Report settings found invalid later (e.g. a date with no snapshot) and replace them. */
  reject: (problems: string[], patch: Partial<View>) => void;
}

export function useUrlView(search?: string): UrlView {
  const [state, setState] = useState(() => parseView(search ?? window.location.search));

  useEffect(() => {
    // Values the page could not use are dropped from the address too, so a shared link carries only what is shown.
    const clean = serializeView(parseView(window.location.search).view);
    if (clean !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${clean}${window.location.hash}`);
    const onPop = () => setState(parseView(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback<UpdateView>((patch, options) => {
    // The URL is the source of truth between renders: read it rather than a possibly stale state.
    const current = parseView(window.location.search).view;
    const view = normalizeView({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
    const search = serializeView(view);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (options?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    setState((current) => ({ view: reuseUnchanged(current.view, view), invalid: current.invalid }));
  }, []);

  const dismissInvalid = useCallback(() => setState((current) => ({ ...current, invalid: [] })), []);
  const reject = useCallback(
    (problems: string[], patch: ViewPatch) => {
      update(patch, { replace: true });
      setState((current) => ({ ...current, invalid: [...current.invalid, ...problems] }));
    },
    [update],
  );
  return { view: state.view, update, invalid: state.invalid, dismissInvalid, reject };
}
