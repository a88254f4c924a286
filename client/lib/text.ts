/**
 * Text helpers for names as Space-Track writes them: upper or mixed case, accents, slashes and
 * organisation names of 70+ characters.
 */

/** Lower case without accents, for searching: "SOCIÉTÉ" -> "societe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Shorten a long name for an axis label, cutting at a word boundary and adding an ellipsis. */
export function shortenName(name: string, max = 24): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s/,.-]+$/, '')}…`;
}

/** A file-name-safe slug: "Orbital debris" -> "orbital-debris". */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
