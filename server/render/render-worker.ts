/**
 * The page renderer's thread (started by render-thread.ts): React's server renderer and the app
 * live here, so rendering a page (25-65 ms of CPU for a new view while the code is cold) never
 * blocks the server's event loop. Built with the client for Node (dist/server/render-worker.js,
 * beside the server entry) and run as plain JavaScript: no TypeScript loader in this thread.
 *
 * It answers each message in the order received (render-protocol.ts). Data comes once per key (the
 * boxscore and the snapshot list a page is drawn from); the thread keeps the last KEPT_DATA,
 * dropping the oldest first, exactly as the sender counts (render-thread.ts), so a page never names
 * data it lacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareRender, renderDashboard, rendersOnServer } from '../../client/server-entry.tsx';
import type { ServerData } from '../../client/server-data.ts';
import { KEPT_DATA, type RenderAnswer, type RenderRequest, type RenderWorkerData } from './render-protocol.ts';

const ROOT = '<div id="root"></div>';

function serve(port: NonNullable<typeof parentPort>, { clientDir }: RenderWorkerData): void {
  const template = readFileSync(join(clientDir, 'index.html'), 'utf8');
  const data = new Map<string, ServerData>();
  const encoder = new TextEncoder();

  function page(search: string, serverData: ServerData): Uint8Array | null {
    if (!template.includes(ROOT)) return null;
    const result = renderDashboard(serverData, search);
    // A function, not a string: a replacement string would read `$&`, `` $` ``, `$'` and `$$` in the
    // page (the filter text of the address is in it) as patterns, copying the template into the page.
    return encoder.encode(template.replace(ROOT, () => `<div id="root">${result.html}</div>${result.dataHtml}`));
  }

  function answer(request: RenderRequest): void {
    try {
      if (request.kind === 'check') {
        port.postMessage({ id: request.id, kind: 'check', renders: rendersOnServer(request.search) } satisfies RenderAnswer);
        return;
      }
      if (request.data) {
        data.set(request.dataKey, request.data);
        if (data.size > KEPT_DATA) data.delete(data.keys().next().value!);
      }
      const serverData = data.get(request.dataKey);
      if (!serverData) throw new Error(`No data under the key ${request.dataKey}.`);
      const bytes = page(request.search, serverData);
      port.postMessage({ id: request.id, kind: 'page', page: bytes } satisfies RenderAnswer, bytes ? [bytes.buffer as ArrayBuffer] : []);
    } catch (err) {
      port.postMessage({ id: request.id, kind: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies RenderAnswer);
    }
  }

  // Messages wait in the port until the lazy parts have loaded (once); a failure to load them ends
  // the thread with that error (render-thread.ts sends the shell and counts a failed start).
  prepareRender().then(
    () => port.on('message', answer),
    (err: unknown) => setImmediate(() => {
      throw err;
    }),
  );
}

if (parentPort) serve(parentPort, workerData as RenderWorkerData);
