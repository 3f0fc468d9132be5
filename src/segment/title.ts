import type { Lexicon } from "../lexicon/load.js";
import { anyOf, isUpper } from "../text/unicode.js";
import { WEAK_MIDLINE } from "./sections.js";

/** A case number label, or a case number the text layer broke ("2018/ / /"): the title has ended. */
const STOP_WORDS_AT_START = /^(?:(?:Dnr|Diarienummer|Ärendenummer|Änr)(?![\p{L}])|\d*\/$)/u;

/** The title vocabulary of one lexicon, compiled once per lexicon instance. */
export interface TitleWords {
  /** Words a title does not end on (lower case): "för", "till", "och" … */
  continues: Set<string>;
  /** A section heading at this offset ("Beskrivning av ärendet", "Beslutsunderlag"): the body begins. */
  sectionAt: RegExp;
  /** Given names (lower case): "Martin Hylander vald till …" is a title that starts with a name. */
  firstNames: Set<string>;
}

/** How a title line is read: a flattened page (sentences end titles) or a run-in line (title, then the body). */
export interface TitleCutOptions {
  /** Whether a sentence end ends the title; on a run-in line a title may hold a full stop ("Kyrkstigen. Beslut om …"). */
  sentences: boolean;
}

const compiled = new WeakMap<Lexicon, TitleWords>();

export function titleWords(lex: Lexicon): TitleWords {
  let t = compiled.get(lex);
  if (!t) {
    const headings = lex.forms("section-headings").filter((f) => !WEAK_MIDLINE.has(f));
    t = {
      continues: new Set(lex.forms("title-words", "continues").map((f) => f.toLowerCase())),
      sectionAt: new RegExp(`^(?:${anyOf(headings)})(?![\\p{L}])`, "u"),
      firstNames: new Set(lex.forms("first-names").map((f) => f.toLowerCase())),
    };
    compiled.set(lex, t);
  }
  return t;
}

/** The word without punctuation around it, in lower case. */
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();

/** Whether a title that ends with `word` must go on (a preposition, a conjunction, a comma). */
export function titleContinuesAfter(word: string, words: TitleWords): boolean {
  return /[,–-]$/u.test(word) || words.continues.has(bare(word));
}

/**
 * Where a title written on a flattened page line ends: before the next sentence, a case
 * number label, a section heading or a capitalised word that starts the body text. A word after a
 * preposition or conjunction belongs to the title (a name: "Gatubelysning i Ljusdals kommun").
 */
export function flatTitleEnd(
  text: string,
  start: number,
  limit: number,
  isPlace: (w: string) => boolean,
  tw: TitleWords,
  opts: TitleCutOptions = { sentences: true },
): number {
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
      const held = titleContinuesAfter(prev, tw);
      if (!held && tw.sectionAt.test(s.slice(w.index))) return trimEnd(text, start, at);
      const prevLower = /^\p{Ll}/u.test(prev) && !/[:]$/.test(prev);
      const cap = isUpper(word[0]) && /^\p{Lu}\p{Ll}/u.test(word);
      const allCaps = /^\p{Lu}{4,}$/u.test(word.replace(/[^\p{L}]/gu, "")) && word.length >= 4;
      if (allCaps && i >= 2 && !held) return trimEnd(text, start, at);
      const place = isPlace(word.replace(/[^\p{L}-]/gu, ""));
      if (cap && prevLower && !place && !held) return trimEnd(text, start, at);
      // "Uthyrningsläget Jeanette Berggren informerade": a one-word title, then the body.
      const name = tw.firstNames.has(bare(prev));
      if (opts.sentences && cap && i === 1 && !place && !held && !name && !/[s:]$/u.test(prev) && /^\p{Lu}\p{Ll}/u.test(prev)) return trimEnd(text, start, at);
      if (/^(?:\d{1,2}[.)]|[a-z]\))$/u.test(word)) return trimEnd(text, start, at);
      if (opts.sentences && word === "att" && i >= 2 && !held) return trimEnd(text, start, at);
    }
    if (opts.sentences && /[.!?]$/.test(word) && !/^\p{Lu}\p{Ll}{0,3}\.$/u.test(word) && i >= 1) {
      const next = words[i + 1];
      // "Lönekartläggning. - Åsa Lönn": the presenter after a dash is not the title.
      const presenter = !!next && /^[–-]$/u.test(next[0]) && /^\p{Lu}/u.test(words[i + 2]?.[0] ?? "");
      if (!next || isUpper(next[0][0]) || presenter) return start + w.index + word.length;
    }
    if (i >= 28) return start + w.index + word.length;
  }
  return end;
}

function trimEnd(text: string, start: number, at: number): number {
  let e = at;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
