/**
 * Journeys over the satellite catalogue: each worker runs the real app as `npm start` does without
 * credentials (the boxscore rebuilt from the embedded catalogue for its newest day, the real 2015
 * boxscores in the history, the timeline, objects and events routes), serving the built client.
 */
import { createApp } from '../server/app.ts';
import { createEmbeddedSource, NEWEST_EMBEDDED, readEmbeddedSnapshot } from '../server/boxscore/embedded.ts';
import { createHistory } from '../server/boxscore/history.ts';
import { createNewestDaySource } from '../server/catalogue/newest-day-source.ts';
import { createRebuilt } from '../server/catalogue/rebuilt.ts';
import { createLogger } from '../server/logger.ts';
import { fixedCatalogueSource } from '../server/test-support/catalogue.ts';
import { listen, type Listening } from '../server/test-support/listen.ts';
import { CLIENT_DIR, test as base } from './fixtures.ts';

export const test = base.extend<object, { catalogueApp: Listening }>({
  catalogueApp: [
    async ({}, use) => {
      const logger = createLogger('silent');
      const embedded = readEmbeddedSnapshot(NEWEST_EMBEDDED);
      const rebuilt = createRebuilt({ catalogues: fixedCatalogueSource(), newestRealRows: async () => embedded.rows });
      const source = createNewestDaySource(rebuilt, createEmbeddedSource(), logger);
      const listening = await listen(createApp({ source, rebuilt, history: createHistory({ source, rebuilt }), logger, clientDir: CLIENT_DIR }));
      // Prepare the catalogue (a few seconds on a busy machine) before the first journey's clock starts.
      for (const path of ['/api/boxscore/history', '/api/boxscore', '/api/timeline']) await fetch(`${listening.url}${path}`);
      await use(listening);
      await listening.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ catalogueApp }, use) => use(catalogueApp.url),
});

export { expect } from './fixtures.ts';
