import type { Lexicon } from "../lexicon/load.js";

/**
 * What is compiled from a lexicon, built once per lexicon instance: a second lexicon (a test's, a
 * caller's own vocabulary) gets its own patterns instead of the first one's.
 */
export function perLexicon<T>(build: (lex: Lexicon) => T): (lex: Lexicon) => T {
  const made = new WeakMap<Lexicon, T>();
  return (lex) => {
    let v = made.get(lex);
    if (v === undefined) {
      v = build(lex);
      made.set(lex, v);
    }
    return v;
  };
}
