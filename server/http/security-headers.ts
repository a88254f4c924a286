/**
 * Security headers for every response (helmet), with a Content-Security-Policy written out in full
 * rather than inherited, so a reader sees exactly what the page may do:
 *
 * - scripts and styles only from our own origin: no inline script, no eval, no inline <style>
 *   (React and recharts set styles through the CSSOM, which CSP does not restrict);
 * - images from our origin and `data:` — the PNG export (html-to-image) renders the chart through a
 *   data: SVG and hands back a data: PNG; index.html's empty favicon is a data: URL too.
 *   `blob:` is deliberately absent (see docs: nothing of ours needs it);
 * - no framing at all (clickjacking), no plugins, forms and <base> only to ourselves.
 *
 * `upgrade-insecure-requests` and HSTS are off: the app is served over plain HTTP on localhost, and
 * a TLS-terminating proxy in front of it is where HSTS belongs.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' as const },
  // Kept alongside frame-ancestors for browsers that predate it.
  xFrameOptions: { action: 'deny' as const },
};

/**
 * The headers helmet sets, computed once: with this configuration they are the same for every
 * response (no nonces), so each request only copies a short list instead of running helmet's
 * dozen middlewares.
 */
function helmetHeaders(): [string, string][] {
  const headers = new Map<string, string>();
  const stand = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  let done = false;
  helmet(HELMET_OPTIONS)({} as Parameters<RequestHandler>[0], stand as unknown as Parameters<RequestHandler>[1], () => (done = true));
  if (!done) throw new Error('helmet did not run synchronously; the security headers cannot be precomputed');
  return [...headers];
}

export function securityHeaders(): RequestHandler {
  const headers = helmetHeaders();
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
