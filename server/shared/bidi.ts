/**
 * Bidirectional control characters (embeddings, overrides, isolates and the directional marks):
 * inside a name, U+202E RIGHT-TO-LEFT OVERRIDE reverses the text after it, so "RUSSIA (SIC)
 * \u202Egpj.exe" reads "RUSSIA (SIC) exe.jpg". No country or organisation name needs them, so they
 * are removed wherever a name enters (the parser) or leaves (exports). Zod-free: the client
 * imports it too.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The same characters written as \uXXXX escapes, for messages that quote a raw upstream value. */
export function escapeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
