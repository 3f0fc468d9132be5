import type { Lexicon } from "../lexicon/load.js";
import { anyOf } from "../text/unicode.js";
import { perLexicon } from "./per-lexicon.js";

export type DecisionTense = "present" | "past" | "passive";

interface Cues {
  subjectEnd: string[];
  present: RegExp;
  past: RegExp;
  passive: RegExp;
}
/** Compiled once per lexicon instance (a second lexicon gets its own cues). */
const compiled = perLexicon((lex: Lexicon): Cues => {
  const verbs = (tense: string) => new RegExp(`^${anyOf(lex.forms("decision-verbs", tense))}(?![\\p{L}])`, "iu");
  const passive = new RegExp(`(?<![\\p{L}])${anyOf(lex.forms("decision-verbs", "passive"))}(?![\\p{L}])`, "iu");
  return { subjectEnd: lex.forms("decision-verbs", "subject"), present: verbs("present"), past: verbs("past"), passive };
});

/** "Mötet", "Årsmötet", "Personalsektionen", "Allmänna utskottet", "UFM": a deciding subject. */
function isDecidingSubject(words: string, ends: string[]): boolean {
  const last = words.split(/[ \t]+/u).pop()!;
  if (/^\p{Lu}{2,5}$/u.test(last)) return true;
  const lower = last.toLowerCase();
  return ends.some((e) => lower.endsWith(e));
}

/**
 * The tense of an active decision sentence: a deciding subject at the start followed by a decision
 * verb ("Mötet godkänner dagordningen", "Styrelsen uppdrar åt …", "Personalsektionen fastställde …").
 * Present tense is how minutes record what the meeting decides; past tense also tells of earlier
 * decisions in background text, so the caller trusts it less. Null when the sentence is not one.
 */
export function activeDecision(lex: Lexicon, sentence: string): "present" | "past" | null {
  const cues = compiled(lex);
  const m = /^((?:\p{Lu}[\p{L}-]*[ \t]+)?(?:\p{Lu}|\p{Ll})[\p{L}-]*)[ \t]+/u.exec(sentence);
  if (!m || !/^\p{Lu}/u.test(m[1]!)) return null;
  const rest = sentence.slice(m[0].length);
  // "Allmänna utskottet", but only when the second word is the subject ("Mötet godkänner" is one word).
  const tries = [m[1]!, m[1]!.split(/[ \t]+/u)[0]!];
  for (const subject of tries) {
    if (!isDecidingSubject(subject, cues.subjectEnd)) continue;
    // "Mötet nominerar och väljer Frans Skarman": the decision verb may follow a first verb and "och".
    const after = (subject === m[1] ? rest : sentence.slice(subject.length).trimStart()).replace(/^\p{Ll}+[ \t]+och[ \t]+/u, "");
    if (cues.present.test(after)) return "present";
    if (cues.past.test(after)) return "past";
  }
  return null;
}

/** A passive decision form anywhere in the sentence ("Dagordningen godkändes", "… bordläggs i klump"). */
export function hasPassiveDecision(lex: Lexicon, sentence: string): boolean {
  return compiled(lex).passive.test(sentence);
}

/**
 * "Allmänna utskottet föreslår fullmäktige besluta att …", "Arbetsutskottet föreslår kommunstyrelsen …":
 * a deciding subject at the start followed by "föreslår". True when the sentence is one.
 */
export function proposingSubject(lex: Lexicon, sentence: string): boolean {
  const m = /^((?:\p{Lu}[\p{L}-]*[ \t]+)?\p{L}[\p{L}-]*)[ \t]+föreslår(?![\p{L}])/u.exec(sentence);
  if (!m || !/^\p{Lu}/u.test(m[1]!)) return false;
  const ends = compiled(lex).subjectEnd;
  return isDecidingSubject(m[1]!, ends) || isDecidingSubject(m[1]!.split(/[ \t]+/u)[0]!, ends);
}
