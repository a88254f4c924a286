/** Test helpers: a raw HTTP exchange, as sent: fetch would hide Content-Encoding by decoding the body, and refuses a GET with a body. */
import { request, type Agent } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** false: a fresh connection (no keep-alive pool). */
  agent?: Agent | false;
}

export function rawRequest(url: string, { method = 'GET', headers = {}, body, agent }: RawRequest = {}): Promise<RawResponse> {
  // Node frames a body on GET only with a length; one given by the caller wins.
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    request(url, { method, headers, ...(agent !== undefined ? { agent } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end(body);
  });
}

export const rawGet = (url: string, headers: Record<string, string> = {}): Promise<RawResponse> => rawRequest(url, { headers });
