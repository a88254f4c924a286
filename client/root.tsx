/** The whole tree, the same in the browser (boot.tsx) and on the server (server-entry.tsx). */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, useEffect } from 'react';
import { App } from './app.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { AccessGate } from './features/access/access-gate.tsx';
import { ChartPictureContext, type ChartPictureSlot } from './features/chart/chart-picture.ts';

/** Marks the page as live (React attached) on <html data-interactive>: before that, a server-rendered page is only a picture of itself. */
function MarkInteractive() {
  useEffect(() => {
    document.documentElement.dataset.interactive = 'true';
  }, []);
  return null;
}

export function Root({ queryClient, picture, search }: { queryClient: QueryClient; picture: ChartPictureSlot; search?: string }) {
  return (
    <StrictMode>
      <ErrorBoundary>
        <QueryClientProvider client={queryClient}>
          {/* Data cached under a refused token is dropped when the gate locks again. */}
          <AccessGate onLock={() => queryClient.clear()}>
            <ChartPictureContext value={picture}>
              <App search={search} />
            </ChartPictureContext>
          </AccessGate>
        </QueryClientProvider>
        <MarkInteractive />
      </ErrorBoundary>
    </StrictMode>
  );
}
