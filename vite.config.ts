import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const apiTarget = `http://localhost:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  plugins: [react()],
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
    include: ['client/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'e2e/fake-upstream/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
