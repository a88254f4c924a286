import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './server/build-precompress.ts';
import { prefetchLazy } from './server/build-prefetch.ts';

const apiTarget = `http://localhost:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  // The chart's chunks are prefetched (not preloaded): fetched while the data loads, run on demand.
  plugins: [react(), prefetchLazy(/\/client\/features\/chart\//), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // `npm run dev`: Vite serves the client with hot reload, the API runs under `npm start`.
    proxy: { '/api': apiTarget },
  },
  test: {
    include: ['client/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'e2e/fake-upstream/**/*.test.ts', 'e2e/bench/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
