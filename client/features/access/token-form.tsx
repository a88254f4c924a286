/** The access-token prompt: one password field, a plain message when the token was refused. */
import { useState, type FormEvent } from 'react';

export function TokenForm({ message, onSubmit }: { message: string | null; onSubmit: (token: string) => Promise<void> }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);

  async function handle(event: FormEvent) {
    event.preventDefault();
    if (!token.trim()) return;
    setBusy(true);
    try {
      await onSubmit(token.trim());
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page">
      <h1>Boxscore dashboard</h1>
      <form onSubmit={(e) => void handle(e)} aria-labelledby="access-title">
        <h2 id="access-title">Access token needed</h2>
        <p>This dashboard is protected. Enter the access token you were given; this tab keeps it until it is closed.</p>
        <label>
          Access token{' '}
          <input type="password" name="token" autoComplete="current-password" required value={token} onChange={(e) => setToken(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={busy}>
          Open the dashboard
        </button>
        {message && (
          <p role="alert" className="notice error">
            {message}
          </p>
        )}
      </form>
    </main>
  );
}
