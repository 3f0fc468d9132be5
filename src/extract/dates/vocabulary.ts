import { perLexicon } from "../per-lexicon.js";
import type { Lexicon } from "../../lexicon/load.js";
import { anyOf, trieOf } from "../../text/unicode.js";

export interface DateVocabulary {
  month: string;
  /** The month forms as a trie (see trieOf): the same words, for a line filter. */
  monthTrie: string;
  weekday: string;
  ordinal: string;
  monthOf(word: string): number | undefined;
  ordinalOf(word: string): number | undefined;
}


/** Month, weekday and ordinal words from the lexicon, as regex sources and lookups. */
export const dateVocabulary = perLexicon((lex: Lexicon): DateVocabulary => {
  const months = lex.index("months");
  const ordinals = lex.index("ordinals");
  // Abbreviations end in an optional dot; "mar" is not a month in Swedish prose ("mar" = nothing), keep it.
  return {
    month: anyOf(lex.forms("months")),
    monthTrie: trieOf(lex.forms("months")),
    weekday: anyOf(lex.forms("weekdays")),
    ordinal: anyOf(lex.forms("ordinals")),
    monthOf: (w) => months.get(w.toLowerCase()) ? Number(months.get(w.toLowerCase())!.value) : undefined,
    ordinalOf: (w) => ordinals.get(w.toLowerCase()) ? Number(ordinals.get(w.toLowerCase())!.value) : undefined,
  };
});

