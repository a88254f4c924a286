import { join } from 'node:path';

/**
 * How the server's Node process is started, wherever it is: `npm start` (package.json repeats
 * these; server/runtime.test.ts keeps them the same), each instance of `npm run cluster`, and the
 * bench. The server runs built (SERVER_APP, plain JavaScript that build-client.ts writes): under
 * tsx, Node 20 would keep a second V8 isolate alive for its loader (~36 MB, a third of the RSS).
 * The flags bound memory the server never gives back otherwise (smaps on the render bench):
 * - V8's young generation grows to its largest (32 MB) during start-up and stays resident, empty,
 *   for good: capped at 1 MB (a start flag only; v8.setFlagsFromString has no effect later). 4 MB
 *   left the render bench at 150-156 MB, 2 MB at 149-153, 1 MB at 142-144, with new views a few
 *   ms slower (more scavenges: 22-30 -> 29-38 ms median, the goal is 100);
 * - glibc keeps a malloc arena per thread that ever allocated (libuv's pool, the tsx loader, a
 *   catalogue worker): two arenas are plenty for one event loop.
 */
export const SERVER_APP = join('dist', 'app', 'index.js');
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
