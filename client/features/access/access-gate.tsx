/**
 * When the server has a DASHBOARD_TOKEN, nothing but this prompt is shown until the token is
 * given; it is then kept for the tab (sessionStorage, see api/client.ts), so a reload does not ask
 * again. Without a token on the server, the first check passes and the dashboard shows at once.
 * If the server later refuses the token (changed, server restarted), the prompt comes back.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { accessToken, ApiError, apiFetch, UNAUTHORIZED_EVENT } from '../../api/client.ts';
import { TokenForm } from './token-form.tsx';

type Access = { phase: 'checking' } | { phase: 'open' } | { phase: 'locked'; message: string | null };

const WRONG = 'That access token is not right. Check it and try again.';

async function checkAccess(): Promise<Access> {
  try {
    await apiFetch('/api/health');
    return { phase: 'open' };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      accessToken.clear();
      return { phase: 'locked', message: err.code === 'TOKEN_INVALID' ? WRONG : null };
    }
    // Any other failure is the dashboard's to show (it has its own error states).
    return { phase: 'open' };
  }
}

export function AccessGate({ children, onLock }: { children: ReactNode; onLock?: () => void }) {
  const [access, setAccess] = useState<Access>({ phase: 'checking' });

  useEffect(() => {
    let current = true;
    void checkAccess().then((result) => current && setAccess(result));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const lock = () =>
      setAccess((now) => {
        if (now.phase !== 'open') return now;
        accessToken.clear();
        onLock?.();
        return { phase: 'locked', message: 'The dashboard no longer accepts the access token of this tab. Enter it again.' };
      });
    window.addEventListener(UNAUTHORIZED_EVENT, lock);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, lock);
  }, [onLock]);

  const submit = useCallback(async (token: string) => {
    accessToken.set(token);
    const result = await checkAccess();
    setAccess(result.phase === 'locked' ? { phase: 'locked', message: WRONG } : result);
  }, []);

  if (access.phase === 'open') return children;
  if (access.phase === 'checking') return <main className="page" aria-busy="true" />;
  return <TokenForm message={access.message} onSubmit={submit} />;
}
