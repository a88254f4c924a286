import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { recordBuildInputs } from './server/build-inputs.ts';
import { precompress } from './server/build-precompress.ts';
import { hintLazyChunks } from './server/build-prefetch.ts';

const apiTarget = `http://localhost:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  // The app (boot.tsx) is preloaded: it runs a frame after the entry. recharts' chunks are
  // prefetched: fetched while the page starts, run on demand.
  plugins: [
    react(),
    hintLazyChunks([
      { module: /\/client\/boot\.tsx$/, rel: 'modulepreload' },
      { module: /\/client\/features\/chart\//, rel: 'prefetch' },
    ]),
    precompress(),
    // What each build read, for npm start's staleness check (server/build-client.ts).
    recordBuildInputs(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Every browser we support (ES modules in 2023+: Chromium, Firefox 115, Safari 17) knows
    // modulepreload: no polyfill in the entry.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev`: Vite serves the client with hot reload, the API runs under `npm start`.
    proxy: { '/api': apiTarget },
  },
  test: {
    environment: 'node',
    // Server-rendering tests load the built client (dist/, dist/server/): built first when stale, as for the journeys.
    globalSetup: ['e2e/global-setup.ts'],
    restoreMocks: true,
    projects: [
      { extends: true, test: { name: 'unit', include: ['client/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'e2e/fake-upstream/**/*.test.ts', 'e2e/bench/**/*.test.ts'] } },
      {
        // The daily cutoff is 17:00 UTC: computed in local time it would still pass in a UTC run
        // (every machine of ours), so the tests of time run again far from UTC (UTC+12/+13).
        extends: true,
        test: {
          name: 'tz-auckland',
          include: ['server/boxscore/refresh-policy.test.ts', 'server/boxscore/live-source.test.ts', 'server/boxscore/snapshot-store.test.ts', 'server/boxscore/history.test.ts'],
          env: { TZ: 'Pacific/Auckland' },
        },
      },
    ],
  },
});
