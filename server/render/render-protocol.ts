/**
 * What the server's thread (render-thread.ts) and the page renderer's thread (render-worker.ts)
 * say to each other. Types and a constant only: the server imports this, never the worker's module
 * (which brings React and the app).
 */
import type { ServerData } from '../../client/server-data.ts';

export interface RenderWorkerData {
  /** dist/: index.html is the page's shell. */
  clientDir: string;
}

/** Data sets the thread keeps (the current copy, and the one before while pages of it are asked). */
export const KEPT_DATA = 2;

/** A question: is the address rendered here, or its page (with its data when the thread lacks the key). */
export type RenderQuestion = { kind: 'check'; search: string } | { kind: 'page'; search: string; dataKey: string; data?: ServerData };
export type RenderRequest = RenderQuestion & { id: number };

export type RenderAnswer =
  | { id: number; kind: 'check'; renders: boolean }
  /** The whole page's UTF-8 bytes (transferred), or null when the shell has no place for it. */
  | { id: number; kind: 'page'; page: Uint8Array | null }
  | { id: number; kind: 'error'; message: string };
