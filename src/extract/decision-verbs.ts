import type { Lexicon } from "../lexicon/load.js";
import { firstMatch, testAnywhere } from "../text/scan.js";
import { anyOf, isBlank } from "../text/unicode.js";
import { perLexicon } from "./per-lexicon.js";

export type DecisionTense = "present" | "past" | "passive";

interface Cues {
  /** Whether a lower-cased word ends in a deciding subject ("mötet", "styrelsen", "årsmötet"). */
  subjectEnd: (lower: string) => boolean;
  /** Whole words that are deciding subjects ("Vi väljer ingen suppleant"). */
  subjectWords: string[];
  /** Indefinite body words after a genitive ("Kommunstyrelsens arbetsutskott", "Region Västmanlands styrelse"). */
  afterGenitive: (lower: string) => boolean;
  present: RegExp;
  past: RegExp;
  passive: RegExp;
  /** An impersonal decision form followed by "att" ("bestämdes att", "enades man om att"). */
  impersonal: RegExp;
  /** "Beslut om …", "Beslut tas om …": the words after a leading "Beslut". */
  besLead: RegExp;
  /** "Detta …", "Beslutet …": a sentence that goes on about the decision before it. */
  continuation: RegExp;
}
/**
 * Whether a word ends in one of `forms`, asking only the forms that end in its last UTF-16 unit (two
 * dozen endsWith per word of every sentence's opening before; most words end in none of their letters).
 */
function endsInAny(forms: readonly string[]): (word: string) => boolean {
  if (forms.includes("")) return () => true;
  const byLast = new Map<number, string[]>();
  for (const f of forms) {
    const c = f.charCodeAt(f.length - 1);
    byLast.set(c, [...(byLast.get(c) ?? []), f]);
  }
  return (word) => {
    const list = byLast.get(word.charCodeAt(word.length - 1));
    return list !== undefined && list.some((f) => word.endsWith(f));
  };
}

/** Compiled once per lexicon instance (a second lexicon gets its own cues). */
const compiled = perLexicon((lex: Lexicon): Cues => {
  const verbs = (tense: string) => new RegExp(`^${anyOf(lex.forms("decision-verbs", tense))}(?![\\p{L}])`, "iu");
  const passive = new RegExp(`(?<![\\p{L}])${anyOf(lex.forms("decision-verbs", "passive"))}(?![\\p{L}])`, "iu");
  const impersonal = new RegExp(`(?<![\\p{L}])${anyOf(lex.forms("decision-verbs", "impersonal"))}[ \\t]+(?:om[ \\t]+)?att(?![\\p{L}])`, "iu");
  const besLead = new RegExp(`^Beslut(?:et)?[ \\t]+${anyOf(lex.forms("decision-verbs", "beslut-lead"))}[ \\t]+\\p{L}`, "u");
  const continuation = new RegExp(`^${anyOf(lex.forms("decision-verbs", "continuation"))}(?![\\p{L}])`, "iu");
  return {
    subjectEnd: endsInAny(lex.forms("decision-verbs", "subject")), subjectWords: lex.forms("decision-verbs", "subject-word"),
    afterGenitive: endsInAny(lex.forms("decision-verbs", "subject-after-genitive")), present: verbs("present"), past: verbs("past"), passive,
    impersonal, besLead, continuation,
  };
});

/** "Mötet", "Årsmötet", "Personalsektionen", "UFM": a word (no blanks in it) that is a deciding subject. */
function isDecidingSubject(word: string, cues: Cues): boolean {
  // (Two to five code points are 2 to 10 UTF-16 units: the length first.)
  if (word.length >= 2 && word.length <= 10 && /^\p{Lu}{2,5}$/u.test(word)) return true;
  const lower = word.toLowerCase();
  return cues.subjectWords.includes(lower) || cues.subjectEnd(lower);
}

/**
 * Words inside a subject of several words: "och" and a hyphenated first part ("Miljö- och
 * byggnadsnämnden"), a genitive ("Kommunstyrelsens arbetsutskott", "Region Västmanlands styrelse"),
 * a weak adjective ("Kommunstyrelsens allmänna utskott").
 */
const INNER_WORD = /^(?:och|\p{L}[\p{L}-]*-|\p{L}[\p{L}-]*(?::s|s)|\p{Ll}+a)$/u;
const GENITIVE = /(?::s|s)$/u;
const MAX_SUBJECT_WORDS = 4;

/**
 * The ways a sentence may open with a deciding subject, shortest first: the text after each subject.
 * The first word is capitalised; the last names a body ("Mötet", "Miljö- och byggnadsnämnden",
 * "Kommunstyrelsens arbetsutskott"); the words between are those of INNER_WORD.
 */
function afterSubject(cues: Cues, sentence: string): string[] {
  // The first word starts at the sentence's start (leadingWords gives none when a blank is there):
  // its capital is asked of the sentence before the words are cut.
  if (!/^\p{Lu}/u.test(sentence)) return [];
  const { words, after } = leadingWords(sentence, MAX_SUBJECT_WORDS);
  if (!words.length) return [];
  const out: string[] = [];
  // Whether a word before the k-th is a genitive.
  let owned = false;
  for (let k = 1; k <= words.length; k++) {
    if (k > 2 && !INNER_WORD.test(words[k - 2]!)) break;
    const last = words[k - 1]!;
    // After a genitive only an indefinite body word ends the subject: "Kommunstyrelsens arbetsutskott",
    // not "Borås Stads fullmäktige väljer två ledamöter", which tells how another body is made up.
    const bodyWord = owned ? cues.afterGenitive(last.toLowerCase()) : isDecidingSubject(last, cues);
    if (bodyWord) out.push(sentence.slice(after[k - 1]));
    owned ||= GENITIVE.test(last);
  }
  return out;
}

/**
 * The first words of a sentence that each have blanks after them, at most `max` (what
 * /^(?:\S+\s+){1,max}/u matches, cut at the blanks), and where the text goes on after each word's
 * blanks. By char code (isBlank is \s): a regex, a split and a search for each word ran on every sentence.
 */
function leadingWords(sentence: string, max: number): { words: string[]; after: number[] } {
  const words: string[] = [];
  const after: number[] = [];
  let i = 0;
  while (words.length < max) {
    let end = i;
    while (end < sentence.length && !isBlank(sentence.charCodeAt(end))) end++;
    let next = end;
    while (next < sentence.length && isBlank(sentence.charCodeAt(next))) next++;
    if (end === i || next === end) break;
    words.push(sentence.slice(i, end));
    after.push(next);
    i = next;
  }
  return { words, after };
}

/**
 * The tense of an active decision sentence: a deciding subject at the start followed by a decision
 * verb ("Mötet godkänner dagordningen", "Styrelsen uppdrar åt …", "Personalsektionen fastställde …",
 * "Miljö- och byggnadsnämnden beviljar …"). Present tense is how minutes record what the meeting
 * decides; past tense also tells of earlier decisions in background text, so the caller trusts it
 * less. Null when the sentence is not one.
 */
export function activeDecision(lex: Lexicon, sentence: string): "present" | "past" | null {
  const cues = compiled(lex);
  for (const rest of afterSubject(cues, sentence)) {
    // "Mötet nominerar och väljer Frans Skarman": the decision verb may follow a first verb and "och".
    const after = rest.replace(/^\p{Ll}+[ \t]+och[ \t]+/u, "");
    if (cues.present.test(after)) return "present";
    if (cues.past.test(after)) return "past";
  }
  return null;
}

/** A passive decision form anywhere in the sentence ("Dagordningen godkändes", "… bordläggs i klump"). */
export function hasPassiveDecision(lex: Lexicon, sentence: string): boolean {
  return testAnywhere(compiled(lex).passive, sentence);
}

/**
 * "Allmänna utskottet föreslår fullmäktige besluta att …", "Arbetsutskottet föreslår kommunstyrelsen …":
 * a deciding subject at the start followed by "föreslår". True when the sentence is one.
 */
export function proposingSubject(lex: Lexicon, sentence: string): boolean {
  return afterSubject(compiled(lex), sentence).some((rest) => /^föreslår(?![\p{L}])/u.test(rest));
}

/**
 * Cues before an impersonal form that tell of an earlier decision, not this meeting's
 * ("Vid förra mötet beslutades att …", "… som tidigare beslutades att …").
 */
const EARLIER = /(?<![\p{L}])(?:förra|föregående|tidigare|som|har|hade)(?![\p{L}])/iu;

/**
 * "Beslutas att …", "Det beslutades att …", "Bestäms att vi kör …", and after a fronted adverbial
 * ("Eftersom vi är många nya i styrelsen bestämdes att …", "Under förhandlingen enades man om att:"):
 * the impersonal passive (or "man") states this meeting's decision. Not when the words before it tell
 * of an earlier decision.
 */
export function impersonalDecision(lex: Lexicon, sentence: string): boolean {
  const m = firstMatch(compiled(lex).impersonal, sentence);
  if (!m) return false;
  const before = sentence.slice(0, m.index);
  return !testAnywhere(EARLIER, before);
}

/** "Beslut om att övergå …", "Beslut tas om kodstugornas tid & dag.": a decision led by the noun "Beslut". */
export function beslutLead(lex: Lexicon, sentence: string): boolean {
  return compiled(lex).besLead.test(sentence);
}

/** "Skjuter upp denna punkt …", "Beslutar att tänka över detta …": a present decision verb with no subject, opening the sentence. */
export function subjectlessDecision(lex: Lexicon, sentence: string): boolean {
  return /^\p{Lu}/u.test(sentence) && compiled(lex).present.test(sentence);
}

/** "Detta ska också med i bokslutet.": a sentence that goes on about the decision right before it. */
export function continuesDecision(lex: Lexicon, sentence: string): boolean {
  return compiled(lex).continuation.test(sentence);
}
