import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boxscoreQuery } from './api/boxscore.ts';
import { App } from './app.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { AccessGate } from './features/access/access-gate.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // One retry covers a blip; the server already shields us from Space-Track's faults.
    queries: { retry: 1, refetchOnWindowFocus: true },
  },
});

// Ask for the boxscore now, while React starts, rather than after the first render.
if (!new URLSearchParams(window.location.search).has('asOf')) void queryClient.prefetchQuery(boxscoreQuery(null));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        {/* Data cached under a refused token is dropped when the gate locks again. */}
        <AccessGate onLock={() => queryClient.clear()}>
          <App />
        </AccessGate>
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
