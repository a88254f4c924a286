/**
 * A column of texts (the objects' names and international designators). While a copy is parsed
 * and indexed it is a plain array; once prepared it is packed into one UTF-8 buffer and the end
 * offset of each text (packed.ts), because 135,000 strings are what made handing a catalogue from
 * its worker to the server's thread cost ~100 ms of structured clone, and ~10 MB of heap once
 * there. A packed text is decoded only when it is read: an objects page reads a few dozen.
 */

export interface TextColumn {
  readonly length: number;
  at(i: number): string;
  /** Whether text i starts with `prefix` (without decoding it, when packed). */
  startsWith(i: number, prefix: string): boolean;
}

/** A column over strings held as they are (parsing, tests). */
export function arrayTexts(values: readonly string[]): TextColumn {
  return {
    length: values.length,
    at: (i) => values[i]!,
    startsWith: (i, prefix) => values[i]!.startsWith(prefix),
  };
}

export interface PackedTexts {
  /** Every text's UTF-8 bytes, one after another. */
  bytes: Uint8Array;
  /** ends[i]: where text i ends in `bytes` (it starts where text i-1 ends). */
  ends: Uint32Array;
}

export function packTexts(column: TextColumn): PackedTexts {
  const encoded: Buffer[] = [];
  const ends = new Uint32Array(column.length);
  let end = 0;
  for (let i = 0; i < column.length; i++) {
    const bytes = Buffer.from(column.at(i), 'utf8');
    encoded.push(bytes);
    ends[i] = end += bytes.length;
  }
  return { bytes: new Uint8Array(Buffer.concat(encoded, end)), ends };
}

/** A column reading packed texts in place (no copy of the bytes). */
export function packedTexts({ bytes, ends }: PackedTexts): TextColumn {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = (i: number) => (i === 0 ? 0 : ends[i - 1]!);
  // The last prefix asked for, encoded: a filter asks the same one of every object in turn.
  let prefixText: string | undefined;
  let prefixBytes = Buffer.alloc(0);
  return {
    length: ends.length,
    at: (i) => buffer.toString('utf8', start(i), ends[i]),
    startsWith(i, prefix) {
      if (prefix !== prefixText) [prefixText, prefixBytes] = [prefix, Buffer.from(prefix, 'utf8')];
      const from = start(i);
      const n = prefixBytes.length;
      if (ends[i]! - from < n) return false;
      for (let k = 0; k < n; k++) if (buffer[from + k] !== prefixBytes[k]) return false;
      return true;
    },
  };
}

/** Every text, decoded (for sorting by them while a copy is prepared). */
export const allTexts = (column: TextColumn): string[] => Array.from({ length: column.length }, (_, i) => column.at(i));
