/** Unicode-aware word boundaries: JavaScript's \b only knows ASCII letters. */
export const NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";
export const NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}])";

/** Any dash a text extractor may produce between two numbers or dates. */
export const DASH = "[-\\u2010-\\u2015\\u2212]";

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** An alternation of forms, longest first, with every metacharacter escaped. Spaces match any run of blanks. */
export function anyOf(forms: readonly string[]): string {
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${sorted.map((f) => escapeRegExp(f).replace(/ /g, "[ \\t]+")).join("|")})`;
}

/** anyOf wrapped in Unicode word boundaries. */
export function wordsOf(forms: readonly string[]): string {
  return `${NOT_AFTER_WORD}${anyOf(forms)}${NOT_BEFORE_WORD}`;
}

export function isUpper(ch: string | undefined): boolean {
  return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Collapse whitespace runs and trim. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
