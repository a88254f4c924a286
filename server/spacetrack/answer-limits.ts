/**
 * How much of an upstream answer is read: a byte and a row limit per query, enforced while the
 * answer streams in, so an oversized answer is refused after at most `maxBytes` (plus one chunk)
 * and never kept, decoded or parsed whole. A 20,000-row answer used to freeze the event loop for
 * 9.4 s and a 50 MB one for 86 s (JSON.parse and validation of all of it, synchronously).
 *
 * Rows are counted as the objects of the top-level array (every Space-Track query answers an
 * array of objects), with a small scanner that follows strings and nesting chunk by chunk.
 */
import { upstreamErrors } from './errors.ts';

export interface AnswerLimits {
  /** What the answer is, in the refusal's message ("the boxscore"). */
  what: string;
  maxBytes: number;
  maxRows: number;
}

/**
 * The boxscore: 27 kB and 86 rows (85 countries and ALL) in 2015, growing by a few rows a year.
 * Room for ten times the rows at the same width, none for a runaway answer. A later query gets
 * its own limits (the satellite catalogue: ~67,000 rows, tens of MB).
 */
export const BOXSCORE_LIMITS: AnswerLimits = { what: 'the boxscore', maxBytes: 1_000_000, maxRows: 1_000 };

/**
 * The satellite catalogue (SATCAT_PATH, the fields the dashboard uses): ~67,000 rows and ~10 MB
 * today, growing by a few thousand rows a year. Room for three times that, parsed in a worker.
 */
export const CATALOGUE_LIMITS: AnswerLimits = { what: 'the satellite catalogue', maxBytes: 64 * 1024 * 1024, maxRows: 200_000 };

/** Login and logout answers: a few bytes of JSON, or an error page. */
export const SMALL_ANSWER_LIMITS: AnswerLimits = { what: 'a login or logout', maxBytes: 256 * 1024, maxRows: 10 };

const formatLimit = (n: number, unit: string) => `${new Intl.NumberFormat('en-US').format(n)} ${unit}`;

/** Counts the objects of a JSON answer's top-level array, fed chunk by chunk. */
export function createRowCounter(): { feed(text: string): number } {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let rows = 0;
  return {
    feed(text) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c /* \ */) escaped = true;
          else if (c === 0x22 /* " */) inString = false;
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
          if (c === 0x7b && depth === 1) rows++;
          depth++;
        } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
      }
      return rows;
    },
  };
}

/** The answer's text, read while it streams in; rejects with UPSTREAM_TOO_LARGE past a limit (and stops reading). */
export async function readWithinLimits(res: Response, limits: AnswerLimits): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const counter = createRowCounter();
  const parts: string[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > limits.maxBytes) throw upstreamErrors.tooLarge(limits.what, formatLimit(limits.maxBytes, 'bytes'));
      const text = decoder.decode(value, { stream: true });
      if (counter.feed(text) > limits.maxRows) throw upstreamErrors.tooLarge(limits.what, formatLimit(limits.maxRows, 'rows'));
      parts.push(text);
    }
  } catch (err) {
    // Stop the transfer: the rest of an oversized answer is never downloaded.
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  parts.push(decoder.decode());
  return parts.join('');
}
