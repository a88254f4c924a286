import { buildClientIfStale } from '../server/build-client.ts';

/** The app under test serves the built client, so build it once before any test (skipped when current). */
export default async function globalSetup(): Promise<void> {
  await buildClientIfStale();
}
