import type { Lexicon } from "../lexicon/load.js";
import type { Outcome } from "../model/schema.js";
import { wordsOf } from "../text/unicode.js";

type Matcher = { code: Outcome; generic: boolean; re: RegExp };
/** Compiled once per lexicon instance (a second lexicon gets its own matchers). */
const byLexicon = new WeakMap<Lexicon, Matcher[]>();

function matchersOf(lex: Lexicon): Matcher[] {
  let m = byLexicon.get(lex);
  if (!m) { m = compile(lex); byLexicon.set(lex, m); }
  return m;
}

function compile(lex: Lexicon): Matcher[] {
  return lex
    .entries("outcomes")
    .filter((e) => e.forms.length > 0)
    .map((e) => ({ code: e.value as Outcome, generic: e.generic === true, re: new RegExp(wordsOf(e.forms), "iu") }));
}

/**
 * The codebook outcome a decision text carries: the specific cue that comes first decides;
 * a generic one ("beslutar att") only when no specific cue is there.
 */
export function classifyOutcome(text: string, lex: Lexicon): Outcome {
  const matchers = matchersOf(lex);
  let best: { code: Outcome; at: number; generic: boolean } | null = null;
  for (const m of matchers) {
    const hit = m.re.exec(text);
    if (!hit) continue;
    const better = !best || (best.generic && !m.generic) || (best.generic === m.generic && hit.index < best.at);
    if (better) best = { code: m.code, at: hit.index, generic: m.generic };
  }
  return best?.code ?? "other";
}

/** One outcome per att-clause or bullet of a decision ("att 1 … att 2 …"). */
export function classifyClauses(text: string, lex: Lexicon): Outcome[] {
  const clauses = text
    .split(/(?:^|\n|[,;.][ \t]*)(?=att[ \t]+(?:\d+[ \t]+)?\p{Ll})|\n[ \t]*[•●▪-][ \t]*|[•●▪]/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 3);
  const out = (clauses.length ? clauses : [text]).map((c) => classifyOutcome(c, lex));
  const specific = out.filter((o) => o !== "other");
  return [...new Set(specific.length ? specific : out)];
}
