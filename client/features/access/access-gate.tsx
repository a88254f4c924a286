/**
 * When the server has a DASHBOARD_TOKEN, nothing but this prompt is shown until the token is
 * given; it is then kept for the tab (sessionStorage, see api/client.ts), so a reload does not ask
 * again. The gate is optimistic: the dashboard starts loading at once (no extra round trip before
 * the first paint when there is no token), and the first 401 from the API locks it. If the server
 * later refuses the token (changed, server restarted), the prompt comes back.
 */
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { accessToken, ApiError, apiFetch, UNAUTHORIZED_EVENT } from '../../api/client.ts';

// Only a protected dashboard asks for a token: the form's code loads when it is needed.
const TokenForm = lazy(() => import('./token-form.tsx').then((m) => ({ default: m.TokenForm })));

type Access = { phase: 'open' } | { phase: 'locked'; message: string | null };

const WRONG = 'That access token is not right. Check it and try again.';
const REFUSED = 'The dashboard did not accept the access token of this tab. Enter it again.';

export function AccessGate({ children, onLock }: { children: ReactNode; onLock?: () => void }) {
  const [access, setAccess] = useState<Access>({ phase: 'open' });
  const open = access.phase === 'open';

  useEffect(() => {
    if (!open) return undefined;
    const lock = (event: Event) => {
      const code = event instanceof CustomEvent ? event.detail : undefined;
      accessToken.clear();
      onLock?.();
      // A first visit without a token just shows the prompt; a refused token says so.
      setAccess({ phase: 'locked', message: code === 'TOKEN_INVALID' ? REFUSED : null });
    };
    // Listening only while open: later 401s (e.g. the form's own check) change nothing here.
    window.addEventListener(UNAUTHORIZED_EVENT, lock, { once: true });
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, lock);
  }, [open, onLock]);

  const submit = useCallback(async (token: string) => {
    accessToken.set(token);
    try {
      await apiFetch('/api/health');
      setAccess({ phase: 'open' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        accessToken.clear();
        setAccess({ phase: 'locked', message: WRONG });
      } else {
        // Any other failure is the dashboard's to show (it has its own error states).
        setAccess({ phase: 'open' });
      }
    }
  }, []);

  if (access.phase === 'open') return children;
  return (
    <Suspense
      fallback={
        <main className="page">
          <h1>Boxscore dashboard</h1>
          <p role="status">Access token needed…</p>
        </main>
      }
    >
      <TokenForm message={access.message} onSubmit={submit} />
    </Suspense>
  );
}
