import { isUpper } from "../text/unicode.js";

export interface TitleCut {
  end: number;
}

const STOP_WORDS_AT_START = /^(?:Dnr|Diarienummer|Ärendenummer)\b/u;

/**
 * Where a title written on a flattened page line ends: before the next sentence, a case
 * number label, a section heading or a capitalised word that starts the body text.
 */
export function flatTitleEnd(text: string, start: number, limit: number, isPlace: (w: string) => boolean): number {
  const s = text.slice(start, Math.min(limit, start + 240));
  const words = [...s.matchAll(/\S+/gu)];
  let end = start + s.trimEnd().length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const at = start + w.index;
    const word = w[0];
    if (i > 0 && (STOP_WORDS_AT_START.test(word) || /^\*\*/.test(word))) return trimEnd(text, start, at);
    if (i >= 1) {
      const prev = words[i - 1]![0];
      const prevLower = /^\p{Ll}/u.test(prev) && !/[:]$/.test(prev);
      const cap = isUpper(word[0]) && /^\p{Lu}\p{Ll}/u.test(word);
      const allCaps = /^\p{Lu}{4,}$/u.test(word.replace(/[^\p{L}]/gu, "")) && word.length >= 4;
      if (allCaps && i >= 2) return trimEnd(text, start, at);
      const place = isPlace(word.replace(/[^\p{L}-]/gu, ""));
      if (cap && prevLower && !place) return trimEnd(text, start, at);
      // "Uthyrningsläget Jeanette Berggren informerade": a one-word title, then the body.
      if (cap && i === 1 && !place && !/[s:]$/u.test(prev) && /^\p{Lu}\p{Ll}/u.test(prev)) return trimEnd(text, start, at);
      if (/^(?:\d{1,2}[.)]|[a-z]\))$/u.test(word)) return trimEnd(text, start, at);
      if (word === "att" && i >= 2) return trimEnd(text, start, at);
    }
    if (/[.!?]$/.test(word) && !/^\p{Lu}\p{Ll}{0,3}\.$/u.test(word) && i >= 1) {
      const next = words[i + 1];
      if (!next || isUpper(next[0][0])) return start + w.index + word.length;
    }
    if (i >= 18) return start + w.index + word.length;
  }
  return end;
}

function trimEnd(text: string, start: number, at: number): number {
  let e = at;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
