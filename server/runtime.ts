import { join } from 'node:path';

/**
 * How the server's Node process is started, wherever it is: `npm start` and `npm run soak`
 * (package.json repeats these; server/runtime.test.ts keeps them the same), each instance of
 * `npm run cluster`, and the bench. The server runs built (SERVER_APP, plain JavaScript that build-client.ts writes): under
 * tsx, Node 20 would keep a second V8 isolate alive for its loader (~36 MB, a third of the RSS).
 * The flags bound memory the server never gives back otherwise (smaps on the render bench):
 * - V8's young generation grows to its largest (32 MB per isolate: the server's and the render
 *   thread's) during start-up and stays resident, empty, for good: capped at 4 MB semi-spaces (a
 *   start flag only; v8.setFlagsFromString has no effect later). Render bench, RSS after the views
 *   and a new view's median: no cap 139-141 MB and 24 ms, 4 MB 127-128 MB and 23-25 ms, 1 MB
 *   122-125 MB and 35-45 ms (scavenges all through a render);
 * - glibc keeps a malloc arena per thread that ever allocated (libuv's pool, the render thread, a
 *   catalogue worker): two arenas are plenty for one event loop.
 */
export const SERVER_APP = join('dist', 'app', 'index.js');
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
