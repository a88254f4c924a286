/**
 * Server memory: RSS of a fresh app process after start, after 10,000 requests, and after 40,000
 * more in batches of 10,000, each reading taken after a full garbage collection. The first batch
 * warms the JIT, sockets and caches; a flat server then stops growing, so the budget looks at the
 * growth from 10,000 to 50,000 requests.
 */
import autocannon from 'autocannon';
import { startApp } from './api.ts';
import type { ChildServer } from './servers.ts';

export interface MemoryFigures {
  startMb: number;
  after10kMb: number;
  after20kMb: number;
  after50kMb: number;
}

export const mb = (bytes: number): number => bytes / 1_048_576;
const settle = () => new Promise((r) => setTimeout(r, 1000));

/** The server's RSS in MB after a full garbage collection (the child runs with --expose-gc; serve.ts collects on SIGUSR2). */
export async function rssAfterGc(app: ChildServer): Promise<number> {
  process.kill(app.pid, 'SIGUSR2');
  await settle();
  return mb(app.rss());
}

export async function measureMemory(): Promise<MemoryFigures> {
  const app = await startApp({}, ['--expose-gc']);
  try {
    const startMb = await rssAfterGc(app);
    const batch = async () => {
      const r = await autocannon({ url: `${app.url}/api/boxscore`, connections: 50, amount: 10_000, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      if (r['2xx'] !== 10_000) throw new Error(`Memory run: ${r['2xx']} of 10000 requests answered 200.`);
      return rssAfterGc(app);
    };
    const after10kMb = await batch();
    const after20kMb = await batch();
    await batch();
    await batch();
    const after50kMb = await batch();
    return { startMb, after10kMb, after20kMb, after50kMb };
  } finally {
    await app.stop();
  }
}
